/** List and search the party-member register. */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/members.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { parseResidentId } from '../../domain/ids.ts';
import { toMemberListItem } from './member-card.ts';

/** The list query as the API takes it (`status: 'all'` for every status, `q` free text). */
export interface MemberListRequest extends Omit<repo.MemberFilter, 'status' | 'search'> {
  status?: repo.MemberStatus | 'all' | undefined;
  q?: string | undefined;
}

/**
 * Reads `q` the way a clerk types it: digits (and X) are an ID number or the start of a phone number,
 * anything else is part of a name. A 15-digit old ID is upgraded so it finds the stored 18-digit form.
 */
export function interpretSearch(q: string | undefined, phones = true): repo.MemberSearch | undefined {
  const text = q?.replace(/\s+/g, '') ?? '';
  if (text === '') return undefined;
  if (!/^[0-9]+[Xx]?$/.test(text)) return { name: q?.trim() ?? text };
  const parsed = text.length === 15 || text.length === 18 ? parseResidentId(text) : undefined;
  const idNumber = parsed?.ok ? parsed.id : text.length === 18 ? text.toUpperCase() : undefined;
  const phonePrefix = phones && /^[0-9]{1,20}$/.test(text) ? text : undefined;
  return { idNumber, phonePrefix };
}

/**
 * One page of members (active ones unless `status` says otherwise), identifiers masked.
 * @param phones whether `q` may match the start of a phone number (callers allowed to see phones)
 */
export async function listMembers(
  db: Kysely<Database>,
  county: string,
  request: MemberListRequest,
  today: string = chinaDateOf(),
  phones = true,
) {
  const { q, status = 'active', ...rest } = request;
  const filter: repo.MemberFilter = {
    ...rest,
    status: status === 'all' ? undefined : status,
    search: interpretSearch(q, phones),
  };
  const { rows, total } = await repo.listMembers(db, county, filter);
  return {
    items: rows.map((row) => toMemberListItem(row, today)),
    total,
    page: request.page ?? 1,
    pageSize: request.pageSize ?? 20,
  };
}
