/**
 * Fabrication patterns planted in the demo history (issue 18), so the anomaly flags have something real to find:
 * one member back-dating a month of visits in one evening (approved the next morning within seconds), two
 * members in different villages pasting one note with small edits, and one photo filed under two records.
 * Planted records carry a client id `fab1…` / `fab2…` / `fab3…` ending PLANTED_TAIL — the benchmark's ground truth; the rules
 * never read client ids. None of them is confirmed by its household.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  type HelpRecordColumns,
  idsByClientPrefix,
  insertDemoPhotos,
  insertHelpRecords,
  PLANTED_TAIL,
} from '../db/repositories/demo-history.ts';
import type { Database } from '../db/schema.ts';
import { LocalDiskStorage } from '../services/storage/storage.ts';
import { DEMO_YEAR, fromDayNumber, toDayNumber } from './dates.ts';
import { helpText } from './help-texts.ts';
import type { Rng } from './random.ts';

/** The ground-truth prefixes of the planted records' client ids. */
export const PLANTED = { backdated: 'fab1', copied: 'fab2', photo: 'fab3' } as const;

/** The pasted note: specific enough that nobody writes it twice by chance. */
const PASTED = '入户走访，宣讲产业扶持政策，帮助联系县农业技术推广站专家上门指导茶园管理，户主表示明年准备扩种两亩';
const EDITS = [
  (t: string) => t,
  (t: string) => `${t}。`,
  (t: string) => t.replace('，', '、'),
  (t: string) => `${t}好`,
];
/** A synthetic 1×1 PNG: the "photo" filed twice. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A current pairing a planted record is made under. */
export interface Span {
  pairingId: number;
  memberId: number;
  householdId: number;
  from: number;
}

function empty(): HelpRecordColumns {
  return {
    client: [],
    household: [],
    member: [],
    pairing: [],
    visited: [],
    measure: [],
    need: [],
    solved: [],
    content: [],
    status: [],
    verifiedAt: [],
    comment: [],
    createdAt: [],
    confirmation: [],
    confirmedVia: [],
  };
}

function add(
  c: HelpRecordColumns,
  s: Span,
  r: { client: string; day: string; content: string; verifiedAt: string | null; createdAt: string | null },
) {
  c.client.push(r.client);
  c.household.push(s.householdId);
  c.member.push(s.memberId);
  c.pairing.push(s.pairingId);
  c.visited.push(r.day);
  c.measure.push('industry');
  c.need.push(null);
  c.solved.push(false);
  c.content.push(r.content);
  c.status.push(r.verifiedAt === null ? 'submitted' : 'verified');
  c.verifiedAt.push(r.verifiedAt);
  c.comment.push(null);
  c.createdAt.push(r.createdAt);
  c.confirmation.push('unconfirmed');
  c.confirmedVia.push(null);
}

const clientId = (prefix: string, n: number) => `${prefix}${String(n).padStart(4, '0')}${PLANTED_TAIL}`;

/** One evening (2020-12-20) entering 26 November visits, approved the next morning within 8 seconds. */
function backdating(c: HelpRecordColumns, rng: Rng, s: Span): void {
  const evening = Date.parse('2020-12-20T19:40:00+08:00');
  const morning = Date.parse('2020-12-21T09:00:00+08:00');
  for (let i = 0; i < 26; i++) {
    const day = fromDayNumber(toDayNumber(`${DEMO_YEAR}-11-02`) + i);
    add(c, s, {
      client: clientId(PLANTED.backdated, i),
      day,
      content: helpText(rng, 'industry', day),
      createdAt: new Date(evening + i * 150_000).toISOString(),
      verifiedAt: new Date(morning + i * 300).toISOString(),
    });
  }
}

/** 18 + 12 records of two members carrying the same pasted note with small edits. */
function copying(c: HelpRecordColumns, rng: Rng, a: Span, b: Span): void {
  let n = 0;
  for (const [span, count] of [
    [a, 18],
    [b, 12],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const day = fromDayNumber(
        rng.int(Math.max(span.from, toDayNumber(`${DEMO_YEAR}-03-01`)), toDayNumber(`${DEMO_YEAR}-12-20`)),
      );
      add(c, span, {
        client: clientId(PLANTED.copied, n++),
        day,
        content: (EDITS[i % EDITS.length] as (t: string) => string)(PASTED),
        createdAt: null,
        verifiedAt: `${day}T15:00:00+08:00`,
      });
    }
  }
}

/**
 * Writes the planted records (and the reused photo's files and rows); returns how many records were written.
 * `spans` are the county's current pairings; the choice is the seeded stream's.
 */
export async function plantFabrications(
  db: Kysely<Database>,
  county: string,
  rng: Rng,
  spans: Span[],
  verifier: number,
  filesDir: string | null,
): Promise<number> {
  const early = spans.filter((s) => s.from <= toDayNumber(`${DEMO_YEAR}-03-01`));
  if (early.length < 4) return 0;
  const pick = () => early[rng.int(0, early.length - 1)] as Span;
  const c = empty();
  backdating(c, rng, pick());
  const a = pick();
  const b = early.find((s) => s.memberId !== a.memberId && s.householdId !== a.householdId) as Span;
  copying(c, rng, a, b);
  const photoSpans = [pick(), pick()];
  photoSpans.forEach((s, i) => {
    const day = `${DEMO_YEAR}-10-1${i + 2}`;
    add(c, s, {
      client: clientId(PLANTED.photo, i),
      day,
      content: helpText(rng, 'industry', day),
      createdAt: null,
      verifiedAt: `${day}T16:00:00+08:00`,
    });
  });
  await insertHelpRecords(db, county, verifier, c, 0, c.client.length);
  await plantPhoto(db, county, filesDir);
  return c.client.length;
}

/**
 * The same photo file stored under both photo records (as a helper re-uploading one picture would). Without a
 * files directory (a seed in tests) only the rows are written: the photo then reads as gone.
 */
async function plantPhoto(db: Kysely<Database>, county: string, filesDir: string | null): Promise<void> {
  const storage = filesDir === null ? null : new LocalDiskStorage(filesDir);
  const hash = createHash('sha256').update(PHOTO).digest('hex');
  const rows = [];
  for (const recordId of await idsByClientPrefix(db, county, PLANTED.photo)) {
    const key = `${county}/help/${recordId}/planted.png`;
    const thumbKey = `${county}/help/${recordId}/planted-thumb.png`;
    await storage?.put(key, PHOTO);
    await storage?.put(thumbKey, PHOTO);
    rows.push({ recordId, key, thumbKey, bytes: PHOTO.length, hash });
  }
  await insertDemoPhotos(db, county, rows);
}
