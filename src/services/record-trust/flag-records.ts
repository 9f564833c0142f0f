/**
 * Raising anomaly flags (异常标记): over a county's whole history (`lianxin flags`, the demo seed), and as a step of
 * the write that stores new help records (each new record checked against its member's and its village's history).
 */
import type { Kysely } from 'kysely';
import {
  deleteOpenFlags,
  insertFlags,
  type NewFlag,
  photoPrints,
  type TrustRow,
  trustContext,
  trustFigures,
  trustHistory,
} from '../../db/repositories/record-flags.ts';
import type { Database } from '../../db/schema.ts';
import { businessTimeOf, isDemoClock } from '../../domain/clock.ts';
import { flagReason, reusedPhotos } from '../../domain/record-trust/flag-reasons.ts';
import { type Finding, findAnomalies } from '../../domain/record-trust/flag-rules.ts';
import { FLAG_KINDS, type FlagKind } from '../../shared/labels/record-trust.ts';
import type { Localized } from '../../shared/lang.ts';
import type { WriteContext } from '../write.ts';
import { write } from '../write.ts';
import { countyTrustConfig } from './trust-config.ts';

/** The kinds the rules compute (a dispute is raised by the household, never recomputed). */
const COMPUTED_KINDS = FLAG_KINDS.filter((k) => k !== 'disputed');

/**
 * The rows with their entry time in business time (the demo seed dates its history in business time, the app
 * writes real time: businessTimeOf tells them apart), so "entered N days after the visit" compares like with like.
 */
function inBusinessTime(rows: TrustRow[]): TrustRow[] {
  if (!isDemoClock()) return rows;
  for (const r of rows) r.createdAt = businessTimeOf(new Date(r.createdAt)).getTime();
  return rows;
}

function toRows(findings: readonly Finding[]): NewFlag[] {
  return findings.map((f) => ({
    recordId: f.recordId,
    kind: f.kind,
    reason: flagReason(f.kind, f.evidence).zh.slice(0, 500),
    evidence: JSON.stringify(f.evidence),
  }));
}

/** What `lianxin flags` prints. */
export interface FlagSummary {
  records: number;
  flagged: number;
  byKind: Partial<Record<FlagKind, number>>;
  confirmed: number;
  disputed: number;
  unconfirmed: number;
  ms: number;
}

/**
 * Recomputes the county's flags over its whole history: open computed flags are replaced by what the rules find
 * now; decided flags (cleared or upheld) and disputes stay. One audit entry says the recompute ran and what it found
 * (none for the demo seed: `audited: false`).
 */
export async function flagHistory(
  db: Kysely<Database>,
  county: string,
  { audited = true }: { audited?: boolean } = {},
): Promise<FlagSummary> {
  const started = performance.now();
  const config = await countyTrustConfig(db, county);
  const [history, photos] = await Promise.all([trustHistory(db, county), photoPrints(db, county)]);
  const records = inBusinessTime(history);
  const findings = [...findAnomalies(records, config), ...reusedPhotos(photos)];
  await write(db, county, async (ctx) => {
    await deleteOpenFlags(ctx.tx, county, COMPUTED_KINDS);
    const stored = await insertFlags(ctx.tx, county, toRows(findings));
    // The demo seed flags the history it has just written, unaudited like the rest of the seed.
    if (!audited) return;
    ctx.audit({
      action: 'record_flag.compute',
      table: 'record_flag',
      recordId: county,
      orgCode: county,
      diff: { records: [null, records.length], flags: [null, stored.length] },
    });
  });
  return { ...(await figuresOf(db, county)), ms: Math.round(performance.now() - started) };
}

/** The county's trust figures as `lianxin flags` prints them. */
export async function figuresOf(db: Kysely<Database>, county: string): Promise<Omit<FlagSummary, 'ms'>> {
  const f = await trustFigures(db, county);
  const byKind = Object.fromEntries(f.kinds.map((k) => [k.kind, k.records])) as FlagSummary['byKind'];
  return {
    records: f.records,
    flagged: f.flagged,
    byKind,
    confirmed: f.confirmed,
    disputed: f.disputed,
    unconfirmed: f.unconfirmed,
  };
}

/** How far back (days before the batch's earliest visit) ingest compares a text with its village's records. */
const VILLAGE_DAYS = 90;

/** A record just stored: its id and where it is (the audit entry's unit). */
export interface StoredRecord {
  id: number;
  visitedOn: string;
  memberId: number;
  householdId: number;
  naturalVillageCode: string;
}

/**
 * A step of the write storing `stored`: reads their members' and villages' records, runs the rules for the new
 * records, stores the flags and audits each. The thresholds are read in the same transaction.
 */
export async function flagNewRecords(ctx: WriteContext, stored: readonly StoredRecord[]): Promise<RaisedFlags> {
  const raised: RaisedFlags = new Map();
  if (stored.length === 0) return raised;
  const { tx, county } = ctx;
  const config = await countyTrustConfig(tx, county);
  const members = [...new Set(stored.map((s) => s.memberId))];
  const households = [...new Set(stored.map((s) => s.householdId))];
  const earliest = stored.map((s) => s.visitedOn).sort()[0] as string;
  const since = new Date(Date.parse(`${earliest}T00:00:00Z`) - VILLAGE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const context = inBusinessTime(await trustContext(tx, county, members, households, since));
  const newIds = new Set(stored.map((s) => s.id));
  const findings = findAnomalies(context, config, newIds);
  const rows = await insertFlags(tx, county, toRows(findings));
  const where = new Map(stored.map((s) => [s.id, s.naturalVillageCode]));
  for (const row of rows) {
    ctx.audit({
      action: 'record_flag.raise',
      table: 'record_flag',
      recordId: row.id,
      orgCode: where.get(row.recordId) ?? county,
      diff: { record_id: [null, row.recordId], kind: [null, row.kind] },
    });
    const finding = findings.find((f) => f.recordId === row.recordId && f.kind === row.kind) as Finding;
    const view = {
      id: row.id,
      kind: finding.kind,
      status: 'open' as const,
      reason: flagReason(finding.kind, finding.evidence),
      decisionReason: null,
    };
    raised.set(row.recordId, [...(raised.get(row.recordId) ?? []), view]);
  }
  return raised;
}

/** The flags a batch raised, by record id, as the record's detail shows them. */
export type RaisedFlags = Map<
  number,
  { id: number; kind: FlagKind; status: 'open'; reason: Localized; decisionReason: null }[]
>;

/**
 * A step of the write attaching a photo to record `recordId`: when its bytes are another record's photo, both
 * records are flagged (照片重复), each audited.
 */
export async function flagReusedPhoto(ctx: WriteContext, recordId: number, village: string): Promise<void> {
  const { tx, county } = ctx;
  const own = await photoPrints(tx, county, { recordId });
  if (own.length === 0) return;
  const prints = await photoPrints(tx, county, { hashes: own.map((p) => p.hash) });
  const rows = await insertFlags(tx, county, toRows(reusedPhotos(prints)));
  for (const row of rows) {
    ctx.audit({
      action: 'record_flag.raise',
      table: 'record_flag',
      recordId: row.id,
      orgCode: row.recordId === recordId ? village : county,
      diff: { record_id: [null, row.recordId], kind: [null, row.kind] },
    });
  }
}
