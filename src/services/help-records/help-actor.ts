/**
 * Who writes a help record, and for which member: a user whose help.write at the household comes only from
 * 'member' grants records for the households their own member helps now (404 otherwise, no leaks); any other
 * writer names the member, who must be a current helper of the household (422 otherwise).
 */
import { ownMembersOnly } from '../../domain/commitments.ts';
import { AppError, type Localized } from '../../domain/errors.ts';
import { HOUSEHOLD, helpWriters } from '../../domain/help-records.ts';
import type { Actor } from '../access/actor.ts';

/** A 422 with one field problem. */
export function refuse(path: string, code: string, message: Localized): AppError {
  return AppError.rules([{ path, code, message }]);
}

/** 404 unless the actor may write records of member `memberId` at `unit` of `county`. */
export function checkOwnRecord(actor: Actor, county: string, unit: string, memberId: number, what: Localized): void {
  const own = ownMembersOnly(helpWriters(actor.grants, county), unit);
  if (own !== null && !own.includes(memberId)) throw AppError.notFound(what);
}

/** The member and pairing a new record of a household at `unit` belongs to, among its current `helpers`. */
export function resolveHelper(
  actor: Actor,
  county: string,
  unit: string,
  helpers: readonly { pairingId: number; memberId: number }[],
  memberId: number | undefined,
): { memberId: number; pairingId: number } {
  const own = ownMembersOnly(helpWriters(actor.grants, county), unit);
  if (own !== null) {
    const mine = helpers.find((h) => own.includes(h.memberId) && (memberId === undefined || h.memberId === memberId));
    if (!mine) throw AppError.notFound(HOUSEHOLD);
    return mine;
  }
  if (memberId === undefined) {
    throw refuse('memberId', 'member_required', { zh: '请选择帮扶党员', en: 'Name the helping member' });
  }
  const helper = helpers.find((h) => h.memberId === memberId);
  if (!helper) {
    throw refuse('memberId', 'not_a_helper', {
      zh: '该党员目前没有结对帮扶此户',
      en: 'The member does not currently help this household',
    });
  }
  return helper;
}
