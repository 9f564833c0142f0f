/**
 * Breach messages in Chinese and English. Each names the grid, the figures and, where the input shows it,
 * why: a township reviewing 250 villages must see at once whether a village simply has too few members or
 * whether its geography forced the compromise.
 */
import type { Label } from '../codes.ts';
import type { PartitionBreach } from './types.ts';

/** Facts about one grid that its breaches need. */
export interface GridFacts {
  index: number;
  codes: string[];
  members: number;
  households: number;
  capacity: number;
  eligible: number;
  /** Natural village codes of each connected piece. */
  pieces: string[][];
}

/** Facts about the whole village. */
export interface VillageFacts {
  members: number;
  eligible: number;
  grids: number;
  minMembers: number;
  maxMembers: number;
}

const zhList = (codes: readonly string[]) => codes.join('、');
const enList = (codes: readonly string[]) => codes.join(', ');
const NONE_FOUND: Label = {
  zh: '；找不到使每个网格都相连且人数在范围内的划分',
  en: '; no partition keeps every grid contiguous and within the bounds',
};

function memberBreach(g: GridFacts, v: VillageFacts): PartitionBreach | null {
  const head = { zh: `第 ${g.index + 1} 个网格（${zhList(g.codes)}）`, en: `Grid ${g.index + 1} (${enList(g.codes)})` };
  if (g.members < v.minMembers) {
    const why =
      v.members < v.minMembers
        ? { zh: `；全村只有 ${v.members} 名党员`, en: `; the whole village has only ${v.members}` }
        : NONE_FOUND;
    return {
      code: 'too_few_members',
      grid: g.index,
      message: {
        zh: `${head.zh}只有 ${g.members} 名党员，少于 ${v.minMembers} 名${why.zh}`,
        en: `${head.en} has ${g.members} members, fewer than ${v.minMembers}${why.en}`,
      },
    };
  }
  if (g.members <= v.maxMembers) return null;
  return {
    code: 'too_many_members',
    grid: g.index,
    message: {
      zh: `${head.zh}有 ${g.members} 名党员，多于 ${v.maxMembers} 名${NONE_FOUND.zh}`,
      en: `${head.en} has ${g.members} members, more than ${v.maxMembers}${NONE_FOUND.en}`,
    },
  };
}

function contiguityBreach(g: GridFacts): PartitionBreach | null {
  if (g.pieces.length <= 1) return null;
  const zh = g.pieces.map((p) => `（${zhList(p)}）`).join('');
  const en = g.pieces.map((p) => `(${enList(p)})`).join(' ');
  return {
    code: 'not_contiguous',
    grid: g.index,
    message: {
      zh: `第 ${g.index + 1} 个网格分成 ${g.pieces.length} 块互不相邻的区域${zh}${NONE_FOUND.zh}`,
      en: `Grid ${g.index + 1} falls into ${g.pieces.length} separate areas ${en}${NONE_FOUND.en}`,
    },
  };
}

function leaderBreach(g: GridFacts, v: VillageFacts): PartitionBreach | null {
  if (g.eligible > 0) return null;
  const why =
    v.eligible === 0
      ? { zh: '；全村没有可任党小组长的党员', en: '; the village has no member eligible to lead' }
      : v.eligible < v.grids
        ? {
            zh: `；全村只有 ${v.eligible} 名可任组长的党员，却有 ${v.grids} 个网格`,
            en: `; the village has only ${v.eligible} eligible members for ${v.grids} grids`,
          }
        : {
            zh: '；满足人数与相连要求后无法再调配',
            en: '; none could be given to it without breaking the member bounds or contiguity',
          };
  return {
    code: 'no_eligible_leader',
    grid: g.index,
    message: {
      zh: `第 ${g.index + 1} 个网格没有可任党小组长的党员${why.zh}`,
      en: `Grid ${g.index + 1} has no member eligible to lead its Party group${why.en}`,
    },
  };
}

function capacityBreach(g: GridFacts): PartitionBreach | null {
  if (g.households <= g.capacity) return null;
  return {
    code: 'capacity_short',
    grid: g.index,
    message: {
      zh: `第 ${g.index + 1} 个网格有 ${g.households} 户，党员只能帮扶 ${g.capacity} 户`,
      en: `Grid ${g.index + 1} has ${g.households} households but its members can help only ${g.capacity}`,
    },
  };
}

/** Every breach of one grid, most serious first. */
export function gridBreaches(g: GridFacts, v: VillageFacts): PartitionBreach[] {
  const found = [memberBreach(g, v), contiguityBreach(g), leaderBreach(g, v), capacityBreach(g)];
  return found.filter((b): b is PartitionBreach => b !== null);
}

/** Problems with the input itself, reported rather than thrown. */
export function inputBreaches(
  duplicates: readonly { id: number; kept: string; dropped: string }[],
  unknownCodes: readonly string[],
  empty: boolean,
): PartitionBreach[] {
  const out: PartitionBreach[] = duplicates.map((d) => ({
    code: 'duplicate_member' as const,
    message: {
      zh: `党员 ${d.id} 同时登记在 ${d.kept} 和 ${d.dropped}，已只算在 ${d.kept}`,
      en: `Member ${d.id} is listed under both ${d.kept} and ${d.dropped}; counted in ${d.kept} only`,
    },
  }));
  if (unknownCodes.length > 0) {
    out.push({
      code: 'unknown_adjacency',
      message: {
        zh: `相邻关系中的自然村不属于本村，已忽略：${zhList(unknownCodes)}`,
        en: `Adjacency names natural villages not in this village, ignored: ${enList(unknownCodes)}`,
      },
    });
  }
  if (empty) {
    out.push({
      code: 'no_natural_villages',
      message: { zh: '本村没有自然村，无法划分网格', en: 'The village has no natural villages to divide into grids' },
    });
  }
  return out;
}
