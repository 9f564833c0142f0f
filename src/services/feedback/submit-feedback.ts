/**
 * A visitor's feedback from a plaque's public page: satisfaction 1–5 and a short comment, stored 'pending' until
 * a moderator approves it. Visitors are told apart only by a keyed hash of their IP (never stored in clear), which
 * allows one entry per visitor, pairing and day.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { countFeedbackSince, insertFeedback } from '../../db/repositories/feedback.ts';
import { lockPairing } from '../../db/repositories/pairings.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { maskPiiInText } from '../../domain/pii-text.ts';
import { pairingByCode } from '../plaques/public-plaque.ts';
import { write } from '../write.ts';

// Without FEEDBACK_SECRET the key changes when the process restarts: the daily limit then starts over, nothing else.
const SECRET = process.env.FEEDBACK_SECRET?.trim() || randomBytes(32).toString('hex');

/** The first 16 hex digits of sha256(ip + secret): stable for a visitor, not reversible to the IP. */
export function clientKey(ip: string, secret: string = SECRET): string {
  return createHash('sha256').update(ip).update(secret).digest('hex').slice(0, 16);
}

export interface FeedbackInput {
  satisfaction: number;
  comment?: string | undefined;
}

const ENDED = new AppError('conflict', {
  zh: '该结对帮扶已结束，不再接受评价',
  en: 'This pairing has ended and takes no more feedback',
});
const ONCE_A_DAY = new AppError('rate_limited', {
  zh: '您今天已经评价过这户的结对帮扶，请明天再来',
  en: 'You have already given feedback on this pairing today; please come back tomorrow',
});

/** Stores a pending entry for plaque `code` (404 unknown, 409 ended, 429 a second entry the same day). */
export async function submitFeedback(
  db: Kysely<Database>,
  county: string,
  code: string,
  input: FeedbackInput,
  ip: string,
  now: Date = new Date(),
): Promise<{ status: 'pending' }> {
  // ID numbers, phones and bank numbers a visitor typed are never stored, let alone published.
  const comment = maskPiiInText((input.comment ?? '').trim());
  const key = clientKey(ip);
  const since = new Date(`${chinaDateOf(now)}T00:00:00+08:00`);
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    const pairing = await pairingByCode(tx, county, code);
    if (pairing.ended_on !== null) throw ENDED;
    // Locking the pairing makes two simultaneous entries of one visitor count each other.
    await lockPairing(tx, county, Number(pairing.id));
    if ((await countFeedbackSince(tx, county, Number(pairing.id), key, since)) > 0) throw ONCE_A_DAY;
    const id = await insertFeedback(tx, {
      county,
      pairingId: Number(pairing.id),
      satisfaction: input.satisfaction,
      comment,
      clientKey: key,
    });
    ctx.audit({
      action: 'feedback.submit',
      table: 'public_feedback',
      recordId: id,
      orgCode: pairing.natural_village_code,
      diff: { pairing_id: [null, Number(pairing.id)], satisfaction: [null, input.satisfaction] },
    });
  });
  return { status: 'pending' };
}
