/** The household head's signature on a verified exit is recorded (户主签字确认), dated and named. */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/exits.ts';
import type { Database } from '../../db/schema.ts';
import { STEP_LABEL, stepDateProblems } from '../../domain/exit-workflow.ts';
import type { ExitSignBody } from '../../shared/schemas/exit.ts';
import { today } from '../households/household-rules.ts';
import type { Lang } from '../households/household-state.ts';
import { write } from '../write.ts';
import { exitStep, refuse } from './exit-step.ts';

/** POST /exits/:exitId/sign. */
export function signExit(db: Kysely<Database>, county: string, exitId: number, input: ExitSignBody, lang: Lang) {
  return write(db, county, (ctx) =>
    exitStep(
      ctx,
      exitId,
      'sign',
      'exit.sign',
      async (tx, exit) => {
        const signer = input.signerName.trim();
        const problems = stepDateProblems('on', input.on, today(), {
          date: exit.verified_on ?? exit.assessed_on,
          previous: STEP_LABEL.verify,
        });
        if (signer === '') {
          const message = { zh: '签字人姓名不能只有空格', en: "The signer's name cannot be only spaces" };
          problems.push({ path: 'signerName', code: 'blank', message });
        }
        refuse(problems);
        await repo.updateExit(tx, county, exitId, { status: 'signed', signed_on: input.on, signer_name: signer });
        return { status: [exit.status, 'signed'], signed_on: [null, input.on], signer_name: [null, signer] };
      },
      lang,
    ),
  );
}
