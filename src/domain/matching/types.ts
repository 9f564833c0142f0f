/**
 * Public shapes of helper matching (结对帮扶, DOMAIN.md §1.3): Party members with free capacity in, suggested
 * member ↔ household pairings out, each with its fit points and the reasons behind them.
 */
import type { CauseCode, Label } from '../codes.ts';
import type { ExpertiseCode, NeedCode, WillingnessCode } from './fit-table.ts';

/** Where a member lives or a household is registered; codes as stored (village = 12-digit statistical code). */
export interface MatchPlace {
  township: string;
  village: string;
  /** The grid (网格) the natural village belongs to, when grids are drawn. */
  grid?: string | null;
  naturalVillage: string;
}

/** A Party member as matching needs them (from the information card, 党员信息卡). */
export interface MatchMember {
  id: number;
  /** Households the member can help in all (card: 0–2; 0 for migrants, the frail and the sick). */
  capacity: number;
  /** Pairings the member already holds (they stay and count against capacity). */
  load?: number;
  expertise: readonly (ExpertiseCode | string)[];
  willingness: readonly (WillingnessCode | string)[];
  place: MatchPlace;
  /** Households the member asked to help (their own wish). */
  wishes?: readonly number[];
}

/** A poor or monitored household that may need a helper. */
export interface MatchHousehold {
  id: number;
  place: MatchPlace;
  mainCause: CauseCode | string;
  otherCauses?: readonly (CauseCode | string)[];
  /** Open needs (household_need with status open). */
  needs?: readonly (NeedCode | string)[];
  /** Helpers it already has; a household with one needs no new helper. */
  helpers?: number;
}

/** A pairing that already exists (kept as it is: 不脱贫，不脱钩). */
export interface MatchPairing {
  memberId: number;
  householdId: number;
}

export interface MatchInput {
  members: readonly MatchMember[];
  households: readonly MatchHousehold[];
  pairings?: readonly MatchPairing[];
  /** Pairs never to suggest (a reviewer rejected them). */
  excluded?: readonly MatchPairing[];
}

/** Who may be suggested to whom: members of the household's township (default) or only of its village. */
export type MatchReach = 'township' | 'village';

/** Tuning of the fit points; every field has a default (see options.ts). Points are whole numbers. */
export interface MatchOptions {
  reach?: MatchReach;
  /** Points for living in the same natural village / grid / village / township (ordered: each ≥ the next). */
  closeness?: Partial<Record<ClosenessLevel, number>>;
  /** Points when the member asked for the household. */
  wishBonus?: number;
  /** Extra points when a fit rule matches the household's main cause (not only another cause or a need). */
  mainCauseBonus?: number;
}

export type ClosenessLevel = 'naturalVillage' | 'grid' | 'village' | 'township';

/** How the fit of one suggestion adds up: skill + closeness + wish = fit. */
export interface FitParts {
  /** Best single fit-table rule between the member's expertise/willingness and the household's causes/needs. */
  skill: number;
  closeness: number;
  wish: number;
}

/** One suggested new pairing. */
export interface MatchSuggestion {
  memberId: number;
  householdId: number;
  fit: number;
  parts: FitParts;
  /** Why this member: the fitting skill, how close they live, their own wish. */
  reasons: Label[];
}

/** Households of one village left without a helper because capacity ran out. */
export interface VillageShortfall {
  township: string;
  village: string;
  /** Household ids, ascending. */
  households: number[];
}

/** The figures `lianxin match` prints (issue #6 item 8). */
export interface MatchSummary {
  /** Households without any helper before matching. */
  householdsNeedingHelp: number;
  /** Of those, households given a helper by the suggestions. */
  householdsCovered: number;
  /** Households still without a helper (capacity ran out). */
  shortfall: number;
  /** Members with capacity > 0 whose capacity is used up after the suggestions. */
  membersAtCapacity: number;
  /** Sum of the suggestions' fit points. */
  totalFit: number;
  /** Independent sub-problems solved (townships, or villages with reach 'village'). */
  components: number;
}

export interface MatchResult {
  /** Suggested new pairings, by household id. */
  suggestions: MatchSuggestion[];
  /** Existing pairings, kept unchanged. */
  kept: MatchPairing[];
  /** Villages with households left without a helper, by township then village code. */
  shortfall: VillageShortfall[];
  /** Ids of members at capacity after the suggestions, ascending. */
  membersAtCapacity: number[];
  summary: MatchSummary;
}
