import { AppError } from '../domain/errors.ts';
import { flagHistory } from '../services/record-trust/flag-records.ts';
import { withJobDatabase } from './job-database.ts';

/**
 * `lianxin flags --county <code> [--json]`: recompute the county's anomaly flags over its whole help-record
 * history and print the figures (records, flagged, by kind, confirmation states).
 */
export async function flagsCommand(options: { county: string; json?: boolean }): Promise<void> {
  if (!/^[0-9]{6}$/.test(options.county)) {
    throw new AppError('validation_failed', {
      zh: '--county 须为 6 位县级代码',
      en: '--county must be a 6-digit county code',
    });
  }
  await withJobDatabase(async ({ db }) => {
    const summary = await flagHistory(db, options.county);
    if (options.json) {
      console.log(JSON.stringify(summary));
      return;
    }
    const { byKind, ...rest } = summary;
    for (const [key, value] of Object.entries(rest)) console.log(`${key.padEnd(20)} ${value}`);
    for (const [kind, n] of Object.entries(byKind)) console.log(`  ${kind.padEnd(18)} ${n}`);
  });
}
