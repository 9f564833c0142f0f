/**
 * A member's points page, always live: every line scored now from the records by `scorePoints` (a help record
 * returned a minute ago has already left it), each naming its table and record and the page it links to; beside
 * it the stored rating of the year and when the board was last computed, and the member's star history.
 */
import type { Kysely } from 'kysely';
import { memberSheet } from '../../db/repositories/member-points.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { type Evidence, scorePoints } from '../../domain/party-life/points.ts';
import type { VetoCode } from '../../shared/labels/assessment.ts';
import type { Actor } from '../access/actor.ts';
import { loadPointRules, pointActivityKinds } from './assessment-settings.ts';
import { vetoOf } from './vetoes.ts';

const NOT_FOUND = () => AppError.notFound({ zh: '党员', en: 'Member' });

/** The member a signed-in user is in `county` (their 'member' or 'group_leader' grant), or null. */
export function ownMemberId(actor: Actor, county: string): number | null {
  const grant = actor.grants.find((g) => g.countyCode === county && g.memberId !== undefined && g.memberId !== null);
  return grant?.memberId ?? null;
}

/** The signed-in user's own points: `points` is null for an account that names no member (not an error). */
export async function getMyPoints(db: Kysely<Database>, county: string, actor: Actor, year: number) {
  const memberId = ownMemberId(actor, county);
  return { points: memberId === null ? null : await getMemberPoints(db, county, memberId, year) };
}

/**
 * A member's points page of `year`: one statement reads the member, the evidence, the rating, the round, the
 * history and the vetoes (db/repositories/member-points.ts); the rules come remembered. 404 for an unknown member.
 */
export async function getMemberPoints(db: Kysely<Database>, county: string, memberId: number, year: number) {
  const [rules, pointKinds] = [await loadPointRules(db, county), await pointActivityKinds(db, county)];
  const sheet = await memberSheet(db, { county, year, member: memberId, pointKinds });
  const { member, evidence, rating, round, history } = sheet;
  if (!member) throw NOT_FOUND();
  const vetoes = [
    ...Array.from({ length: sheet.poor }, () => vetoOf('commitment_poor')),
    ...sheet.vetoes.map((v) => vetoOf(v.code as VetoCode)),
  ];
  const linkOf = new Map(evidence.map((e) => [`${e.table}:${e.recordId}:${e.item}`, e]));
  const scored = scorePoints(
    rules,
    evidence.map(
      (e): Evidence => ({
        item: e.item,
        table: e.table,
        recordId: Number(e.recordId),
        on: e.on,
        ...(e.points === null ? {} : { points: Number(e.points) }),
      }),
    ),
  );
  return {
    memberId,
    memberName: member.name,
    naturalVillageCode: member.natural_village_code,
    naturalVillageName: member.natural_village_name ?? null,
    status: member.status,
    year,
    total: scored.total,
    byItem: rules
      .filter((r) => scored.byItem[r.item] !== undefined)
      .map((r) => ({ item: r.item, points: scored.byItem[r.item] ?? 0, cap: r.yearlyCap })),
    lines: scored.lines.map((l) => {
      const source = linkOf.get(`${l.table}:${l.recordId}:${l.item}`);
      return {
        item: l.item,
        table: l.table,
        recordId: l.recordId,
        on: l.on,
        link: source?.link ?? ('adjustment' as const),
        linkId: Number(source?.linkId ?? l.recordId),
        rulePoints: l.rulePoints,
        awarded: l.awarded,
        capped: l.capped,
      };
    }),
    vetoes: vetoes.map((v) => ({ code: v.code, maxStars: v.maxStars, reason: v.reason })),
    rating: rating
      ? {
          score: Number(rating.score),
          byScore: rating.by_score,
          computedStars: rating.computed_stars,
          finalStars: rating.final_stars,
          vetoCode: rating.veto_code,
          lowered: rating.lowered,
          exemptReason: rating.exempt_reason,
          selfStars: rating.self_stars,
          selfComment: rating.self_comment,
          groupStars: rating.group_stars,
          groupComment: rating.group_comment,
          branchStars: rating.branch_stars,
          branchComment: rating.branch_comment,
        }
      : null,
    stage: round?.stage ?? null,
    computedAt: round?.computed_at ? new Date(round.computed_at).toISOString() : null,
    history: history.map((h) => ({
      year: Number(h.year),
      stars: h.final_stars ?? h.branch_stars ?? h.computed_stars,
      final: h.final_stars !== null,
      score: Number(h.score),
      vetoCode: h.veto_code,
      exempt: h.exempt_reason !== null,
    })),
  };
}

export type MemberPointsView = Awaited<ReturnType<typeof getMemberPoints>>;
