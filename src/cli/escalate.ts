import { sweepOverdue } from '../services/problems/sweep-overdue.ts';
import { withJobDatabase } from './job-database.ts';

/** `lianxin escalate --sweep [--county <code>]`: one overdue sweep; prints `{checked, escalated}`. */
export async function escalateCommand(options: { sweep?: boolean; county?: string }): Promise<void> {
  if (!options.sweep) throw new Error('nothing to do: pass --sweep to escalate every overdue problem one level');
  await withJobDatabase(async ({ db }) => {
    const result = await sweepOverdue(db, options.county ? { county: options.county } : {});
    console.log(JSON.stringify(result));
  });
}
