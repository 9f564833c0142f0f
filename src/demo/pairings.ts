/**
 * Pairs the demo county (结对帮扶): once the grids and groups exist, every household needing help gets the
 * optimal helper of its township (the same load and matching as `lianxin match --apply`), written in one bulk
 * transaction. Start dates are spread from the later of the household's identification year and the member's
 * joining to the demo's today, so no pairing starts before either party could have been paired.
 */
import type { Kysely } from 'kysely';
import { fillEmptyMeasures, publishContactNumbers } from '../db/repositories/demo-pairings.ts';
import type { Database } from '../db/schema.ts';
import type { MatchSuggestion } from '../domain/matching/index.ts';
import { applySuggestions } from '../services/pairing/apply-suggestions.ts';
import { loadMatchInput, resolveScope } from '../services/pairing/load-match-input.ts';
import { solve } from '../services/pairing/suggest-pairings.ts';
import { DEMO_TODAY, maxDate, minDate, randomDate } from './dates.ts';
import type { Rng } from './random.ts';

export interface PairDemoSummary {
  pairings: number;
  shortfall: number;
  ms: number;
}

/** The plaque's 帮扶措施 of a demo pairing, by the household's main cause. */
const MEASURES: Record<string, string> = {
  illness: '落实医疗保障和慢病签约服务，协助办理大病报销',
  disability: '落实残疾人两项补贴，联系康复服务和辅具',
  schooling: '落实教育资助，联系结对助学，每学期走访一次',
  disaster: '协助申请灾后重建补助，恢复生产',
  marriage: '宣传移风易俗，帮助发展家庭生产',
  land: '协助土地流转入股合作社，安排公益岗位',
  water: '协调饮水工程入户，解决安全饮水',
  skills: '推荐参加实用技术培训，指导特色种养',
  labour: '联系就近务工岗位和公益性岗位',
  capital: '协助申请扶贫小额信贷，发展特色产业',
  transport: '协调通组道路建设，帮助农产品外运',
  drive: '常走访、多谈心，扶志扶智，带动参加合作社',
  other: '每月走访，帮助解决生产生活困难',
};

/** Pairs every household needing help in the county; returns how many pairings and the shortfall left. */
export async function pairDemoCounty(db: Kysely<Database>, countyCode: string, rng: Rng): Promise<PairDemoSummary> {
  const started = performance.now();
  const loaded = await loadMatchInput(db, countyCode, await resolveScope(db, countyCode, countyCode));
  const { result } = solve(loaded);
  const startOn = (s: MatchSuggestion) => {
    const h = loaded.households.get(s.householdId)!;
    const m = loaded.members.get(s.memberId)!;
    const from = minDate(maxDate(`${h.identifiedYear}-01-01`, m.joinDate), DEMO_TODAY);
    return randomDate(rng, from, DEMO_TODAY);
  };
  const pairings = await applySuggestions(db, countyCode, loaded, result.suggestions, startOn);
  await publishContactNumbers(db, countyCode);
  await fillEmptyMeasures(db, countyCode, MEASURES);
  return { pairings, shortfall: result.summary.shortfall, ms: Math.round(performance.now() - started) };
}
