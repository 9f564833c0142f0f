/** Propose a member's public commitment for a year (公开承诺: 提出). */

import type { Kysely } from 'kysely';
import {
  commitmentOfYear,
  findCommitment,
  findMember,
  insertCommitment,
  itemsOf,
  replaceItems,
} from '../../db/repositories/commitments.ts';
import type { Database } from '../../db/schema.ts';
import { proposableYears, STATUS_LABELS } from '../../domain/commitments.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { write } from '../write.ts';
import { checkItems, type ItemInput } from './commitment-items.ts';
import { type CommitmentView, toDetail } from './commitment-view.ts';
import { checkOwner, refuse } from './commitment-write.ts';

export interface ProposeInput {
  memberId: number;
  year: number;
  items: ItemInput[];
}

const MEMBER = { zh: '党员', en: 'member' };

function checkYear(year: number, today: string): void {
  const { from, to } = proposableYears(today);
  if (year < from || year > to) {
    throw refuse('year', 'year_out_of_range', {
      zh: `承诺年度须在 ${from}–${to} 年之间`,
      en: `The commitment's year must be between ${from} and ${to}`,
    });
  }
}

/**
 * Creates the proposed commitment of member `memberId` for `year` with its 1–3 items, audited in the same
 * transaction. 404 when the member is unknown, outside the actor's write scope or (for a 'member' user) not
 * themselves; 422 for an inactive member, a year outside last year … next year, or item problems; 409 when the
 * member already has that year's commitment.
 */
export async function proposeCommitment(
  db: Kysely<Database>,
  county: string,
  actor: Actor,
  input: ProposeInput,
  today: string = chinaDateOf(),
): Promise<CommitmentView> {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const member = await findMember(tx, county, input.memberId);
    if (!member) throw AppError.notFound(MEMBER);
    checkOwner(actor, county, member.natural_village_code, input.memberId, MEMBER);
    if (member.status !== 'active') {
      throw refuse('memberId', 'member_inactive', {
        zh: `党员“${member.name}”已不在册（转出或去世），不能提出承诺`,
        en: `Member "${member.name}" is no longer active and cannot make commitments`,
      });
    }
    checkYear(input.year, today);
    const existing = await commitmentOfYear(tx, county, input.memberId, input.year);
    if (existing) {
      throw new AppError('conflict', {
        zh: `党员“${member.name}”${input.year} 年已有承诺（当前状态为“${STATUS_LABELS[existing.status].zh}”）`,
        en: `Member "${member.name}" already has a commitment for ${input.year} (currently ${STATUS_LABELS[existing.status].en})`,
      });
    }
    const items = await checkItems(tx, county, input.memberId, input.year, input.items);
    const id = await insertCommitment(tx, county, input.memberId, input.year);
    await replaceItems(tx, county, id, items);
    ctx.audit({
      action: 'commitment.propose',
      table: 'commitment',
      recordId: id,
      orgCode: member.natural_village_code,
      diff: {
        member_id: [null, input.memberId],
        year: [null, input.year],
        status: [null, 'proposed'],
        items: [null, items.map((item, i) => `${i + 1}:${item.content}|${item.householdId ?? ''}|${item.dueOn ?? ''}`)],
      },
    });
    const [row, rows] = await Promise.all([findCommitment(tx, county, id), itemsOf(tx, county, id)]);
    if (!row) throw AppError.notFound(MEMBER);
    return toDetail(row, rows);
  });
}
