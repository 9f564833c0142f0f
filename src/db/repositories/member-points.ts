/**
 * Everything a member's points page reads, in one statement (one round trip, one plan): the member, their live
 * evidence of the year (points.ts `evidenceQuery`, the same sources the recompute counts), the stored rating and
 * round of the year, their star history, and the year's vetoes (a commitment evaluated poor, approved recorded
 * vetoes). Nested parts come back as JSON; dates as 'YYYY-MM-DD', times as ISO strings.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { type EvidenceRow, type EvidenceScope, evidenceQuery } from './points.ts';

export interface MemberSheet {
  member: {
    id: number;
    name: string;
    natural_village_code: string;
    status: string;
    natural_village_name: string | null;
  } | null;
  evidence: EvidenceRow[];
  rating: {
    score: number;
    by_score: number | null;
    computed_stars: number | null;
    final_stars: number | null;
    veto_code: string | null;
    lowered: 'quota' | 'veto' | null;
    exempt_reason: string | null;
    self_stars: number | null;
    self_comment: string | null;
    group_stars: number | null;
    group_comment: string | null;
    branch_stars: number | null;
    branch_comment: string | null;
  } | null;
  round: { stage: 'review' | 'notice' | 'final' | null; computed_at: string | null } | null;
  history: Array<{
    year: number;
    final_stars: number | null;
    computed_stars: number | null;
    branch_stars: number | null;
    score: number;
    veto_code: string | null;
    exempt_reason: string | null;
  }>;
  /** Commitments of the year evaluated poor (an automatic veto each). */
  poor: number;
  /** Approved recorded vetoes of the year, oldest first. */
  vetoes: Array<{ code: string }>;
}

/** One member's points page data for `scope.year` (`scope.member` must be set). */
export async function memberSheet(
  db: Kysely<Database>,
  scope: EvidenceScope & { member: number },
): Promise<MemberSheet> {
  const { county, year, member } = scope;
  const { rows } = await sql<MemberSheet>`
    select
      (select row_to_json(b) from (
        select m.id, m.name, m.natural_village_code, m.status, nv.name as natural_village_name
        from party_member m
        left join org_unit nv on nv.county_code = m.county_code and nv.code = m.natural_village_code
        where m.county_code = ${county} and m.id = ${member}) b) as member,
      (select coalesce(json_agg(e), '[]') from (${evidenceQuery(scope)}) e) as evidence,
      (select row_to_json(s) from (
        select score, by_score, computed_stars, final_stars, veto_code, lowered, exempt_reason, self_stars,
          self_comment, group_stars, group_comment, branch_stars, branch_comment
        from star_rating where county_code = ${county} and year = ${year} and member_id = ${member}) s) as rating,
      (select row_to_json(r) from (
        select stage, computed_at from assessment_round where county_code = ${county} and year = ${year}) r) as round,
      (select coalesce(json_agg(h order by h.year desc), '[]') from (
        select s.year, s.final_stars, s.computed_stars, s.branch_stars, s.score, s.veto_code, s.exempt_reason
        from star_rating s where s.county_code = ${county} and s.member_id = ${member}) h) as history,
      (select count(*)::int from commitment
        where county_code = ${county} and year = ${year} and member_id = ${member} and evaluation_grade = 'poor') as poor,
      (select coalesce(json_agg(v order by v.id), '[]') from (
        select id, code from star_veto
        where county_code = ${county} and year = ${year} and member_id = ${member} and status = 'approved') v) as vetoes
  `.execute(db);
  return rows[0] as MemberSheet;
}
