import { countyCodes } from '../db/repositories/users.ts';
import { COVERAGE_COUNTS, type CoverageCounts, coverageReport } from '../services/grids/coverage.ts';
import { withJobDatabase } from './job-database.ts';

/**
 * `lianxin coverage [--org <code>] [--json]`: the grid organisation's gaps for one org unit (a county,
 * township or village code), or summed over every county in the database.
 */
export async function coverageCommand(options: { org?: string; json?: boolean }): Promise<void> {
  if (options.org !== undefined && !/^[0-9]{6}([0-9]{3}){0,3}$/.test(options.org)) {
    throw new Error(`--org must be a division code of 6, 9, 12 or 15 digits, not "${options.org}"`);
  }
  await withJobDatabase(async ({ db }) => {
    const counties = options.org ? [options.org.slice(0, 6)] : await countyCodes(db);
    const totals = Object.fromEntries(COVERAGE_COUNTS.map((k) => [k, 0])) as CoverageCounts;
    for (const county of counties) {
      const report = await coverageReport(db, county, options.org ?? county);
      for (const key of COVERAGE_COUNTS) totals[key] += report.totals[key];
    }
    if (options.json) console.log(JSON.stringify(totals));
    else for (const [key, value] of Object.entries(totals)) console.log(`${key.padEnd(28)} ${value}`);
  });
}
