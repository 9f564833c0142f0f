/**
 * Propose a partition for a village, a township or the county: partition every village of the scope, set
 * each against its current grids, store the plan with a fingerprint of what it was computed against, and
 * return it for review. Nothing changes until the plan is applied (apply-plan.ts).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findPlan, insertPlan } from '../../db/repositories/grid-writes.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { PARTITION_DEFAULTS, type PartitionOptions, partitionVillage } from '../../domain/partition/index.ts';
import { write } from '../write.ts';
import { diffVillage, type VillagePlan } from './plan-diff.ts';
import { loadVillageStates, partitionInput, type VillageState } from './village-state.ts';

type Db = Kysely<Database>;

export interface PlanSummary {
  villages: number;
  villagesChanged: number;
  grids: number;
  gridsKept: number;
  gridsCreated: number;
  gridsRetired: number;
  membersMoved: number;
  naturalVillagesMoved: number;
  householdsMoved: number;
  membersPerGrid: { min: number; median: number; max: number };
  withinBoundsShare: number;
  breaches: Record<string, number>;
}

export interface GridPlan {
  id: number;
  scope: string;
  status: 'proposed' | 'applied' | 'superseded';
  options: PartitionOptions;
  createdAt: string;
  appliedAt: string | null;
  summary: PlanSummary;
  villages: VillagePlan[];
}

/**
 * What a plan was computed against: the scope's current grids with their natural villages and members, and
 * its active members and natural villages. Applying is refused when this has changed since.
 */
export function basisOf(villages: readonly VillageState[]): string {
  const hash = createHash('sha256');
  for (const v of villages) {
    hash.update(`${v.code}|${v.naturalVillages.map((nv) => nv.code).join()}|${v.members.map((m) => m.id).join()}\n`);
    for (const g of v.grids)
      hash.update(`${g.id}:${g.parts.map((p) => `${p.code}#${p.piece}`).join()}:${g.members.join()}\n`);
  }
  return hash.digest('hex');
}

function summarize(plans: readonly VillagePlan[], options: PartitionOptions): PlanSummary {
  const sizes = plans.flatMap((p) => p.grids.map((g) => g.members.length)).sort((a, b) => a - b);
  const [min, max] = [
    options.minMembers ?? PARTITION_DEFAULTS.minMembers,
    options.maxMembers ?? PARTITION_DEFAULTS.maxMembers,
  ];
  const breaches: Record<string, number> = {};
  for (const b of plans.flatMap((p) => p.breaches)) breaches[b.code] = (breaches[b.code] ?? 0) + 1;
  const sum = (f: (p: VillagePlan) => number) => plans.reduce((s, p) => s + f(p), 0);
  return {
    villages: plans.length,
    villagesChanged: plans.filter((p) => !p.unchanged).length,
    grids: sizes.length,
    gridsKept: sum((p) => p.grids.filter((g) => g.gridId !== null).length),
    gridsCreated: sum((p) => p.grids.filter((g) => g.gridId === null).length),
    gridsRetired: sum((p) => p.retire.length),
    membersMoved: sum((p) => p.memberMoves.length),
    naturalVillagesMoved: sum((p) => p.naturalVillageMoves.length),
    householdsMoved: sum((p) => p.householdsMoved),
    membersPerGrid: {
      min: sizes[0] ?? 0,
      median: sizes[Math.floor(sizes.length / 2)] ?? 0,
      max: sizes.at(-1) ?? 0,
    },
    withinBoundsShare: sizes.length === 0 ? 1 : sizes.filter((s) => s >= min && s <= max).length / sizes.length,
    breaches,
  };
}

/** Partitions every village of the scope; the plan is not stored. */
export async function computePlan(db: Db, county: string, scope: string, options: PartitionOptions = {}) {
  const states = await loadVillageStates(db, county, scope);
  if (states.length === 0) throw AppError.notFound({ zh: '范围内的行政村', en: 'village in this scope' });
  const villages = states.map((v) => diffVillage(v, partitionVillage(partitionInput(v), options)));
  return { basis: basisOf(states), villages, summary: summarize(villages, options) };
}

/** Computes and stores a plan for review. 404 when the scope has no village. */
export async function proposePlan(db: Db, county: string, scope: string, options: PartitionOptions = {}) {
  const plan = await computePlan(db, county, scope, options);
  const row = await write(db, county, async (ctx) => {
    const { tx: trx } = ctx;
    const inserted = {
      id: await insertPlan(trx, {
        county_code: county,
        scope_code: scope,
        options: JSON.stringify(options),
        basis: plan.basis,
        proposal: JSON.stringify(plan.villages),
        summary: JSON.stringify(plan.summary),
      }),
    };
    const { villagesChanged, grids, gridsCreated, gridsRetired, membersMoved } = plan.summary;
    const diff: Record<string, [unknown, unknown]> = {
      status: [null, 'proposed'],
      summary: [null, { villagesChanged, grids, gridsCreated, gridsRetired, membersMoved }],
    };
    ctx.audit({
      action: 'grid_plan.propose',
      table: 'grid_plan',
      recordId: inserted.id,
      orgCode: scope,
      diff,
    });
    return inserted;
  });
  return getPlan(db, county, row.id);
}

export const PLAN = { zh: '划分方案', en: 'partition plan' };

/** A stored plan; `village` narrows it to one village's part. */
export async function getPlan(db: Db, county: string, id: number, village?: string): Promise<GridPlan> {
  const row = await findPlan(db, county, id);
  if (!row) throw AppError.notFound(PLAN);
  const villages = (row.proposal as VillagePlan[]).filter((v) => !village || v.villageCode === village);
  return {
    id: row.id,
    scope: row.scope_code,
    status: row.status,
    options: row.options as PartitionOptions,
    createdAt: new Date(row.created_at).toISOString(),
    appliedAt: row.applied_at ? new Date(row.applied_at).toISOString() : null,
    summary: row.summary as PlanSummary,
    villages,
  };
}
