/**
 * Household confirmation (农户确认): the helper's record shows a one-time code and its QR code; the household
 * enters or scans it on the plaque's public page and confirms the visit or disputes it with a comment; a household
 * without a phone is confirmed by the village (marked 村代确认). A dispute opens a review (a 'disputed' flag in the
 * village's queue). The public step answers only the visit's date and measure.
 */
import type { Kysely } from 'kysely';
import { findRecord, lockRecord } from '../../db/repositories/help-records.ts';
import {
  plaqueOfRecord,
  setConfirmation,
  takeConfirmCode,
  upsertConfirmCode,
} from '../../db/repositories/record-confirm.ts';
import { insertFlags } from '../../db/repositories/record-flags.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { HELP_RECORD } from '../../domain/help-records.ts';
import { maskPiiInText } from '../../domain/pii-text.ts';
import { CODE_HOURS, confirmCodeHash, newConfirmCode } from '../../domain/record-trust/confirm-code.ts';
import { flagReason } from '../../domain/record-trust/flag-reasons.ts';
import type { Actor } from '../access/actor.ts';
import { checkOwnRecord } from '../help-records/help-actor.ts';
import { type HelpRecordDetail, loadDetail } from '../help-records/help-view.ts';
import { pairingByCode } from '../plaques/public-plaque.ts';
import { plaqueUrl, qrSvg } from '../plaques/qr.ts';
import type { WriteContext } from '../write.ts';
import { write } from '../write.ts';

const ANSWERED = new AppError('conflict', {
  zh: '该纪实已确认或已提出异议',
  en: 'This record has already been confirmed or disputed',
});
/** One answer for an unknown, used, expired or other household's code: nothing to tell apart by probing. */
const BAD_CODE = AppError.rules([
  {
    path: 'code',
    code: 'invalid_code',
    message: {
      zh: '确认码无效或已过期，请向帮扶人索取新码',
      en: 'The code is invalid or has expired: ask the helper for a new one',
    },
  },
]);

/**
 * A fresh one-time code for record `id` (its member's user, or a writer of its village), replacing any earlier;
 * it works for `hours` (at most CODE_HOURS).
 */
export async function issueConfirmCode(
  db: Kysely<Database>,
  county: string,
  id: number,
  actor: Actor,
  { origin, hours }: { origin: string; hours: number },
) {
  const code = newConfirmCode();
  // Expiry is a security bound, so real time (like sessions and rate limits), not the business clock.
  const expiresAt = new Date(Date.now() + Math.min(hours, CODE_HOURS) * 3_600_000);
  const plaque = await write(db, county, async (ctx) => {
    const row = await findRecord(ctx.tx, county, id);
    if (!row) throw AppError.notFound(HELP_RECORD);
    checkOwnRecord(actor, county, row.natural_village_code, Number(row.member_id), HELP_RECORD);
    if (row.confirmation !== 'unconfirmed') throw ANSWERED;
    const householdId = Number(row.household_id);
    const hash = confirmCodeHash(county, householdId, code);
    await upsertConfirmCode(ctx.tx, county, { recordId: id, householdId, hash, expiresAt, by: actor.userId });
    // The code itself is never written anywhere but the answer: the entry says one was issued and until when.
    ctx.audit({
      action: 'help_record.confirm_code',
      table: 'assistance_record',
      recordId: id,
      orgCode: row.natural_village_code,
      diff: { code_expires_at: [null, expiresAt.toISOString()] },
    });
    return plaqueOfRecord(ctx.tx, county, id);
  });
  if (plaque === null) throw AppError.notFound(HELP_RECORD);
  const url = `${plaqueUrl(origin, county, plaque)}?c=${code}`;
  return { recordId: id, code, expiresAt: expiresAt.toISOString(), url, qrSvg: await qrSvg(url) };
}

/** Records the answer on a record and, for a dispute, opens its review. */
async function answer(
  ctx: WriteContext,
  recordId: number,
  village: string,
  a: { state: 'confirmed' | 'disputed'; via: 'household' | 'village'; comment: string | null },
) {
  const { tx, county } = ctx;
  await setConfirmation(tx, county, recordId, { ...a, at: new Date() });
  ctx.audit({
    action: a.state === 'confirmed' ? 'help_record.confirm' : 'help_record.dispute',
    table: 'assistance_record',
    recordId,
    orgCode: village,
    diff: { confirmation: ['unconfirmed', a.state], confirmed_via: [null, a.via] },
  });
  if (a.state !== 'disputed') return;
  const evidence = { comment: a.comment ?? '', via: a.via };
  const [flag] = await insertFlags(tx, county, [
    {
      recordId,
      kind: 'disputed',
      reason: flagReason('disputed', evidence).zh.slice(0, 500),
      evidence: JSON.stringify(evidence),
    },
  ]);
  if (flag) {
    ctx.audit({
      action: 'record_flag.raise',
      table: 'record_flag',
      recordId: flag.id,
      orgCode: village,
      diff: { record_id: [null, recordId], kind: [null, 'disputed'] },
    });
  }
}

export interface PublicAnswer {
  code: string;
  answer: 'confirm' | 'dispute';
  comment?: string | undefined;
}

/**
 * The household's answer on plaque `plaqueCode`'s public page: the code must be one issued for a record of the
 * plaque's household, unused and unexpired (422 otherwise, one message for all). Answers the visit's date and
 * measure only; the comment is stored with ID numbers and phones masked.
 */
export async function publicConfirm(db: Kysely<Database>, county: string, plaqueCode: string, input: PublicAnswer) {
  const comment = maskPiiInText((input.comment ?? '').trim()) || null;
  return write(db, county, async (ctx) => {
    const pairing = await pairingByCode(ctx.tx, county, plaqueCode);
    const householdId = Number(pairing.household_id);
    const hash = confirmCodeHash(county, householdId, input.code);
    const recordId = await takeConfirmCode(ctx.tx, county, householdId, hash, new Date());
    if (recordId === undefined) throw BAD_CODE;
    await lockRecord(ctx.tx, county, recordId);
    const row = await findRecord(ctx.tx, county, recordId);
    if (!row) throw BAD_CODE;
    if (row.confirmation !== 'unconfirmed') throw ANSWERED;
    const state: 'confirmed' | 'disputed' = input.answer === 'confirm' ? 'confirmed' : 'disputed';
    await answer(ctx, recordId, row.natural_village_code, { state, via: 'household', comment });
    return { visitedOn: row.visited_on, measure: row.measure, confirmation: state };
  });
}

/** The village's answer for a household without a phone (村代确认), with the comment saying how it was checked. */
export async function villageConfirm(
  db: Kysely<Database>,
  county: string,
  id: number,
  input: { answer: 'confirm' | 'dispute'; comment: string },
): Promise<HelpRecordDetail> {
  const comment = maskPiiInText(input.comment.trim());
  if (comment.length === 0) {
    throw AppError.rules([
      { path: 'comment', code: 'required', message: { zh: '请说明如何核实', en: 'Say how it was checked' } },
    ]);
  }
  await write(db, county, async (ctx) => {
    await lockRecord(ctx.tx, county, id);
    const row = await findRecord(ctx.tx, county, id);
    if (!row) throw AppError.notFound(HELP_RECORD);
    if (row.confirmation !== 'unconfirmed') throw ANSWERED;
    const state: 'confirmed' | 'disputed' = input.answer === 'confirm' ? 'confirmed' : 'disputed';
    await answer(ctx, id, row.natural_village_code, { state, via: 'village', comment });
  });
  return loadDetail(db, county, id);
}
