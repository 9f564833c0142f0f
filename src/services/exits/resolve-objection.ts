/**
 * Resolves an open objection: dismissed, the notice continues; upheld, the exit is withdrawn with the
 * resolution as its reason (the household stays in poverty and may be assessed again later).
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/exits.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { STEP_LABEL, stepDateProblems } from '../../domain/exit-workflow.ts';
import type { ObjectionResolveBody } from '../../shared/schemas/exit.ts';
import { today } from '../households/household-rules.ts';
import type { Lang } from '../households/household-state.ts';
import { write } from '../write.ts';
import { actorId, exitStep, orderConflict, refuse } from './exit-step.ts';
import { onlyUnderNotice } from './raise-objection.ts';

const OBJECTION = { zh: '异议', en: 'objection' };

/** POST /exits/:exitId/objections/:objectionId/resolve. */
export function resolveObjection(
  db: Kysely<Database>,
  county: string,
  exitId: number,
  objectionId: number,
  input: ObjectionResolveBody,
  lang: Lang,
) {
  return write(db, county, (ctx) =>
    exitStep(
      ctx,
      exitId,
      onlyUnderNotice,
      'exit.objection_resolve',
      async (tx, exit) => {
        const objection = await repo.lockObjection(tx, county, exitId, objectionId);
        if (!objection) throw AppError.notFound(OBJECTION);
        if (objection.status !== 'open') {
          throw orderConflict({ zh: '该异议已处理', en: 'This objection has already been resolved' });
        }
        const resolution = input.resolution.trim();
        const problems = stepDateProblems('on', input.on, today(), {
          date: objection.raised_on,
          previous: STEP_LABEL.objection,
        });
        if (resolution === '') {
          problems.push({
            path: 'resolution',
            code: 'blank',
            message: { zh: '处理意见不能为空', en: 'The resolution is empty' },
          });
        }
        refuse(problems);
        await repo.resolveObjection(tx, county, objectionId, {
          status: input.decision,
          resolution,
          resolved_on: input.on,
          resolved_by: actorId(),
        });
        const diff: Record<string, [unknown, unknown]> = {
          objection_id: [objectionId, objectionId],
          objection_status: ['open', input.decision],
          resolution: [null, resolution],
        };
        if (input.decision === 'upheld') {
          await repo.updateExit(tx, county, exitId, {
            status: 'withdrawn',
            withdrawn_on: input.on,
            withdrawn_reason: resolution,
          });
          diff.status = [exit.status, 'withdrawn'];
        }
        return diff;
      },
      lang,
    ),
  );
}
