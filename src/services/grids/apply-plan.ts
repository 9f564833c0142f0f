/**
 * Apply a reviewed partition plan in one transaction: retire the grids it drops, create the new ones with
 * their Party groups, move natural-village links and memberships (ending the old rows, never deleting them),
 * place households of split natural villages, clear leaders who left their grid, and log it all in
 * grid_event. Refused (409) when the grids or members changed since the plan was proposed.
 */
import type { Kysely, Transaction } from 'kysely';
import { transactionNow } from '../../db/repositories/grids.ts';
import type { Database, GridEventKind } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { write } from '../write.ts';
import type { VillagePlan } from './plan-diff.ts';
import { basisOf, PLAN } from './propose-plan.ts';
import { loadVillageStates, type VillageState } from './village-state.ts';

type Trx = Transaction<Database>;
const CHUNK = 1000;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

interface Event {
  grid_id: number;
  kind: GridEventKind;
  detail: Record<string, unknown>;
}

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

export async function retireGrids(trx: Trx, county: string, now: string, ids: number[], reason: string) {
  if (ids.length === 0) return;
  await trx
    .updateTable('grid')
    .set({ retired_at: now, retired_reason: reason, updated_at: now })
    .where('county_code', '=', county)
    .where('id', 'in', ids)
    .execute();
  await trx
    .updateTable('party_group')
    .set({ retired_at: now, updated_at: now })
    .where('county_code', '=', county)
    .where('grid_id', 'in', ids)
    .execute();
}

/** New grids with their Party groups, ids in the order given. */
export async function createGrids(
  trx: Trx,
  county: string,
  grids: { villageCode: string; villageName: string; name: string }[],
) {
  const ids: number[] = [];
  await inChunks(grids, async (chunk) => {
    const rows = await trx
      .insertInto('grid')
      .values(chunk.map((g) => ({ county_code: county, village_code: g.villageCode, name: g.name })))
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  });
  const groups = grids.map((g, i) => ({
    county_code: county,
    grid_id: ids[i]!,
    name: `${g.villageName}${g.name}党小组`,
  }));
  await inChunks(groups, (chunk) => trx.insertInto('party_group').values(chunk).execute());
  return ids;
}

/** Ends memberships and starts new ones; the member's previous row stays as history. */
export async function moveMembers(
  trx: Trx,
  county: string,
  now: string,
  moves: { member: number; grid: number }[],
  reason: string,
) {
  await inChunks(moves, async (chunk) => {
    await trx
      .updateTable('grid_member')
      .set({ left_at: now, left_reason: reason })
      .where('county_code', '=', county)
      .where('left_at', 'is', null)
      .where(
        'member_id',
        'in',
        chunk.map((m) => m.member),
      )
      .execute();
    await trx
      .insertInto('grid_member')
      .values(
        chunk.map((m) => ({
          county_code: county,
          grid_id: m.grid,
          member_id: m.member,
          joined_at: now,
          joined_reason: reason,
        })),
      )
      .execute();
  });
}

/** Leaders who are no longer members of their group's grid step down. */
export async function clearDepartedLeaders(trx: Trx, county: string, gridIds: number[]) {
  await inChunks(gridIds, (chunk) =>
    trx
      .updateTable('party_group as p')
      .set({ leader_member_id: null, leader_since: null })
      .where('p.county_code', '=', county)
      .where('p.grid_id', 'in', chunk)
      .where('p.leader_member_id', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('grid_member as gm')
              .select('gm.id')
              .whereRef('gm.county_code', '=', 'p.county_code')
              .whereRef('gm.grid_id', '=', 'p.grid_id')
              .whereRef('gm.member_id', '=', 'p.leader_member_id')
              .where('gm.left_at', 'is', null),
          ),
        ),
      )
      .execute(),
  );
}

export async function logEvents(trx: Trx, county: string, events: Event[], planId: number | null = null) {
  const rows = events.map((e) => ({ county_code: county, ...e, detail: JSON.stringify(e.detail), plan_id: planId }));
  await inChunks(rows, (chunk) => trx.insertInto('grid_event').values(chunk).execute());
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
  for (const [grid, code, piece] of endLinks) {
    await trx
      .updateTable('grid_natural_village')
      .set({ ended_at: now })
      .where('county_code', '=', county)
      .where('grid_id', '=', Number(grid))
      .where('natural_village_code', '=', code!)
      .where('piece', '=', Number(piece))
      .where('ended_at', 'is', null)
      .execute();
  }
  const startLinks = all.flatMap((c) => c.startLinks);
  await inChunks(startLinks, (chunk) =>
    trx
      .insertInto('grid_natural_village')
      .values(
        chunk.map(([grid, code, piece, pieces]) => ({
          county_code: county,
          grid_id: Number(grid),
          village_code: code!.slice(0, 12),
          natural_village_code: code!,
          piece: Number(piece),
          pieces: Number(pieces),
          started_at: now,
        })),
      )
      .execute(),
  );
  await moveMembers(
    trx,
    county,
    now,
    all.flatMap((c) => c.memberMoves),
    `plan ${planId}`,
  );
  await inChunks(
    all.flatMap((c) => c.households),
    (chunk) =>
      trx.deleteFrom('grid_household').where('county_code', '=', county).where('household_id', 'in', chunk).execute(),
  );
  const placed = all
    .flatMap((c) => c.placed)
    .map((p) => ({ county_code: county, household_id: p.household, grid_id: p.grid }));
  await inChunks(placed, (chunk) => trx.insertInto('grid_household').values(chunk).execute());
  await clearDepartedLeaders(trx, county, [...new Set(all.flatMap((c) => c.target))]);
  const events: Event[] = [
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
    const plan = await trx
      .selectFrom('grid_plan')
      .select(['status', 'scope_code', 'basis', 'proposal'])
      .where('county_code', '=', county)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
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
    await trx
      .updateTable('grid_plan')
      .set((eb) => ({ status: 'applied', applied_at: eb.fn('now') }))
      .where('county_code', '=', county)
      .where('id', '=', id)
      .execute();
    ctx.changed('dashboard');
    return applied;
  });
  return { planId: id, ...result };
}
