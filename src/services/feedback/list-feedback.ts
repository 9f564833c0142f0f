/** The moderation list: public feedback under a scope, newest first, filtered by status. */
import type { Kysely } from 'kysely';
import { type FeedbackFilter, listFeedbackRows } from '../../db/repositories/feedback.ts';
import { pageWindow } from '../../db/repositories/paging.ts';
import type { Database } from '../../db/schema.ts';
import { maskPiiInText } from '../../domain/pii-text.ts';

/** One page of feedback entries (never the visitor's key) and the total. */
export async function listFeedback(db: Kysely<Database>, county: string, filter: FeedbackFilter) {
  const { page, pageSize } = pageWindow(filter);
  const { rows, total } = await listFeedbackRows(db, county, filter);
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      pairingId: Number(r.pairing_id),
      plaqueCode: r.plaque_code,
      headName: r.head_name,
      helperName: r.helper_name,
      naturalVillageCode: r.natural_village_code,
      naturalVillageName: r.natural_village_name,
      satisfaction: r.satisfaction,
      // Entries stored before comments were masked on arrival: the moderator needs no personal numbers either.
      comment: maskPiiInText(r.comment),
      status: r.status,
      submittedAt: new Date(r.submitted_at).toISOString(),
      moderatedAt: r.moderated_at === null ? null : new Date(r.moderated_at).toISOString(),
    })),
    total,
    page,
    pageSize,
  };
}
