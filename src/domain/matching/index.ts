/**
 * Matching Party members to poor households (结对帮扶, DOMAIN.md §1.3; issue #6 item 1). Pure and deterministic
 * (the result does not depend on the order of the input); never throws.
 *
 * Objective, lexicographic: (1) cover as many households without a helper as capacity allows — each gets at
 * most one new helper, and no member goes beyond their capacity (0–2) counting the pairings they already hold;
 * (2) among those, the greatest total fit, where a pair's fit is skill (fit-table.ts) + closeness + wish
 * (options.ts), in whole points. Solved exactly by min-cost max-flow (min-cost-flow.ts) on each township
 * separately (members of other townships are never candidates).
 */
import { type Assignment, solveComponent } from './network.ts';
import { resolveMatchOptions } from './options.ts';
import { prepare } from './prepare.ts';
import { assembleResult } from './result.ts';
import type { MatchInput, MatchOptions, MatchResult } from './types.ts';

export { EXPERTISE_FIT, EXPERTISE_LABELS, NEED_LABELS, WILLINGNESS_FIT, WILLINGNESS_LABELS } from './fit-table.ts';
export { MATCH_DEFAULTS } from './options.ts';
export type * from './types.ts';

/**
 * Suggests helpers for every household without one. Existing pairings are kept and count against capacity;
 * excluded pairs (a reviewer rejected them) are never suggested, and the result is still optimal without them.
 * @example
 * const r = matchHelpers({
 *   members: [{ id: 1, capacity: 2, expertise: ['medical'], willingness: ['health'],
 *               place: { township: '340822100', village: '340822100201', naturalVillage: '340822100201001' } }],
 *   households: [{ id: 7, mainCause: 'illness', needs: ['medical'],
 *                  place: { township: '340822100', village: '340822100201', naturalVillage: '340822100201001' } }],
 * });
 * // r.suggestions[0]: { memberId: 1, householdId: 7, fit: 12, reasons: [{ zh: '医疗卫生特长对应因病致贫（主因）', … },
 * //   { zh: '同一自然村', en: 'same natural village' }] }
 */
export function matchHelpers(input: MatchInput, options: MatchOptions = {}): MatchResult {
  const o = resolveMatchOptions(options);
  const prepared = prepare(input, o);
  const assignments: Assignment[] = [];
  for (const component of prepared.components) assignments.push(...solveComponent(component, o));
  return assembleResult(prepared, assignments, o);
}
