import { AppError } from '../domain/errors.ts';
import { starsReport } from '../services/assessment/stars-report.ts';
import { withJobDatabase } from './job-database.ts';

/** `lianxin stars --county <code> --year <yyyy> [--json]`: recompute a county-year's points and stars, print them. */
export async function starsCommand(options: { county: string; year: string; json?: boolean }): Promise<void> {
  const year = Number(options.year);
  if (!/^[0-9]{6}$/.test(options.county) || !Number.isInteger(year) || year < 2013 || year > 2100) {
    throw new AppError('validation_failed', {
      zh: '--county 须为 6 位县级代码，--year 须为 2013–2100 的年份',
      en: '--county must be a 6-digit county code and --year a year in 2013–2100',
    });
  }
  await withJobDatabase(async ({ db }) => {
    const report = await starsReport(db, options.county, year);
    if (options.json) {
      console.log(JSON.stringify(report));
      return;
    }
    const { byStars, ...rest } = report;
    for (const [key, value] of Object.entries(rest)) console.log(`${key.padEnd(20)} ${value}`);
    for (const stars of ['5', '4', '3', '2', '1'] as const) {
      console.log(`${'★'.repeat(Number(stars)).padEnd(20)} ${byStars[stars]}`);
    }
  });
}
