/**
 * Apply a reviewed partition plan in one transaction: retire the grids it drops, create the new ones with
 * their Party groups, move natural-village links and memberships (ending the old rows, never deleting them),
 * place households of split natural villages, clear leaders who left their grid, and log it all in
 * grid_event. Refused (409) when the grids or members changed since the plan was proposed.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  clearDepartedLeaders,
  createGrids,
  endVillageLinks,
  type GridEvent,
  lockPlan,
  logEvents,
  markPlanApplied,
  moveMembers,
  replaceHouseholdPlacements,
  retireGrids,
  startVillageLinks,
} from '../../db/repositories/grid-writes.ts';
import { transactionNow } from '../../db/repositories/grids.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { write } from '../write.ts';
import type { VillagePlan } from './plan-diff.ts';
import { basisOf, PLAN } from './propose-plan.ts';
import { loadVillageStates, type VillageState } from './village-state.ts';

type Trx = Transaction<Database>;
/** The rows one village's plan ends and starts, given the ids of its new grids. */
function changesOf(plan: VillagePlan, state: VillageState, newIds: number[]) {
  let next = 0;
  const target = plan.grids.map((g) => g.gridId ?? newIds[next++]!);
  const link = (grid: number, p: { code: string; piece: number; pieces: number }) =>
    `${grid}|${p.code}|${p.piece}|${p.pieces}`;
  const current = new Set(state.grids.flatMap((g) => g.parts.map((p) => link(g.id, p))));
  const desired = new Set(plan.grids.flatMap((g, i) => g.parts.map((p) => link(target[i]!, p))));
  const memberNow = new Map(state.grids.flatMap((g) => g.members.map((m) => [m, g.id] as const)));
  const memberMoves = plan.grids.flatMap((g, i) =>
    g.members.filter((m) => memberNow.get(m) !== target[i]).map((m) => ({ member: m, grid: target[i]! })),
  );
  const placed = plan.grids.flatMap((g, i) => {
    const split = new Set(g.parts.filter((p) => p.pieces > 1).map((p) => p.code));
    if (split.size === 0) return [];
    const inSplit = new Set(state.households.filter((h) => split.has(h.naturalVillageCode)).map((h) => h.id));
    return g.householdIds.filter((h) => inSplit.has(h)).map((h) => ({ household: h, grid: target[i]! }));
  });
  return {
    target,
    endLinks: [...current].filter((k) => !desired.has(k)).map((k) => k.split('|')),
    startLinks: [...desired].filter((k) => !current.has(k)).map((k) => k.split('|')),
    memberMoves,
    placed,
    households: state.households.map((h) => h.id),
  };
}

async function applyVillages(trx: Trx, county: string, planId: number, plans: VillagePlan[], states: VillageState[]) {
  const now = await transactionNow(trx);
  const stateOf = new Map(states.map((s) => [s.code, s]));
  const changed = plans.filter((p) => !p.unchanged);
  const retired = changed.flatMap((p) => p.retire.map((r) => r.id));
  await retireGrids(trx, county, now, retired, `plan ${planId}`);
  const fresh = changed.flatMap((p) =>
    p.grids
      .filter((g) => g.gridId === null)
      .map((g) => ({ villageCode: p.villageCode, villageName: p.villageName, name: g.name })),
  );
  const newIds = await createGrids(trx, county, fresh);
  let taken = 0;
  const all = changed.map((p) => {
    const count = p.grids.filter((g) => g.gridId === null).length;
    const c = changesOf(p, stateOf.get(p.villageCode)!, newIds.slice(taken, taken + count));
    taken += count;
    return c;
  });
  const endLinks = all.flatMap((c) => c.endLinks);
  await endVillageLinks(trx, county, now, endLinks);
  const startLinks = all.flatMap((c) => c.startLinks);
  await startVillageLinks(trx, county, now, startLinks);
  await moveMembers(
    trx,
    county,
    now,
    all.flatMap((c) => c.memberMoves),
    `plan ${planId}`,
  );
  await replaceHouseholdPlacements(
    trx,
    county,
    all.flatMap((c) => c.households),
    all.flatMap((c) => c.placed),
  );
  await clearDepartedLeaders(trx, county, [...new Set(all.flatMap((c) => c.target))]);
  const events: GridEvent[] = [
    ...retired.map((id) => ({ grid_id: id, kind: 'retired' as const, detail: { reason: 'replanned' } })),
    ...newIds.map((id, i) => ({ grid_id: id, kind: 'created' as const, detail: { name: fresh[i]!.name } })),
    ...endLinks.map(([grid, code, piece]) => ({
      grid_id: Number(grid),
      kind: 'natural_village_removed' as const,
      detail: { code, piece: Number(piece) },
    })),
    ...startLinks.map(([grid, code, piece, pieces]) => ({
      grid_id: Number(grid),
      kind: 'natural_village_added' as const,
      detail: { code, piece: Number(piece), pieces: Number(pieces) },
    })),
  ];
  await logEvents(trx, county, events, planId);
  return { gridsCreated: newIds.length, gridsRetired: retired.length, villagesChanged: changed.length };
}

const STALE = {
  zh: '方案生成后网格或党员已有变动，请重新生成方案',
  en: 'Grids or members changed since this plan was proposed; propose it again',
};
const DONE = { zh: '该方案已应用或已被新方案取代', en: 'This plan was already applied or superseded' };

/** Applies plan `id`; returns what changed. */
export async function applyPlan(db: Kysely<Database>, county: string, id: number) {
  const result = await write(db, county, async (ctx) => {
    const { tx: trx } = ctx;
    // Locked, so that two clicks on "apply" cannot both pass the checks below.
    const plan = await lockPlan(trx, county, id);
    if (!plan) throw AppError.notFound(PLAN);
    if (plan.status !== 'proposed') throw new AppError('conflict', DONE);
    const states = await loadVillageStates(trx, county, plan.scope_code);
    if (basisOf(states) !== plan.basis) throw new AppError('conflict', STALE);
    const applied = await applyVillages(trx, county, id, plan.proposal as VillagePlan[], states);
    const diff: Record<string, [unknown, unknown]> = { status: ['proposed', 'applied'], applied: [null, applied] };
    ctx.audit({
      action: 'grid_plan.apply',
      table: 'grid_plan',
      recordId: id,
      orgCode: plan.scope_code,
      diff,
    });
    await markPlanApplied(trx, county, id);
    ctx.changed('dashboard');
    // Groups and their members changed: the remembered compliance and activity lists follow.
    ctx.changed('activities');
    return applied;
  });
  return { planId: id, ...result };
}
