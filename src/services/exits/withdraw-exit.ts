/** Withdraws an exit in progress (撤回), on a day not before its latest step, with a reason. */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/exits.ts';
import type { Database } from '../../db/schema.ts';
import type { Localized } from '../../domain/errors.ts';
import { stepDateProblems, stepOrderMessage } from '../../domain/exit-workflow.ts';
import type { ExitWithdrawBody } from '../../shared/schemas/exit.ts';
import { today } from '../households/household-rules.ts';
import type { Lang } from '../households/household-state.ts';
import { write } from '../write.ts';
import { exitStep, latestStepDate, refuse } from './exit-step.ts';

/** Only an exit still in progress can be withdrawn (the message of a closed one is the step order's). */
function stillOpen(exit: repo.ExitRow): Localized | null {
  return exit.status === 'exited' || exit.status === 'withdrawn' ? stepOrderMessage(exit.status, 'complete') : null;
}

/** POST /exits/:exitId/withdraw. */
export function withdrawExit(
  db: Kysely<Database>,
  county: string,
  exitId: number,
  input: ExitWithdrawBody,
  lang: Lang,
) {
  return write(db, county, (ctx) =>
    exitStep(
      ctx,
      exitId,
      stillOpen,
      'exit.withdraw',
      async (tx, exit) => {
        const reason = input.reason.trim();
        const latest = latestStepDate(exit);
        const problems = stepDateProblems('on', input.on, today(), {
          date: latest,
          previous: { zh: `上一步骤`, en: 'previous step' },
        });
        if (reason === '') {
          problems.push({
            path: 'reason',
            code: 'blank',
            message: { zh: '撤回原因不能为空', en: 'The reason is empty' },
          });
        }
        refuse(problems);
        await repo.updateExit(tx, county, exitId, {
          status: 'withdrawn',
          withdrawn_on: input.on,
          withdrawn_reason: reason,
        });
        return { status: [exit.status, 'withdrawn'], withdrawn_on: [null, input.on], withdrawn_reason: [null, reason] };
      },
      lang,
    ),
  );
}
