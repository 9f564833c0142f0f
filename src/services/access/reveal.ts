/**
 * Unmasking one record: the explicit, audited request for a household's or member's ID numbers, phones,
 * bank account and health details. The audit entry (action `*.unmask`) is written in the same transaction
 * as the read, so an unmasked read without its trail cannot happen.
 */
import type { Kysely } from 'kysely';
import * as parts from '../../db/repositories/household-parts.ts';
import * as households from '../../db/repositories/households.ts';
import { findMemberRow } from '../../db/repositories/members.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { write } from '../write.ts';

/** A household's sensitive fields in clear. */
export async function revealHousehold(db: Kysely<Database>, county: string, id: number) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const household = await households.findHousehold(tx, county, id);
    if (!household) throw AppError.notFound({ zh: '贫困户', en: 'household' });
    const persons = await parts.listPersons(tx, county, id);
    ctx.audit({
      action: 'household.unmask',
      table: 'household',
      recordId: id,
      orgCode: household.natural_village_code,
    });
    return {
      id,
      phone: household.phone,
      bankAccount: household.bank_account,
      persons: persons.map((p) => ({ id: Number(p.id), name: p.name, idNumber: p.id_number, health: p.health })),
    };
  });
}

/** A member's sensitive fields in clear. */
export async function revealMember(db: Kysely<Database>, county: string, id: number) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const member = await findMemberRow(tx, county, id);
    if (!member) throw AppError.notFound({ zh: '党员', en: 'member' });
    ctx.audit({
      action: 'member.unmask',
      table: 'party_member',
      recordId: id,
      orgCode: member.natural_village_code,
    });
    return { id, idNumber: member.id_number, phone: member.phone, health: member.health };
  });
}
