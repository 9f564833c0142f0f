/**
 * A county's point rules and star settings (settings.write, county level). A change re-scores every year already
 * computed, so the board never mixes old and new rules.
 */
import type { Kysely } from 'kysely';
import { computedYears } from '../../db/repositories/assessment.ts';
import { replacePointRules, type StarSettingValues, saveStarSetting } from '../../db/repositories/stars.ts';
import type { Database } from '../../db/schema.ts';
import { currentContext } from '../audit/request-context.ts';
import { write } from '../write.ts';
import { refuse } from './assessment-rules.ts';
import { recomputeYear } from './recompute-year.ts';

async function rescore(db: Kysely<Database>, county: string): Promise<number[]> {
  const years = await computedYears(db, county);
  for (const year of years) await recomputeYear(db, county, year);
  return years;
}

export async function setPointRules(
  db: Kysely<Database>,
  county: string,
  rules: ReadonlyArray<{ item: string; points: number; yearlyCap: number | null }>,
): Promise<{ rescored: number[] }> {
  rules.forEach((r, i) => {
    const manual = r.item === 'bonus' || r.item === 'deduction';
    const negative = r.item === 'absence';
    if (!manual && (negative ? r.points > 0 : r.points < 0)) {
      throw refuse(`rules.${i}.points`, 'sign', {
        zh: negative ? '缺席扣分须为负数或零' : '加分项的分值不能为负数',
        en: negative ? 'Absence points are negative or zero' : 'Points of this item cannot be negative',
      });
    }
  });
  await write(db, county, async (ctx) => {
    await replacePointRules(ctx.tx, county, rules, currentContext().actorId);
    ctx.audit({
      action: 'assessment.point_rules',
      table: 'point_rule',
      recordId: county,
      orgCode: county,
      diff: Object.fromEntries(rules.map((r) => [r.item, [null, `${r.points}/${r.yearlyCap ?? '-'}`]])),
    });
    ctx.changed('assessment');
  });
  return { rescored: await rescore(db, county) };
}

export async function setStarSettings(
  db: Kysely<Database>,
  county: string,
  values: StarSettingValues,
): Promise<{ rescored: number[] }> {
  const t = [values.threshold_2, values.threshold_3, values.threshold_4, values.threshold_5];
  if (!t.every((v, i) => i === 0 || v > (t[i - 1] ?? 0))) {
    throw refuse('thresholds', 'order', { zh: '各星级分数线须依次升高', en: 'Thresholds must rise with the stars' });
  }
  await write(db, county, async (ctx) => {
    await saveStarSetting(ctx.tx, county, values, currentContext().actorId);
    ctx.audit({
      action: 'assessment.star_settings',
      table: 'star_setting',
      recordId: county,
      orgCode: county,
      diff: { items: [null, JSON.stringify(values)] },
    });
    ctx.changed('assessment');
  });
  return { rescored: await rescore(db, county) };
}
