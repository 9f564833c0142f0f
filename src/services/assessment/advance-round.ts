/**
 * Moves a county-year's star rating on (county level, party.review): from open reviews to public notice (公示,
 * from today for the county's notice days), then, once the notice has run and no objection is open, to the final
 * result — every rated member's final stars are the branch's, else the computed ones, and stay in their history.
 */
import type { Kysely } from 'kysely';
import { finalizeRatings, lockRound, openObjections, updateRound } from '../../db/repositories/assessment.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { noticeWindow } from '../../domain/exit-workflow.ts';
import { write } from '../write.ts';
import { assertStage, refuse } from './assessment-rules.ts';
import { loadAssessmentSettings } from './assessment-settings.ts';

export type RoundStep = 'notice' | 'final';

export async function advanceRound(
  db: Kysely<Database>,
  county: string,
  year: number,
  step: RoundStep,
  today: string = chinaDateOf(),
): Promise<{ year: number; stage: RoundStep; finalized?: number }> {
  const settings = await loadAssessmentSettings(db, county);
  return write(db, county, async (ctx) => {
    const round = await lockRound(ctx.tx, county, year);
    if (step === 'notice') {
      assertStage(round?.computed_at ? round.stage : undefined, 'review');
      await updateRound(ctx.tx, county, year, { stage: 'notice', notice_from: today });
      ctx.audit({
        action: 'assessment.notice',
        table: 'assessment_round',
        recordId: `${county}-${year}`,
        orgCode: county,
        diff: { year: [null, year], status: ['review', 'notice'] },
      });
      ctx.changed('assessment');
      return { year, stage: step };
    }
    assertStage(round?.stage, 'notice');
    const { completableOn } = noticeWindow(round?.notice_from ?? today, settings.noticeDays);
    if (today < completableOn) {
      throw refuse('year', 'notice_running', {
        zh: `公示期未满，${completableOn} 起方可定级`,
        en: `The notice is still running: final from ${completableOn}`,
      });
    }
    if ((await openObjections(ctx.tx, county, year, 'rating')) > 0) {
      throw refuse('year', 'open_objections', { zh: '尚有未处理的异议', en: 'Objections are still open' });
    }
    const finalized = await finalizeRatings(ctx.tx, county, year);
    await updateRound(ctx.tx, county, year, { stage: 'final', finalized_on: today });
    ctx.audit({
      action: 'assessment.finalize',
      table: 'assessment_round',
      recordId: `${county}-${year}`,
      orgCode: county,
      diff: { year: [null, year], status: ['notice', 'final'] },
    });
    ctx.changed('assessment', 'dashboard');
    return { year, stage: step, finalized };
  });
}
