/**
 * Completes an exit after its public notice (脱贫退出): the notice has run (on ≥ from + days), no objection is
 * open; the exit becomes 'exited', the household's status 'exited' through the status history (the only way
 * there), and — 不脱贫，不脱钩 reversed — its current pairings end that day, pinned to this exit.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/exits.ts';
import type { Database } from '../../db/schema.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { noticeWindow, stepDateProblems } from '../../domain/exit-workflow.ts';
import type { ExitCompleteBody } from '../../shared/schemas/exit.ts';
import { recordStatusChange } from '../households/change-household-status.ts';
import { today } from '../households/household-rules.ts';
import type { Lang } from '../households/household-state.ts';
import { write } from '../write.ts';
import { exitStep, refuse } from './exit-step.ts';

async function completionProblems(
  tx: Kysely<Database>,
  county: string,
  exit: repo.ExitRow,
  on: string,
  endPairings: boolean,
): Promise<FieldProblem[]> {
  const { lastDay, completableOn } = noticeWindow(exit.notice_from as string, exit.notice_days);
  const problems = stepDateProblems('on', on, today());
  if (problems.length === 0 && on < completableOn) {
    const message = {
      zh: `公示期至 ${lastDay} 结束，${completableOn} 起方可退出`,
      en: `The public notice runs until ${lastDay}; the exit can complete from ${completableOn}`,
    };
    problems.push({ path: 'on', code: 'notice_not_elapsed', message });
  }
  const open = await repo.countOpenObjections(tx, county, Number(exit.id));
  if (open > 0) {
    const message = {
      zh: `还有 ${open} 条异议未处理，处理后方可退出`,
      en: `${open} objection(s) are still open: resolve them before the exit`,
    };
    problems.push({ path: '', code: 'objection_open', message });
  }
  const started = endPairings ? await repo.latestCurrentPairingStart(tx, county, Number(exit.household_id)) : null;
  if (started !== null && started > on) {
    const message = {
      zh: `该户的结对帮扶始于 ${started}，退出日期不能更早`,
      en: `A pairing of this household started on ${started}; the exit cannot be dated earlier`,
    };
    problems.push({ path: 'on', code: 'pairing_started_later', message });
  }
  return problems;
}

/** POST /exits/:exitId/complete. */
export async function completeExit(
  db: Kysely<Database>,
  county: string,
  exitId: number,
  input: ExitCompleteBody,
  lang: Lang,
) {
  const endPairings = input.endPairings !== false;
  return write(db, county, (ctx) =>
    exitStep(
      ctx,
      exitId,
      'complete',
      'exit.complete',
      async (tx, exit, ctx) => {
        const householdId = Number(exit.household_id);
        refuse(await completionProblems(tx, county, exit, input.on, endPairings));
        // The exit first: a pairing's end names it only once it is 'exited' (a composite foreign key).
        await repo.updateExit(tx, county, exitId, { status: 'exited', exited_on: input.on });
        const reason = `经脱贫退出程序退出（退出记录 ${exitId}，${exit.year} 年度评估，公示 ${exit.notice_from} 起 ${exit.notice_days} 天）`;
        const change = { status: 'exited' as const, effectiveOn: input.on, reason };
        await recordStatusChange(ctx, householdId, change, 'exit_workflow');
        const ended = endPairings ? await repo.endPairingsByExit(tx, county, householdId, exitId, input.on) : 0;
        return { status: [exit.status, 'exited'], exited_on: [null, input.on], pairings_ended: [0, ended] };
      },
      lang,
    ),
  );
}
