/** The signed-in user's notifications in a county: a page, the unread count, and marking read. */
import type { Kysely } from 'kysely';
import { inbox, markRead } from '../../db/repositories/notifications.ts';
import { pageWindow } from '../../db/repositories/paging.ts';
import type { Database } from '../../db/schema.ts';
import { businessTimeOf } from '../../domain/clock.ts';

export interface InboxRequest {
  unread?: boolean | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** One page of `userId`'s notifications (newest first) with the unread count. */
export async function listInbox(db: Kysely<Database>, county: string, userId: number, request: InboxRequest) {
  const { page, pageSize, offset } = pageWindow(request);
  const { items, unread, total } = await inbox(db, county, userId, pageSize, offset, request.unread === true);
  return {
    unread,
    total,
    page,
    pageSize,
    items: items.map((n) => ({
      id: Number(n.id),
      kind: n.kind,
      problemId: n.problem_id === null ? null : Number(n.problem_id),
      textZh: n.text_zh,
      textEn: n.text_en,
      // Bookkeeping time shown in business time, like the problem it is about (the demo clock).
      createdAt: businessTimeOf(new Date(n.created_at)).toISOString(),
      readAt: n.read_at === null ? null : new Date(n.read_at).toISOString(),
    })),
  };
}

/** Marks the listed notifications (or all) read; how many changed and what stays unread. */
export async function readInbox(db: Kysely<Database>, county: string, userId: number, ids?: number[]) {
  const marked = ids !== undefined && ids.length === 0 ? 0 : await markRead(db, county, userId, ids);
  const { unread } = await inbox(db, county, userId, 0, 0, true);
  return { marked, unread };
}
