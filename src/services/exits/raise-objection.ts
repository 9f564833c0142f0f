/** Records an objection to an exit under public notice (公示异议), raised on a day within the notice period. */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/exits.ts';
import type { Database } from '../../db/schema.ts';
import type { Localized } from '../../domain/errors.ts';
import { noticeWindow, STEP_LABEL, stepDateProblems } from '../../domain/exit-workflow.ts';
import type { ObjectionRaiseBody } from '../../shared/schemas/exit.ts';
import { today } from '../households/household-rules.ts';
import type { Lang } from '../households/household-state.ts';
import { write } from '../write.ts';
import { exitStep, refuse } from './exit-step.ts';

/** Objections are taken, and resolved, only while the exit is under notice. */
export function onlyUnderNotice(exit: repo.ExitRow): Localized | null {
  if (exit.status === 'notice') return null;
  return {
    zh: '只有公示中的退出可以提出或处理异议',
    en: 'Objections are taken only while the exit is under public notice',
  };
}

/** POST /exits/:exitId/objections. */
export function raiseObjection(
  db: Kysely<Database>,
  county: string,
  exitId: number,
  input: ObjectionRaiseBody,
  lang: Lang,
) {
  return write(db, county, (ctx) =>
    exitStep(
      ctx,
      exitId,
      onlyUnderNotice,
      'exit.objection',
      async (tx, exit) => {
        const from = exit.notice_from as string;
        const { lastDay } = noticeWindow(from, exit.notice_days);
        const problems = stepDateProblems('raisedOn', input.raisedOn, today(), {
          date: from,
          previous: STEP_LABEL.notice,
        });
        if (problems.length === 0 && input.raisedOn > lastDay) {
          const message = {
            zh: `公示期已于 ${lastDay} 结束，不能再提出异议`,
            en: `The public notice ended on ${lastDay}; objections can no longer be raised`,
          };
          problems.push({ path: 'raisedOn', code: 'objection_after_notice', message });
        }
        const content = input.content.trim();
        if (content === '') {
          problems.push({
            path: 'content',
            code: 'blank',
            message: { zh: '异议内容不能为空', en: 'The objection is empty' },
          });
        }
        refuse(problems);
        const raisedBy = input.raisedBy?.trim() ?? '';
        const id = await repo.insertObjection(tx, {
          county_code: county,
          exit_id: exitId,
          raised_on: input.raisedOn,
          raised_by: raisedBy,
          content,
        });
        return { objection_id: [null, id], raised_on: [null, input.raisedOn], content: [null, content] };
      },
      lang,
    ),
  );
}
