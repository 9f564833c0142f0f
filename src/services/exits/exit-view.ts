/**
 * An exit as the API shows it: every step dated, what comes next, the assessment snapshot in the caller's
 * language, its objections and how many pairings its completion ended.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/exits.ts';
import type { Database } from '../../db/schema.ts';
import type { Localized } from '../../domain/errors.ts';
import { nextStep, noticeWindow } from '../../domain/exit-workflow.ts';
import type { Lang } from '../households/household-state.ts';

/** What a 404 names. */
export const EXIT = { zh: '脱贫退出记录', en: 'exit' };

/** The stored assessment (household_exit.assessment): every check with its detail in both languages. */
export interface AssessmentSnapshot {
  checks: { code: string; passed: boolean; detail: Localized }[];
}

function objectionView(o: Awaited<ReturnType<typeof repo.listObjections>>[number]) {
  return {
    id: Number(o.id),
    raisedOn: o.raised_on,
    raisedBy: o.raised_by,
    content: o.content,
    status: o.status,
    resolution: o.resolution,
    resolvedOn: o.resolved_on,
  };
}

function snapshotOf(value: unknown): AssessmentSnapshot {
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  return parsed as AssessmentSnapshot;
}

/** API shape of one exit row with its objections. */
export function toExitView(
  row: repo.ExitRow,
  objections: Awaited<ReturnType<typeof repo.listObjections>>,
  pairingsEnded: number,
  lang: Lang,
) {
  const window = row.notice_from === null ? null : noticeWindow(row.notice_from, row.notice_days);
  return {
    id: Number(row.id),
    householdId: Number(row.household_id),
    year: row.year,
    status: row.status,
    nextStep: nextStep(row.status),
    perCapitaNetIncome: Number(row.per_capita_net),
    line: Number(row.line),
    checks: snapshotOf(row.assessment).checks.map((c) => ({ code: c.code, passed: c.passed, detail: c.detail[lang] })),
    assessedOn: row.assessed_on,
    verifiedOn: row.verified_on,
    verificationNote: row.verification_note,
    signedOn: row.signed_on,
    signerName: row.signer_name,
    noticeFrom: row.notice_from,
    noticeDays: row.notice_days,
    noticeEndsOn: window?.lastDay ?? null,
    completableOn: window?.completableOn ?? null,
    exitedOn: row.exited_on,
    withdrawnOn: row.withdrawn_on,
    withdrawnReason: row.withdrawn_reason,
    pairingsEnded,
    objections: objections.map(objectionView),
  };
}

/** A household's exits, newest first, each with its objections. */
export async function viewExits(db: Kysely<Database>, county: string, rows: repo.ExitRow[], lang: Lang) {
  const ids = rows.map((r) => Number(r.id));
  const [objections, ended] = await Promise.all([
    repo.listObjections(db, county, ids),
    repo.countPairingsEnded(db, county, ids),
  ]);
  return rows.map((row) =>
    toExitView(
      row,
      objections.filter((o) => Number(o.exit_id) === Number(row.id)),
      Number(ended.find((e) => Number(e.exit_id) === Number(row.id))?.n ?? 0),
      lang,
    ),
  );
}

/** GET /households/:id/exits. */
export async function listHouseholdExits(db: Kysely<Database>, county: string, householdId: number, lang: Lang) {
  const rows = await repo.listHouseholdExits(db, county, householdId);
  return { items: await viewExits(db, county, rows, lang) };
}

/** One exit as the API shows it (the answer of every step). */
export async function getExit(db: Kysely<Database>, county: string, id: number, lang: Lang) {
  const row = await repo.findExit(db, county, id);
  if (!row) throw new Error(`exit ${id} vanished`);
  const [view] = await viewExits(db, county, [row], lang);
  return view as NonNullable<typeof view>;
}
