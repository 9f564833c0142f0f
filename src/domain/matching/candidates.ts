/**
 * The direct candidate pairs of a component (same village, or wished within the township) with their fit, and the
 * first few of them worth giving to the solver: each member's and each household's best few pairs. The rest
 * join only when the solution's potentials say they could improve it (see network.ts).
 */
import { closenessLevel } from './fit.ts';
import type { ResolvedMatchOptions } from './options.ts';
import type { Component, PreparedHousehold, PreparedMember } from './prepare.ts';

/** Pairs given to the solver at first, per member and per household (8 needed the least work on the bench). */
export const FIRST_CANDIDATES = 8;

/** Candidate k is member[k] ↔ household[k] with fit[k]; `chosen[k]` says whether the solver has it. */
export interface Candidates {
  member: Int32Array;
  household: Int32Array;
  fit: Int32Array;
  chosen: Uint8Array;
  size: number;
}

function directFit(m: PreparedMember, h: PreparedHousehold, o: ResolvedMatchOptions): number | null {
  const level = closenessLevel(m.member.place, h.household.place);
  if (level === null) return null;
  const wished = m.wishes.has(h.household.id);
  if (level === 'township' && !wished) return null; // across villages: through the hubs, or not at all
  let skill = 0;
  for (const t of m.tags) skill = Math.max(skill, h.fit.points[t]!);
  return skill + o.closeness[level] + (wished ? o.wishBonus : 0);
}

/** Every direct candidate pair, members in order, households ascending within a member. */
export function directCandidates(c: Component, o: ResolvedMatchOptions, first = FIRST_CANDIDATES): Candidates {
  const byVillage = new Map<string, number[]>();
  c.households.forEach((h, j) => {
    const v = h.household.place.village;
    if (!byVillage.has(v)) byVillage.set(v, []);
    byVillage.get(v)!.push(j);
  });
  const indexOf = new Map(c.households.map((h, j) => [h.household.id, j]));
  const member: number[] = [];
  const household: number[] = [];
  const fit: number[] = [];
  c.members.forEach((m, i) => {
    const extra = [...m.wishes].flatMap((id) => (indexOf.has(id) ? [indexOf.get(id)!] : []));
    const own = byVillage.get(m.member.place.village) ?? [];
    const js = extra.length === 0 ? own : [...new Set([...own, ...extra])].sort((a, b) => a - b);
    for (const j of js) {
      const f = directFit(m, c.households[j]!, o);
      if (f === null) continue;
      member.push(i);
      household.push(j);
      fit.push(f);
    }
  });
  const size = member.length;
  const out = {
    member: Int32Array.from(member),
    household: Int32Array.from(household),
    fit: Int32Array.from(fit),
    chosen: new Uint8Array(size),
    size,
  };
  chooseBest(out, out.member, c.members.length, first);
  chooseBest(out, out.household, c.households.length, first);
  return out;
}

/** Marks the FIRST best-fitting candidates of every owner (member or household); ties go to the earlier pair. */
function chooseBest(cands: Candidates, owner: Int32Array, owners: number, first: number): void {
  const lists: number[][] = Array.from({ length: owners }, () => []);
  for (let k = 0; k < cands.size; k++) lists[owner[k]!]!.push(k);
  for (const list of lists) {
    list.sort((a, b) => cands.fit[b]! - cands.fit[a]! || a - b);
    for (const k of list.slice(0, first)) cands.chosen[k] = 1;
  }
}
