import { DEMO_CLOCK_START } from '../demo/dates.ts';
import { clockStatus, loadBusinessClock, removeDemoClock, restartDemoClock } from '../services/clock/business-clock.ts';
import { withJobDatabase } from './job-database.ts';

/**
 * `lianxin clock [--real | --demo] [--json]`: prints the business date; `--real` first removes the demo anchor,
 * `--demo` first anchors it at the demo's start (2020-12-31 09:00, China) now.
 */
export async function clockCommand(options: { real?: boolean; demo?: boolean; json?: boolean }): Promise<void> {
  if (options.real && options.demo) throw new Error('choose one of --real and --demo');
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
    }
    if (options.demo) {
      await restartDemoClock(db, DEMO_CLOCK_START);
      console.error(`Demo clock anchored at ${DEMO_CLOCK_START}; restart running servers.`);
    }
    await loadBusinessClock(db);
    const status = clockStatus();
    if (options.json) console.log(JSON.stringify({ ...status, ...(removed === undefined ? {} : { removed }) }));
    else console.log(`${status.today}  ${status.demoClock ? 'demo clock (演示日期)' : 'real clock'}`);
  });
}
