/**
 * Puts a signed exit under public notice (公示) from a day for a number of days (EXIT_NOTICE_DAYS.default unless
 * given); objections may be raised while it runs, and the exit completes only after it.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/exits.ts';
import type { Database } from '../../db/schema.ts';
import { EXIT_NOTICE_DAYS, STEP_LABEL, stepDateProblems } from '../../domain/exit-workflow.ts';
import type { ExitNoticeBody } from '../../shared/schemas/exit.ts';
import { today } from '../households/household-rules.ts';
import type { Lang } from '../households/household-state.ts';
import { write } from '../write.ts';
import { exitStep, refuse } from './exit-step.ts';

/** POST /exits/:exitId/notice. */
export function startNotice(db: Kysely<Database>, county: string, exitId: number, input: ExitNoticeBody, lang: Lang) {
  return write(db, county, (ctx) =>
    exitStep(
      ctx,
      exitId,
      'notice',
      'exit.notice',
      async (tx, exit) => {
        const days = input.days ?? EXIT_NOTICE_DAYS.default;
        refuse(
          stepDateProblems('from', input.from, today(), {
            date: exit.signed_on ?? exit.assessed_on,
            previous: STEP_LABEL.sign,
          }),
        );
        await repo.updateExit(tx, county, exitId, { status: 'notice', notice_from: input.from, notice_days: days });
        return {
          status: [exit.status, 'notice'],
          notice_from: [null, input.from],
          notice_days: [exit.notice_days, days],
        };
      },
      lang,
    ),
  );
}
