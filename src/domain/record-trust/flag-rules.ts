/**
 * The anomaly rules (异常标记) over help records: pure functions from records and thresholds to findings, each with
 * the evidence that raised it. The same functions flag a county's whole history and a batch just stored (then
 * `onlyFor` names the new records, and the history read around them is their context).
 */
import type { FlagKind } from '../../shared/labels/record-trust.ts';
import type { TrustConfig } from './settings.ts';
import { nearDuplicates } from './text-similarity.ts';

/** What the rules read of one record. Times are ms since the epoch; days are 'YYYY-MM-DD'. */
export interface TrustRecord {
  id: number;
  memberId: number;
  householdId: number;
  visitedOn: string;
  createdAt: number;
  content: string;
  lat: number | null;
  lng: number | null;
  villageLat: number | null;
  villageLng: number | null;
  pairingFrom: string | null;
  pairingTo: string | null;
  verifiedBy: number | null;
  verifiedAt: number | null;
}

/** One flag to raise: the record, its kind and the evidence (numbers and ids, never personal data). */
export interface Finding {
  recordId: number;
  kind: FlagKind;
  evidence: Record<string, string | number>;
}

const DAY_MS = 86_400_000;
const CHINA_MS = 8 * 3_600_000;

/** The China date of an instant, as a day number. */
function chinaDay(ms: number): number {
  return Math.floor((ms + CHINA_MS) / DAY_MS);
}
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

function byMember(records: readonly TrustRecord[]): Map<number, TrustRecord[]> {
  const out = new Map<number, TrustRecord[]>();
  for (const r of records) {
    const list = out.get(r.memberId);
    if (list) list.push(r);
    else out.set(r.memberId, [r]);
  }
  return out;
}

/**
 * Back-dating (集中补录): a sitting is a run of one member's records each entered within `sittingMinutes` of the
 * previous; when it holds at least `sittingRecords` records whose visit lies `backdateDays` or more before the
 * day they were entered, those records are flagged.
 */
export function backdated(records: readonly TrustRecord[], c: TrustConfig): Finding[] {
  const out: Finding[] = [];
  for (const list of byMember(records).values()) {
    const sorted = [...list].sort((a, b) => a.createdAt - b.createdAt);
    let start = 0;
    for (let i = 1; i <= sorted.length; i++) {
      const gap =
        i < sorted.length ? (sorted[i] as TrustRecord).createdAt - (sorted[i - 1] as TrustRecord).createdAt : Infinity;
      if (gap <= c.sittingMinutes * 60_000) continue;
      out.push(...sittingFindings(sorted.slice(start, i), c));
      start = i;
    }
  }
  return out;
}

function sittingFindings(sitting: TrustRecord[], c: TrustConfig): Finding[] {
  const late = sitting.filter((r) => chinaDay(r.createdAt) - dayOf(r.visitedOn) >= c.backdateDays);
  if (late.length < c.sittingRecords) return [];
  const first = sitting[0] as TrustRecord;
  const last = sitting[sitting.length - 1] as TrustRecord;
  const visits = late.map((r) => r.visitedOn).sort();
  const evidence = {
    records: late.length,
    enteredFrom: new Date(first.createdAt).toISOString(),
    enteredTo: new Date(last.createdAt).toISOString(),
    visitsFrom: visits[0] as string,
    visitsTo: visits[visits.length - 1] as string,
  };
  return late.map((r) => ({ recordId: r.id, kind: 'backdated', evidence }));
}

/** Near-duplicate texts (内容雷同): each record whose text is nearly another record's, with its closest partner. */
export function duplicateTexts(
  records: readonly TrustRecord[],
  c: TrustConfig,
  onlyFor?: ReadonlySet<number>,
): Finding[] {
  const memberOf = new Map(records.map((r) => [r.id, r.memberId]));
  return nearDuplicates(
    records.map((r) => ({ id: r.id, text: r.content })),
    c.duplicateSimilarity,
    c.duplicateMinChars,
    onlyFor,
  ).map((d) => ({
    recordId: d.id,
    kind: 'duplicate_text',
    evidence: {
      otherRecordId: d.otherId,
      similarity: Math.round(d.similarity * 100) / 100,
      sameMember: memberOf.get(d.id) === memberOf.get(d.otherId) ? 1 : 0,
    },
  }));
}

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A position far from the household's natural village (定位偏离); records or villages without one are skipped. */
export function farPositions(records: readonly TrustRecord[], c: TrustConfig): Finding[] {
  const out: Finding[] = [];
  for (const r of records) {
    if (r.lat === null || r.lng === null || r.villageLat === null || r.villageLng === null) continue;
    const km = distanceKm(r.lat, r.lng, r.villageLat, r.villageLng);
    if (km > c.gpsMaxKm) out.push({ recordId: r.id, kind: 'far_gps', evidence: { km: Math.round(km * 10) / 10 } });
  }
  return out;
}

/**
 * Impossible travel (行程不可能): two consecutive positioned records of one member (by entry time, which is when the
 * phone took the position) farther apart than `travelMaxKmh` allows in the time between them. The later is flagged.
 */
export function impossibleTravel(records: readonly TrustRecord[], c: TrustConfig): Finding[] {
  const out: Finding[] = [];
  for (const list of byMember(records).values()) {
    const placed = list.filter((r) => r.lat !== null && r.lng !== null).sort((a, b) => a.createdAt - b.createdAt);
    for (let i = 1; i < placed.length; i++) {
      const a = placed[i - 1] as TrustRecord;
      const b = placed[i] as TrustRecord;
      const km = distanceKm(a.lat as number, a.lng as number, b.lat as number, b.lng as number);
      const hours = Math.max(b.createdAt - a.createdAt, 60_000) / 3_600_000;
      if (km > 1 && km / hours > c.travelMaxKmh) {
        const minutes = Math.round(hours * 60);
        out.push({
          recordId: b.id,
          kind: 'impossible_travel',
          evidence: { otherRecordId: a.id, km: Math.round(km), minutes },
        });
      }
    }
  }
  return out;
}

/** A visit before the pairing started or after it ended (结对期外). */
export function outsidePairing(records: readonly TrustRecord[]): Finding[] {
  const out: Finding[] = [];
  for (const r of records) {
    if (r.pairingFrom === null) continue;
    const early = r.visitedOn < r.pairingFrom;
    const late = r.pairingTo !== null && r.visitedOn > r.pairingTo;
    if (!early && !late) continue;
    const evidence: Record<string, string> = { visitedOn: r.visitedOn, pairingFrom: r.pairingFrom };
    if (r.pairingTo !== null) evidence.pairingTo = r.pairingTo;
    out.push({ recordId: r.id, kind: 'outside_pairing', evidence });
  }
  return out;
}

/** A verifier approving `verifyRecords` or more records within `verifyWindowSeconds` (快速核实): all of them. */
export function fastVerifier(records: readonly TrustRecord[], c: TrustConfig): Finding[] {
  const byVerifier = new Map<number, TrustRecord[]>();
  for (const r of records) {
    if (r.verifiedBy === null || r.verifiedAt === null) continue;
    const list = byVerifier.get(r.verifiedBy);
    if (list) list.push(r);
    else byVerifier.set(r.verifiedBy, [r]);
  }
  const flagged = new Map<number, Finding>();
  const window = c.verifyWindowSeconds * 1000;
  for (const [verifier, list] of byVerifier) {
    const sorted = list.sort((a, b) => (a.verifiedAt as number) - (b.verifiedAt as number));
    let from = 0;
    for (let to = 0; to < sorted.length; to++) {
      while (
        ((sorted[to] as TrustRecord).verifiedAt as number) - ((sorted[from] as TrustRecord).verifiedAt as number) >
        window
      )
        from++;
      if (to - from + 1 < c.verifyRecords) continue;
      const evidence = { verifierUserId: verifier, records: to - from + 1, seconds: c.verifyWindowSeconds };
      for (let k = from; k <= to; k++) {
        const r = sorted[k] as TrustRecord;
        flagged.set(r.id, { recordId: r.id, kind: 'fast_verifier', evidence });
      }
    }
  }
  return [...flagged.values()];
}

/**
 * Every rule over `records`; with `onlyFor` (a batch just stored), the findings about those records, and the
 * whole sitting of a back-dating run that the batch completes (its earlier records were entered before it).
 */
export function findAnomalies(
  records: readonly TrustRecord[],
  c: TrustConfig,
  onlyFor?: ReadonlySet<number>,
): Finding[] {
  const all = [
    ...backdated(records, c),
    ...duplicateTexts(records, c, onlyFor),
    ...farPositions(records, c),
    ...impossibleTravel(records, c),
    ...outsidePairing(records),
    ...fastVerifier(records, c),
  ];
  if (!onlyFor) return all;
  const newest = Math.min(...records.filter((r) => onlyFor.has(r.id)).map((r) => r.createdAt));
  const endsWithBatch = (f: Finding) => f.kind === 'backdated' && Date.parse(String(f.evidence.enteredTo)) >= newest;
  return all.filter((f) => onlyFor.has(f.recordId) || endsWithBatch(f));
}
