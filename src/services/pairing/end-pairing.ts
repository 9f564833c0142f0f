/**
 * Ends a pairing kept after its household's exit. 不脱贫，不脱钩: a pairing cannot end while the household is in
 * poverty, and an exit ends its pairings by default; but a county may keep helpers on for a while after the exit
 * (扶上马，送一程 — the exit's "end pairings" unticked). This ends such a pairing later, pinned to the household's
 * completed exit like any exit ending (the database's composite foreign key checks the exit is 'exited'). A
 * household that returned to poverty or has an open monitoring case keeps its helpers (the case's clearance ends
 * them: services/monitoring/clear-case.ts).
 */
import type { Kysely } from 'kysely';
import { endPairingByExit, latestCompletedExit } from '../../db/repositories/exits.ts';
import { openCaseOf } from '../../db/repositories/monitoring.ts';
import * as repo from '../../db/repositories/pairings.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import type { EndPairingInput } from '../../shared/schemas/pairing.ts';
import { write } from '../write.ts';
import { getPairing } from './get-pairing.ts';
import { lockCurrentPairing } from './lock-current-pairing.ts';
import { dateProblem, problemAt, refuseAll } from './pairing-rules.ts';

/** Ends current pairing `id` on `input.on`; its household must have exited (and not returned) by then. */
export async function endPairingAfterExit(
  db: Kysely<Database>,
  county: string,
  id: number,
  input: EndPairingInput,
  today: string = chinaDateOf(),
) {
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    const pairing = await lockCurrentPairing(tx, county, id);
    const [household] = await repo.householdsByIds(tx, county, [pairing.household_id]);
    const exit = await latestCompletedExit(tx, county, pairing.household_id);
    if (household?.status !== 'exited' || !exit?.exited_on) {
      throw AppError.rules([
        problemAt('id', {
          code: 'household_not_exited',
          message: {
            zh: '该户未脱贫退出（或已返贫、纳入监测）：不脱贫，不脱钩',
            en: 'The household has not exited poverty (or returned or is monitored): no exit, no unpairing',
          },
        }),
      ]);
    }
    if (await openCaseOf(tx, county, pairing.household_id)) {
      throw AppError.rules([
        problemAt('id', {
          code: 'household_monitored',
          message: {
            zh: '该户在防返贫监测中：风险消除前不脱钩',
            en: 'The household is under monitoring: its helpers stay until the risk is cleared',
          },
        }),
      ]);
    }
    const exitedOn = String(exit.exited_on);
    const notBefore =
      exitedOn > pairing.started_on
        ? { date: exitedOn, what: { zh: '脱贫退出日期', en: 'the exit' } }
        : { date: pairing.started_on, what: { zh: '结对开始日期', en: 'the start of the pairing' } };
    const date = dateProblem(input.on, today, notBefore);
    refuseAll(date ? [problemAt('on', date)] : []);
    await endPairingByExit(tx, county, id, Number(exit.id), input.on);
    ctx.audit({
      action: 'pairing.end',
      table: 'pairing',
      recordId: id,
      orgCode: household.natural_village_code,
      diff: { ended_on: [null, input.on], end_reason: [null, 'exited'], exit_id: [null, Number(exit.id)] },
    });
    ctx.changed('dashboard');
  });
  return getPairing(db, county, id);
}
