import { clockStatus, loadBusinessClock, removeDemoClock } from '../services/clock/business-clock.ts';
import { withJobDatabase } from './job-database.ts';

/** `lianxin clock [--real] [--json]`: prints the business date; `--real` removes the demo anchor first. */
export async function clockCommand(options: { real?: boolean; json?: boolean }): Promise<void> {
  await withJobDatabase(async ({ db }) => {
    let removed: boolean | undefined;
    if (options.real) {
      const anchor = await removeDemoClock(db);
      removed = anchor !== null;
      console.error(
        anchor
          ? `Demo clock removed (business ${anchor.businessAt} at real ${anchor.realAt}); restart running servers.`
          : 'No demo clock was set.',
      );
      await loadBusinessClock(db);
    }
    const status = clockStatus();
    if (options.json) console.log(JSON.stringify({ ...status, ...(removed === undefined ? {} : { removed }) }));
    else console.log(`${status.today}  ${status.demoClock ? 'demo clock (演示日期)' : 'real clock'}`);
  });
}
