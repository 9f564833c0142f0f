/** Read one member's information card. */
import type { Kysely } from 'kysely';
import { findMember } from '../../db/repositories/members.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { MEMBER, toMemberCard } from './member-card.ts';

/**
 * The full card of member `id` in `county`, identifiers masked. A member of another county is simply
 * not found (404), so ids reveal nothing across counties.
 * @param today the calendar day ages are counted on (China date by default)
 */
export async function getMember(db: Kysely<Database>, county: string, id: number, today: string = chinaDateOf()) {
  const row = await findMember(db, county, id);
  if (!row) throw AppError.notFound(MEMBER);
  return toMemberCard(row, today);
}
