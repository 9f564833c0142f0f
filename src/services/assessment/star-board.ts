/**
 * The star board of a scope and year (星级评定看板): how many members hold each star (final when the round is
 * final, else the branch's or the computed stars), how many are exempt, vetoed or lowered by quota, where the
 * round stands and when it was last computed. Remembered per county until an 'assessment' write is announced
 * (recompute, reviews, notice, final) — the p95 ≤ 10 ms read.
 */
import type { Kysely } from 'kysely';
import { boardCounts, roundRow, unratedCount } from '../../db/repositories/stars.ts';
import type { Database } from '../../db/schema.ts';
import { noticeWindow } from '../../domain/exit-workflow.ts';
import { CountyMemo, follow } from '../county-memo.ts';
import { loadAssessmentSettings } from './assessment-settings.ts';

export interface StarBoard {
  year: number;
  scope: string;
  stage: 'review' | 'notice' | 'final' | null;
  computedAt: string | null;
  noticeFrom: string | null;
  noticeUntil: string | null;
  exemplaryStage: 'notice' | 'final' | null;
  members: number;
  rated: number;
  exempt: number;
  /** Active members of the scope with no rating of the year (joined since the last recompute). */
  unrated: number;
  vetoed: number;
  loweredByQuota: number;
  byStars: Record<'1' | '2' | '3' | '4' | '5', number>;
}

const memo = follow(new CountyMemo<StarBoard>(60_000), 'assessment');

async function computeBoard(db: Kysely<Database>, county: string, year: number, scope: string): Promise<StarBoard> {
  const [round, counts, settings, unrated] = [
    await roundRow(db, county, year),
    await boardCounts(db, county, year, scope),
    await loadAssessmentSettings(db, county),
    await unratedCount(db, county, year, scope),
  ];
  const byStars = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let exempt = 0;
  let vetoed = 0;
  let lowered = 0;
  for (const c of counts) {
    if (c.stars === null) exempt += c.n;
    else byStars[String(c.stars) as keyof typeof byStars] += c.n;
    vetoed += c.vetoed;
    lowered += c.lowered;
  }
  const members = counts.reduce((n, c) => n + c.n, 0);
  const noticeFrom = round?.notice_from ?? null;
  return {
    year,
    scope,
    stage: round?.stage ?? null,
    computedAt: round?.computed_at ? new Date(round.computed_at).toISOString() : null,
    noticeFrom,
    noticeUntil: noticeFrom ? noticeWindow(noticeFrom, settings.noticeDays).lastDay : null,
    exemplaryStage: round?.exemplary_stage ?? null,
    members,
    rated: members - exempt,
    exempt,
    unrated,
    vetoed,
    loweredByQuota: lowered - vetoed,
    byStars,
  };
}

export async function getStarBoard(
  db: Kysely<Database>,
  county: string,
  year: number,
  scope: string = county,
): Promise<StarBoard> {
  return memo.get(county, `${year}|${scope}`, () => computeBoard(db, county, year, scope));
}
