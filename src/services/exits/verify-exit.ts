/** The village verifies an assessed exit (村级核实) on a day not before the assessment and not in the future. */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/exits.ts';
import type { Database } from '../../db/schema.ts';
import { STEP_LABEL, stepDateProblems } from '../../domain/exit-workflow.ts';
import type { ExitVerifyBody } from '../../shared/schemas/exit.ts';
import { today } from '../households/household-rules.ts';
import type { Lang } from '../households/household-state.ts';
import { write } from '../write.ts';
import { actorId, exitStep, refuse } from './exit-step.ts';

/** POST /exits/:exitId/verify. */
export function verifyExit(db: Kysely<Database>, county: string, exitId: number, input: ExitVerifyBody, lang: Lang) {
  return write(db, county, (ctx) =>
    exitStep(
      ctx,
      exitId,
      'verify',
      'exit.verify',
      async (tx, exit) => {
        refuse(stepDateProblems('on', input.on, today(), { date: exit.assessed_on, previous: STEP_LABEL.assess }));
        const note = input.note?.trim() || null;
        await repo.updateExit(tx, county, exitId, {
          status: 'verified',
          verified_on: input.on,
          verified_by: actorId(),
          verification_note: note,
        });
        return { status: [exit.status, 'verified'], verified_on: [null, input.on], verification_note: [null, note] };
      },
      lang,
    ),
  );
}
