import { importDivisions } from '../services/import-divisions.ts';
import { withJobDatabase } from './job-database.ts';

/** `lianxin import-divisions --county 340822`. */
export async function importDivisionsCommand(options: { county: string }): Promise<void> {
  await withJobDatabase(async ({ db }) => {
    const result = await importDivisions(db, options.county);
    const { county } = result;
    console.log(
      `${county.provinceName}${county.cityName}${county.name} (${county.code}): ${result.townships} townships imported`,
    );
  });
}
