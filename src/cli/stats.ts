import { registryStats } from '../services/stats.ts';
import { withJobDatabase } from './job-database.ts';

/** `lianxin stats [--json] [--county <code>]`. */
export async function statsCommand(options: { json?: boolean; county?: string }): Promise<void> {
  await withJobDatabase(async ({ db }) => {
    const stats = await registryStats(db, options.county);
    if (options.json) console.log(JSON.stringify(stats));
    else
      for (const [key, value] of Object.entries(stats))
        console.log(`${key.padEnd(20)} ${typeof value === 'object' ? JSON.stringify(value) : value}`);
  });
}
