/**
 * Recomputes a county-year's points and stars from the records (deterministic: same records and rules, same
 * result). Points are counted in SQL, one grouped query per evidence source, and totalled with
 * `totalFromTallies` (equal to `scorePoints` on the same evidence); `rateMembers` turns the totals, exemptions and
 * vetoes into stars. Results are stored in one write (review steps kept), audited once, announced as 'assessment'.
 * Called by the CLI, by the board's button, after a rule or setting change, and at the end of the demo seed.
 */
import type { Kysely } from 'kysely';
import { evidenceTallies } from '../../db/repositories/points.ts';
import {
  activeMembers,
  type ComputedRow,
  exemptions,
  markComputed,
  storeComputed,
} from '../../db/repositories/stars.ts';
import type { Database } from '../../db/schema.ts';
import { type ItemTally, totalFromTallies } from '../../domain/party-life/points.ts';
import { type Candidate, rateMembers } from '../../domain/party-life/stars.ts';
import { write } from '../write.ts';
import { loadAssessmentSettings, loadPointRules, pointActivityKinds } from './assessment-settings.ts';
import { vetoesOfYear } from './vetoes.ts';

export interface RecomputeSummary {
  year: number;
  /** Active members of the county. */
  members: number;
  /** Members given stars (active and not exempt). */
  rated: number;
  exempt: number;
  /** Rated members by stars (as computed: thresholds, quotas and vetoes). */
  byStars: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** Members whose stars a veto lowered. */
  vetoed: number;
  ms: number;
}

export async function recomputeYear(db: Kysely<Database>, county: string, year: number): Promise<RecomputeSummary> {
  const started = performance.now();
  const [rules, settings, members, tallyRows, exempt, vetoes] = [
    await loadPointRules(db, county),
    await loadAssessmentSettings(db, county),
    await activeMembers(db, county),
    await evidenceTallies(db, { county, year, member: null, pointKinds: await pointActivityKinds(db, county) }),
    await exemptions(db, county, year),
    await vetoesOfYear(db, county, year),
  ];
  const tallies = new Map<number, ItemTally[]>();
  for (const t of tallyRows) {
    const id = Number(t.memberId);
    tallies.set(id, [...(tallies.get(id) ?? []), { item: t.item, count: t.n, points: t.points ?? 0 }]);
  }
  const exemptOf = new Map(exempt.map((e) => [Number(e.member_id), e.exempt_reason]));
  const totals = new Map(members.map((m) => [Number(m.id), totalFromTallies(rules, tallies.get(Number(m.id)) ?? [])]));
  const candidates: Candidate[] = members.map((m) => ({
    memberId: Number(m.id),
    score: totals.get(Number(m.id))?.total ?? 0,
    exempt: exemptOf.has(Number(m.id)),
    vetoes: vetoes.get(Number(m.id)) ?? [],
  }));
  const ratings = rateMembers(settings.stars, candidates);
  const rows: ComputedRow[] = members.map((m, i) => {
    const r = ratings[i];
    const id = Number(m.id);
    return {
      member_id: id,
      natural_village_code: m.natural_village_code,
      total: totals.get(id)?.total ?? 0,
      by_item: (totals.get(id)?.byItem ?? {}) as Record<string, number>,
      by_score: r?.byScore ?? null,
      computed_stars: r?.stars ?? null,
      veto_code: r?.veto?.code ?? null,
      lowered: r?.lowered ?? null,
      exempt_reason: exemptOf.get(id) ?? null,
    };
  });
  const byStars = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const r of ratings) if (r.stars !== null) byStars[String(r.stars) as keyof typeof byStars] += 1;
  const rated = ratings.filter((r) => r.stars !== null).length;
  const vetoed = ratings.filter((r) => r.lowered === 'veto').length;
  await write(db, county, async (ctx) => {
    await storeComputed(ctx.tx, county, year, rows);
    await markComputed(ctx.tx, county, year);
    ctx.audit({
      action: 'assessment.recompute',
      table: 'assessment_round',
      recordId: `${county}-${year}`,
      orgCode: county,
      diff: { year: [null, year], members: [null, members.length], rated: [null, rated] },
    });
    ctx.changed('assessment', 'dashboard');
  });
  return {
    year,
    members: members.length,
    rated,
    exempt: members.length - rated,
    byStars,
    vetoed,
    ms: Math.round(performance.now() - started),
  };
}
