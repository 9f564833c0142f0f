/**
 * Early-warning list (防返贫监测预警) of a scope: every household not under monitoring whose facts raise a flag,
 * with the reasons, filtered by kind and paged. The facts are read in one set query per scope and remembered for
 * a short while (CountyMemo), because paging and filtering by kind re-ask the same scope.
 */

import type { Kysely } from 'kysely';
import { lineMapOf } from '../../db/repositories/monitoring-lines.ts';
import { type WarningFactsRow, warningFacts } from '../../db/repositories/warnings.ts';
import type { Database } from '../../db/schema.ts';
import { businessNow, businessTimeOf } from '../../domain/clock.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { householdWarnings, type Warning, type WarningConfig, type WarningKind } from '../../domain/early-warning.ts';
import type { Lang } from '../../shared/lang.ts';
import { CountyMemo, follow } from '../county-memo.ts';
import { countyWarningConfig } from '../settings/county-warning-config.ts';

export interface WarningQuery {
  within?: string | undefined;
  kind?: WarningKind | undefined;
  q?: string | undefined;
  sort?: 'id' | 'flags' | '-flags' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface WarnedHousehold {
  householdId: number;
  headName: string;
  naturalVillageCode: string;
  status: string;
  warnings: Array<{ kind: WarningKind; reason: string }>;
}

/** Stale when a household is put under monitoring (it leaves the list) or the settings change: 'warnings'. */
const memo = follow(new CountyMemo<Array<{ row: WarningFactsRow; warnings: Warning[] }>>(10_000, 200), 'warnings');

const num = (v: string | null) => (v === null ? null : Number(v));

/** The business date of a bookkeeping timestamp (a person's updated_at): see businessTimeOf. */
const changedOn = (at: Date | string | null) => (at === null ? null : chinaDateOf(businessTimeOf(new Date(at))));

async function flagged(db: Kysely<Database>, county: string, within: string, now: Date, config: WarningConfig) {
  const today = chinaDateOf(now);
  const [rows, monitoringLines] = await Promise.all([
    warningFacts(db, county, within, now),
    lineMapOf(db, county.slice(0, 2)),
  ]);
  const out: Array<{ row: WarningFactsRow; warnings: Warning[] }> = [];
  for (const row of rows) {
    const warnings = householdWarnings(
      {
        province: county.slice(0, 2),
        paired: row.paired,
        lastVerifiedHelpOn: row.last_help,
        incomeYear: row.income_year,
        perCapita: num(row.per_capita),
        previousPerCapita: num(row.previous_per_capita),
        illPersons: row.ill_persons,
        illChangedOn: changedOn(row.ill_changed_at),
        overdueProblems: row.overdue_problems,
        monitoringLines,
      },
      today,
      config,
    );
    if (warnings.length > 0) out.push({ row, warnings });
  }
  return out;
}

/** One page of flagged households of the scope (optionally of one kind), with counts by kind. */
export async function listWarnings(
  db: Kysely<Database>,
  county: string,
  query: WarningQuery,
  lang: Lang = 'zh',
  now = businessNow(),
  configured?: WarningConfig,
) {
  const within = query.within ?? county;
  // The county's own thresholds (系统设置), part of the remembered key so a change elsewhere is never served stale.
  const config = configured ?? (await countyWarningConfig(db, county));
  const key = `${within}|${config.noHelpDays}|${config.incomeMultiple}|${config.newIllnessDays}`;
  const all = await memo.get(county, key, () => flagged(db, county, within, now, config));
  const byKind: Record<string, number> = {};
  for (const { warnings } of all) for (const w of warnings) byKind[w.kind] = (byKind[w.kind] ?? 0) + 1;
  const q = query.q?.trim();
  const matching = all.filter(
    (f) => (!query.kind || f.warnings.some((w) => w.kind === query.kind)) && (!q || f.row.head_name.includes(q)),
  );
  if (query.sort === 'flags' || query.sort === '-flags') {
    const sign = query.sort === 'flags' ? 1 : -1;
    matching.sort((a, b) => sign * (a.warnings.length - b.warnings.length) || a.row.id - b.row.id);
  }
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const items: WarnedHousehold[] = matching.slice((page - 1) * pageSize, page * pageSize).map(({ row, warnings }) => ({
    householdId: row.id,
    headName: row.head_name,
    naturalVillageCode: row.natural_village_code,
    status: row.status,
    warnings: warnings.map((w) => ({ kind: w.kind, reason: w.reason[lang] })),
  }));
  return { items, total: matching.length, page, pageSize, byKind };
}
