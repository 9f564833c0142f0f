/** List the public commitments of a scope. */
import type { Kysely } from 'kysely';
import { type CommitmentFilter, listCommitments as listRows } from '../../db/repositories/commitment-list.ts';
import type { Database } from '../../db/schema.ts';
import { toListItem } from './commitment-view.ts';

/** One page of commitments (newest year first by default), filtered by scope, year, status, member and name. */
export async function listCommitments(db: Kysely<Database>, county: string, request: CommitmentFilter) {
  const q = request.q?.trim();
  const { rows, total } = await listRows(db, county, { ...request, q: q === '' ? undefined : q });
  return { items: rows.map(toListItem), total, page: request.page ?? 1, pageSize: request.pageSize ?? 20 };
}
