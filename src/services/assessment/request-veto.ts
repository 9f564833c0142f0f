/**
 * Records a veto (一票否决) against a member's year with its evidence: an abandoned pairing names the pairing, a
 * fabricated record names the help record, which must have been returned. Someone else approves it.
 */
import type { Kysely } from 'kysely';
import { insertVeto, memberHelpRecord, memberPairing } from '../../db/repositories/assessment.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { currentContext } from '../audit/request-context.ts';
import { write } from '../write.ts';
import { refuse } from './assessment-rules.ts';

export interface VetoInput {
  year: number;
  vetoCode: 'abandoned_pairing' | 'fabricated_record';
  pairingId?: number | undefined;
  recordId?: number | undefined;
  reason: string;
}

export async function requestVeto(
  db: Kysely<Database>,
  county: string,
  memberId: number,
  unit: string,
  input: VetoInput,
  today: string = chinaDateOf(),
): Promise<{ id: number }> {
  const reason = input.reason.trim();
  if (reason === '') throw refuse('reason', 'blank', { zh: '须写明否决理由', en: 'A reason is required' });
  if (input.vetoCode === 'abandoned_pairing') {
    if (!input.pairingId || !(await memberPairing(db, county, memberId, input.pairingId))) {
      throw refuse('pairingId', 'evidence', {
        zh: '放弃结对须指明该党员的一条结对记录',
        en: "An abandoned pairing must name one of the member's pairings",
      });
    }
  } else {
    const record = input.recordId ? await memberHelpRecord(db, county, memberId, input.recordId) : undefined;
    if (record?.status !== 'returned') {
      throw refuse('recordId', 'evidence', {
        zh: '弄虚作假须指明该党员一条已退回的帮扶纪实',
        en: 'A fabricated record must name a help record of the member that was returned',
      });
    }
  }
  return write(db, county, async (ctx) => {
    const id = await insertVeto(ctx.tx, {
      county_code: county,
      member_id: memberId,
      year: input.year,
      code: input.vetoCode,
      pairing_id: input.vetoCode === 'abandoned_pairing' ? (input.pairingId ?? null) : null,
      record_id: input.vetoCode === 'fabricated_record' ? (input.recordId ?? null) : null,
      reason,
      requested_by: currentContext().actorId,
      requested_on: today,
    });
    ctx.audit({
      action: 'assessment.veto_request',
      table: 'star_veto',
      recordId: id,
      orgCode: unit,
      diff: {
        memberId: [null, memberId],
        year: [null, input.year],
        code: [null, input.vetoCode],
        reason: [null, reason],
      },
    });
    return { id };
  });
}
