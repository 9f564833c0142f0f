/**
 * A county's point rules and star settings as the rules read them: the stored rows over the defaults
 * (domain/party-life), so a county that changed nothing is scored by `DEFAULT_POINT_RULES` and
 * `DEFAULT_STAR_SETTINGS`, and one that changed one item keeps the defaults of the others.
 */
import type { Kysely } from 'kysely';
import { activityRuleRows } from '../../db/repositories/points.ts';
import { pointRuleRows, starSettingRow } from '../../db/repositories/stars.ts';
import type { Database } from '../../db/schema.ts';
import { DEFAULT_ACTIVITY_RULES } from '../../domain/party-life/activity-plan.ts';
import { DEFAULT_POINT_RULES, type PointItem, type PointRule } from '../../domain/party-life/points.ts';
import { DEFAULT_STAR_SETTINGS, type StarSettings, type Stars } from '../../domain/party-life/stars.ts';
import { CountyMemo, follow } from '../county-memo.ts';

/** Notice days (公示) and exemplary quotas per township when a county set none. */
export const DEFAULT_NOTICE_DAYS = 7;
export const DEFAULT_EXEMPLARY_QUOTA = 3;

export interface AssessmentSettings {
  stars: StarSettings;
  noticeDays: number;
  /** Exemplary members per township (评先评优名额), unless the township has its own. */
  exemplaryQuota: number;
  exemplaryQuotas: Record<string, number>;
  /** Whether the county stored its own settings (else the defaults). */
  own: boolean;
}

/** Rules and activity kinds are read on every member's page: remembered until an 'assessment' write (or 5 s). */
// Read by every points page: remembered until a rule write of this process, or a minute (another process's).
const rulesMemo = follow(new CountyMemo<PointRule[]>(60_000), 'assessment');
// The activity kinds that earn points come from the activity rules: their writes announce 'activities'.
const kindsMemo = follow(new CountyMemo<string[]>(60_000), 'assessment', 'activities');

export async function loadPointRules(db: Kysely<Database>, county: string): Promise<PointRule[]> {
  return rulesMemo.get(county, 'rules', () => readPointRules(db, county));
}

async function readPointRules(db: Kysely<Database>, county: string): Promise<PointRule[]> {
  const rows = await pointRuleRows(db, county);
  const own = new Map(rows.map((r) => [r.item, r]));
  return DEFAULT_POINT_RULES.map((rule) => {
    const row = own.get(rule.item);
    return row ? { item: rule.item as PointItem, points: Number(row.points), yearlyCap: row.yearly_cap } : rule;
  });
}

export async function loadAssessmentSettings(db: Kysely<Database>, county: string): Promise<AssessmentSettings> {
  const row = await starSettingRow(db, county);
  if (!row) {
    return {
      stars: DEFAULT_STAR_SETTINGS,
      noticeDays: DEFAULT_NOTICE_DAYS,
      exemplaryQuota: DEFAULT_EXEMPLARY_QUOTA,
      exemplaryQuotas: {},
      own: false,
    };
  }
  const quotas: Partial<Record<Stars, number>> = {};
  if (row.quota_5 !== null) quotas[5] = Number(row.quota_5);
  if (row.quota_4 !== null) quotas[4] = Number(row.quota_4);
  if (row.quota_3 !== null) quotas[3] = Number(row.quota_3);
  return {
    stars: {
      thresholds: [row.threshold_2, row.threshold_3, row.threshold_4, row.threshold_5].map(Number) as [
        number,
        number,
        number,
        number,
      ],
      quotas,
    },
    noticeDays: row.notice_days,
    exemplaryQuota: row.exemplary_quota,
    exemplaryQuotas: (row.exemplary_quotas ?? {}) as Record<string, number>,
    own: true,
  };
}

/** Kinds of activity whose attendance earns points: the county's active rules that count, else the defaults'. */
export async function pointActivityKinds(db: Kysely<Database>, county: string): Promise<string[]> {
  return kindsMemo.get(county, 'kinds', () => readPointActivityKinds(db, county));
}

async function readPointActivityKinds(db: Kysely<Database>, county: string): Promise<string[]> {
  const rows = await activityRuleRows(db, county);
  if (rows.length === 0) return DEFAULT_ACTIVITY_RULES.filter((r) => r.countsForPoints).map((r) => r.kind);
  return rows.filter((r) => r.active && r.counts_for_points).map((r) => r.kind);
}
