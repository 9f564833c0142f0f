/**
 * Member points (党员积分) as pure rules: a county's point rules are data (item, points per piece of evidence,
 * yearly cap); a member's year is scored from the evidence records alone, in a fixed order, so the same records
 * and rules always give the same lines and total, and every line names the record that earned it.
 */

export const POINT_ITEMS = [
  'attendance',
  'absence',
  'help_verified',
  'commitment_fulfilled',
  'problem_raised',
  'problem_solved',
  'household_exited',
  'household_risk_cleared',
  'feedback_praised',
  'bonus',
  'deduction',
] as const;
export type PointItem = (typeof POINT_ITEMS)[number];

/** Items whose points an approver sets per case (with a reason), not the rule. */
export const MANUAL_ITEMS: ReadonlySet<PointItem> = new Set(['bonus', 'deduction']);

/** A county's rule for one item: points per piece of evidence (negative for deductions), capped per year. */
export interface PointRule {
  item: PointItem;
  points: number;
  /** Most points (or, for negative items, most deducted) a member gets from this item in a year; null = none. */
  yearlyCap: number | null;
}

/**
 * Defaults on the usual 100-point scale (DOMAIN.md §5: organisational life ~30, commitments ~20, serving the
 * people ~10): 24 required meetings a year at 1.5 reach the life cap of 30. Manual items carry their own points.
 */
export const DEFAULT_POINT_RULES: readonly PointRule[] = [
  { item: 'attendance', points: 1.5, yearlyCap: 30 },
  { item: 'absence', points: -2, yearlyCap: 10 },
  { item: 'help_verified', points: 1, yearlyCap: 20 },
  { item: 'commitment_fulfilled', points: 5, yearlyCap: 20 },
  { item: 'problem_raised', points: 1, yearlyCap: 5 },
  { item: 'problem_solved', points: 2, yearlyCap: 10 },
  { item: 'household_exited', points: 5, yearlyCap: 10 },
  { item: 'household_risk_cleared', points: 3, yearlyCap: 6 },
  { item: 'feedback_praised', points: 1, yearlyCap: 5 },
  { item: 'bonus', points: 0, yearlyCap: 10 },
  { item: 'deduction', points: 0, yearlyCap: 20 },
];

/** The record that earns points: which table and row, on which business day. */
export interface Evidence {
  item: PointItem;
  table: string;
  recordId: number;
  on: string;
  /** Manual items only: the approved points (positive for a bonus, negative for a deduction). */
  points?: number;
}

/** One scored line: the evidence, the points it would earn, and what it earned after the yearly cap. */
export interface PointLine extends Evidence {
  rulePoints: number;
  awarded: number;
  capped: boolean;
}

export interface PointsResult {
  total: number;
  byItem: Partial<Record<PointItem, number>>;
  lines: PointLine[];
}

/** Rounds to the cent so sums of 1.5s stay exact across runs and backends. */
const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * Scores one member's evidence for a year. Lines are in (date, table, record) order; a cap is filled by the
 * earliest evidence, so a late record never takes points from an earlier one. Items without a rule earn nothing.
 */
export function scorePoints(rules: readonly PointRule[], evidence: readonly Evidence[]): PointsResult {
  const ruleOf = new Map(rules.map((r) => [r.item, r]));
  const used = new Map<PointItem, number>();
  const ordered = [...evidence].sort(
    (a, b) => a.on.localeCompare(b.on) || a.table.localeCompare(b.table) || a.recordId - b.recordId,
  );
  const lines: PointLine[] = [];
  const byItem: Partial<Record<PointItem, number>> = {};
  let total = 0;
  for (const e of ordered) {
    const rule = ruleOf.get(e.item);
    if (!rule) continue;
    const rulePoints = MANUAL_ITEMS.has(e.item) ? (e.points ?? 0) : rule.points;
    const spent = used.get(e.item) ?? 0;
    const room = rule.yearlyCap === null ? Number.POSITIVE_INFINITY : cents(rule.yearlyCap - spent);
    const size = Math.min(Math.abs(rulePoints), Math.max(room, 0));
    const awarded = cents(Math.sign(rulePoints) * size);
    used.set(e.item, cents(spent + size));
    lines.push({ ...e, rulePoints, awarded, capped: size < Math.abs(rulePoints) });
    byItem[e.item] = cents((byItem[e.item] ?? 0) + awarded);
    total = cents(total + awarded);
  }
  return { total, byItem, lines };
}

/** A member's evidence for one item, counted: how many records, and (manual items) the sum of their points. */
export interface ItemTally {
  item: PointItem;
  count: number;
  /** Manual items only: the sum of the approved points (all of one sign: bonuses +, deductions −). */
  points?: number;
}

/**
 * The total and by-item points `scorePoints` gives, from counts alone. A cap filled by the earliest evidence
 * leaves an item with `min(count × |points|, cap)` (with the points' sign) whatever the order, because every
 * record of an item moves the total the same way; so the yearly recompute can count in SQL instead of listing
 * every record. Equal to `scorePoints` on the same evidence (points.test.ts checks it on random evidence).
 */
export function totalFromTallies(
  rules: readonly PointRule[],
  tallies: readonly ItemTally[],
): Pick<PointsResult, 'total' | 'byItem'> {
  const ruleOf = new Map(rules.map((r) => [r.item, r]));
  const sums = new Map<PointItem, number>();
  for (const t of tallies) {
    const rule = ruleOf.get(t.item);
    if (!rule || t.count === 0) continue;
    const raw = MANUAL_ITEMS.has(t.item) ? (t.points ?? 0) : t.count * rule.points;
    sums.set(t.item, cents((sums.get(t.item) ?? 0) + raw));
  }
  const byItem: Partial<Record<PointItem, number>> = {};
  let total = 0;
  for (const [item, raw] of sums) {
    const cap = ruleOf.get(item)?.yearlyCap ?? null;
    const size = cap === null ? Math.abs(raw) : Math.min(Math.abs(raw), cap);
    const awarded = cents(Math.sign(raw) * size);
    byItem[item] = awarded;
    total = cents(total + awarded);
  }
  return { total, byItem };
}
