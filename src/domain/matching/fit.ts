/**
 * Fit points of a member for a household: skill (best single fit-table rule) + closeness + wish. Households are
 * compiled once into a points-per-tag vector so that scoring a pair is a handful of array reads.
 */
import { type CauseCode, CODE_LABELS, type Label } from '../codes.ts';
import {
  EXPERTISE_FIT,
  EXPERTISE_LABELS,
  type ExpertiseCode,
  NEED_LABELS,
  type NeedCode,
  WILLINGNESS_FIT,
  WILLINGNESS_LABELS,
  type WillingnessCode,
} from './fit-table.ts';
import type { ResolvedMatchOptions } from './options.ts';
import type { ClosenessLevel, FitParts, MatchHousehold, MatchMember, MatchPlace } from './types.ts';

/** A member's card entry the fit table knows: an expertise or a willingness. */
interface Tag {
  kind: 'expertise' | 'willingness';
  code: string;
  label: Label;
  targets: { cause?: Partial<Record<CauseCode, number>>; need?: Partial<Record<NeedCode, number>> };
}

const TAGS: readonly Tag[] = [
  ...Object.entries(EXPERTISE_FIT).map(([code, targets]) => ({
    kind: 'expertise' as const,
    code,
    label: EXPERTISE_LABELS[code as ExpertiseCode],
    targets,
  })),
  ...Object.entries(WILLINGNESS_FIT).map(([code, targets]) => ({
    kind: 'willingness' as const,
    code,
    label: WILLINGNESS_LABELS[code as WillingnessCode],
    targets,
  })),
];
/** Number of tags: the length of every household's points vector. */
export const TAG_COUNT = TAGS.length;
const EXPERTISE_INDEX = new Map(TAGS.flatMap((t, i) => (t.kind === 'expertise' ? [[t.code, i] as const] : [])));
const WILLINGNESS_INDEX = new Map(TAGS.flatMap((t, i) => (t.kind === 'willingness' ? [[t.code, i] as const] : [])));

/** Tag indices of a member's card, ascending, unknown codes dropped. */
export function memberTags(m: MatchMember): number[] {
  const out = new Set<number>();
  for (const e of m.expertise ?? []) if (EXPERTISE_INDEX.has(e)) out.add(EXPERTISE_INDEX.get(e)!);
  for (const w of m.willingness ?? []) if (WILLINGNESS_INDEX.has(w)) out.add(WILLINGNESS_INDEX.get(w)!);
  return [...out].sort((a, b) => a - b);
}

/** What a tag matched in a household: a cause (main or not) or a need. */
interface Hit {
  target: 'cause' | 'need';
  code: string;
  main: boolean;
}

/** A household compiled for scoring: the points of each tag (best rule per tag). */
export interface HouseholdFit {
  points: Int32Array;
  household: MatchHousehold;
}

const causesOf = (h: MatchHousehold) => [h.mainCause, ...(h.otherCauses ?? []).filter((c) => c !== h.mainCause)];

/** The best rule of one tag for a household: its points (0 when none applies) and what it matched. */
function tagHit(tag: Tag, h: MatchHousehold, causes: readonly string[], o: ResolvedMatchOptions) {
  let points = 0;
  let hit: Hit | undefined;
  for (let k = 0; k < causes.length; k++) {
    const p = tag.targets.cause?.[causes[k] as CauseCode];
    const value = p === undefined ? 0 : p + (k === 0 ? o.mainCauseBonus : 0);
    if (value > points) [points, hit] = [value, { target: 'cause', code: causes[k]!, main: k === 0 }];
  }
  for (const n of h.needs ?? []) {
    const value = tag.targets.need?.[n as NeedCode] ?? 0;
    if (value > points) [points, hit] = [value, { target: 'need', code: n, main: false }];
  }
  return { points, hit };
}

/** Per cause code and per need code, the points of every tag (0: no rule), so compiling a household allocates
 * one vector and nothing else. */
const tagPoints = (target: 'cause' | 'need') => {
  const byCode = new Map<string, Int32Array>();
  TAGS.forEach((tag, t) => {
    for (const [code, p] of Object.entries(tag.targets[target] ?? {})) {
      if (!byCode.has(code)) byCode.set(code, new Int32Array(TAG_COUNT));
      byCode.get(code)![t] = p as number;
    }
  });
  return byCode;
};
const CAUSE_POINTS = tagPoints('cause');
const NEED_POINTS = tagPoints('need');

function raise(points: Int32Array, table: Int32Array | undefined, bonus: number): void {
  if (!table) return;
  for (let t = 0; t < TAG_COUNT; t++) if (table[t]! > 0) points[t] = Math.max(points[t]!, table[t]! + bonus);
}

/** Points of every tag for one household (best rule per tag; the main cause earns the bonus), as tagHit says. */
export function compileHousehold(h: MatchHousehold, o: ResolvedMatchOptions): HouseholdFit {
  const points = new Int32Array(TAG_COUNT);
  const causes = causesOf(h);
  for (let k = 0; k < causes.length; k++) raise(points, CAUSE_POINTS.get(causes[k]!), k === 0 ? o.mainCauseBonus : 0);
  for (const n of h.needs ?? []) raise(points, NEED_POINTS.get(n), 0);
  return { points, household: h };
}

/** The member's best tag for the household (−1 when none fits) and its points. */
export function bestTag(tags: readonly number[], hf: HouseholdFit): { tag: number; points: number } {
  let tag = -1;
  let best = 0;
  for (const t of tags) {
    const p = hf.points[t]!;
    if (p > best) [tag, best] = [t, p];
  }
  return { tag, points: best };
}

/** How close two places are, or null when they are in different townships. */
export function closenessLevel(a: MatchPlace, b: MatchPlace): ClosenessLevel | null {
  if (a.township !== b.township) return null;
  if (a.village !== b.village) return 'township';
  if (a.naturalVillage === b.naturalVillage) return 'naturalVillage';
  if (a.grid != null && a.grid === b.grid) return 'grid';
  return 'village';
}

const CLOSENESS_LABELS: Record<ClosenessLevel, Label> = {
  naturalVillage: { zh: '同一自然村', en: 'same natural village' },
  grid: { zh: '同一网格', en: 'same grid' },
  village: { zh: '同一村', en: 'same village' },
  township: { zh: '同一乡镇', en: 'same township' },
};
const WISH_LABEL: Label = { zh: '党员本人意愿结对', en: 'the member asked to help this household' };

function targetLabel(hit: Hit): { zh: string; en: string } {
  if (hit.target === 'need') {
    const l = NEED_LABELS[hit.code as NeedCode];
    return { zh: `帮扶需求“${l.zh}”`, en: `the need for ${l.en.toLowerCase()}` };
  }
  const l = CODE_LABELS.cause[hit.code as CauseCode];
  const main = hit.main ? { zh: '（主因）', en: ' (main cause)' } : { zh: '', en: '' };
  return { zh: `${l.zh}致贫${main.zh}`, en: `${l.en.toLowerCase()}${main.en}` };
}

// Reasons repeat across a county (a tag, a cause or need, main or not): built once each, then shared.
const REASONS = new Map<string, Label>();

/** The reason a tag fits, e.g. {zh:'医疗卫生特长对应因病致贫（主因）', en:'medicine and health expertise fits illness (main cause)'}. */
export function skillReason(tagIndex: number, hf: HouseholdFit, o: ResolvedMatchOptions): Label {
  const tag = TAGS[tagIndex]!;
  const hit = tagHit(tag, hf.household, causesOf(hf.household), o).hit!;
  const key = `${tagIndex}/${hit.target}/${hit.code}/${hit.main}`;
  let reason = REASONS.get(key);
  if (!reason) {
    const t = targetLabel(hit);
    reason =
      tag.kind === 'expertise'
        ? { zh: `${tag.label.zh}特长对应${t.zh}`, en: `${tag.label.en.toLowerCase()} expertise fits ${t.en}` }
        : { zh: `愿意${tag.label.zh}，对应${t.zh}`, en: `willing to give ${tag.label.en.toLowerCase()}: fits ${t.en}` };
    REASONS.set(key, Object.freeze(reason));
  }
  return reason;
}

/** Fit of one pair with its parts and reasons (closeness level must not be null). */
export function scorePair(
  tags: readonly number[],
  hf: HouseholdFit,
  level: ClosenessLevel,
  wished: boolean,
  o: ResolvedMatchOptions,
): { fit: number; parts: FitParts; reasons: Label[] } {
  const best = bestTag(tags, hf);
  const parts = { skill: best.points, closeness: o.closeness[level], wish: wished ? o.wishBonus : 0 };
  const reasons: Label[] = [];
  if (best.tag >= 0) reasons.push(skillReason(best.tag, hf, o));
  reasons.push(CLOSENESS_LABELS[level]);
  if (wished) reasons.push(WISH_LABEL);
  return { fit: parts.skill + parts.closeness + parts.wish, parts, reasons };
}
