/**
 * 评先评优: once a year's stars are final, each township's shortlist is its best members by final stars, then
 * points (4★ or 5★, no veto), up to the township's quota (the county's setting), put on notice from today; after
 * the notice days, with no objection open, the shortlist (less those an upheld objection removed) is final.
 */
import type { Kysely } from 'kysely';
import {
  exemplaryCandidates,
  lockRound,
  openObjections,
  replaceShortlist,
  setExemplaryStatus,
  updateRound,
} from '../../db/repositories/assessment.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { noticeWindow } from '../../domain/exit-workflow.ts';
import { write } from '../write.ts';
import { assertStage, refuse } from './assessment-rules.ts';
import { loadAssessmentSettings } from './assessment-settings.ts';

export async function shortlistExemplary(
  db: Kysely<Database>,
  county: string,
  year: number,
  today: string = chinaDateOf(),
): Promise<{ year: number; shortlisted: number; townships: number }> {
  const settings = await loadAssessmentSettings(db, county);
  const candidates = await exemplaryCandidates(db, county, year);
  const taken = new Map<string, number>();
  const rows = candidates.flatMap((c) => {
    const quota = settings.exemplaryQuotas[c.township] ?? settings.exemplaryQuota;
    const rank = (taken.get(c.township) ?? 0) + 1;
    if (rank > quota) return [];
    taken.set(c.township, rank);
    return [{ member_id: Number(c.memberId), township_code: c.township, rank, stars: c.stars, score: c.score }];
  });
  return write(db, county, async (ctx) => {
    const round = await lockRound(ctx.tx, county, year);
    assertStage(round?.stage, 'final');
    if (round?.exemplary_stage === 'final') {
      throw refuse('year', 'final', { zh: '本年度评先评优已定案', en: "This year's exemplary members are final" });
    }
    await replaceShortlist(ctx.tx, county, year, rows);
    await updateRound(ctx.tx, county, year, { exemplary_stage: 'notice', exemplary_notice_from: today });
    ctx.audit({
      action: 'assessment.exemplary_shortlist',
      table: 'assessment_round',
      recordId: `${county}-${year}`,
      orgCode: county,
      diff: { year: [null, year], items: [null, rows.length] },
    });
    ctx.changed('assessment');
    return { year, shortlisted: rows.length, townships: taken.size };
  });
}

export async function finalizeExemplary(
  db: Kysely<Database>,
  county: string,
  year: number,
  today: string = chinaDateOf(),
): Promise<{ year: number; final: number }> {
  const settings = await loadAssessmentSettings(db, county);
  return write(db, county, async (ctx) => {
    const round = await lockRound(ctx.tx, county, year);
    if (round?.exemplary_stage !== 'notice') {
      throw refuse('year', 'not_on_notice', { zh: '评先评优名单未在公示期', en: 'No shortlist is on notice' });
    }
    const { completableOn } = noticeWindow(round.exemplary_notice_from ?? today, settings.noticeDays);
    if (today < completableOn) {
      throw refuse('year', 'notice_running', {
        zh: `公示期未满，${completableOn} 起方可定案`,
        en: `The notice is still running: final from ${completableOn}`,
      });
    }
    if ((await openObjections(ctx.tx, county, year, 'exemplary')) > 0) {
      throw refuse('year', 'open_objections', { zh: '尚有未处理的异议', en: 'Objections are still open' });
    }
    const final = await setExemplaryStatus(ctx.tx, county, year, null, 'shortlisted', 'final');
    await updateRound(ctx.tx, county, year, { exemplary_stage: 'final', exemplary_finalized_on: today });
    ctx.audit({
      action: 'assessment.exemplary_finalize',
      table: 'assessment_round',
      recordId: `${county}-${year}`,
      orgCode: county,
      diff: { year: [null, year], items: [null, final] },
    });
    ctx.changed('assessment');
    return { year, final };
  });
}
