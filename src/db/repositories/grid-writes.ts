/**
 * Grid writes: retiring and creating grids with their Party groups, natural-village links, memberships,
 * household placements, leaders stepping down, the grid_event log and the plans' own rows. Large writes go in
 * chunks of CHUNK rows (bounded statement size on both backends). The rules are in services/grids.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, GridEventKind, GridPlanTable } from '../schema.ts';

type Trx = Transaction<Database>;
const CHUNK = 1000;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export interface GridEvent {
  grid_id: number;
  kind: GridEventKind;
  detail: Record<string, unknown>;
}

/** Retires grids `ids` and their Party groups at `now`. */
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

/** Logs grid events (of plan `planId` when a plan caused them). */
export async function logEvents(trx: Trx, county: string, events: GridEvent[], planId: number | null = null) {
  const rows = events.map((e) => ({ county_code: county, ...e, detail: JSON.stringify(e.detail), plan_id: planId }));
  await inChunks(rows, (chunk) => trx.insertInto('grid_event').values(chunk).execute());
}

/** Ends the open natural-village links [grid, code, piece] at `now`. */
export async function endVillageLinks(trx: Trx, county: string, now: string, links: readonly string[][]) {
  for (const [grid, code, piece] of links) {
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
}

/** Starts natural-village links [grid, code, piece, pieces] at `now`. */
export async function startVillageLinks(trx: Trx, county: string, now: string, links: readonly string[][]) {
  await inChunks(links, (chunk) =>
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
}

/** Replaces the grid placements of households `households` by `placed` (only households of split villages). */
export async function replaceHouseholdPlacements(
  trx: Trx,
  county: string,
  households: readonly number[],
  placed: readonly { household: number; grid: number }[],
) {
  await inChunks(households, (chunk) =>
    trx.deleteFrom('grid_household').where('county_code', '=', county).where('household_id', 'in', chunk).execute(),
  );
  const rows = placed.map((p) => ({ county_code: county, household_id: p.household, grid_id: p.grid }));
  await inChunks(rows, (chunk) => trx.insertInto('grid_household').values(chunk).execute());
}

/** Plan `id`, locked until the transaction ends (two clicks on "apply" cannot both pass the checks). */
export function lockPlan(trx: Trx, county: string, id: number) {
  return trx
    .selectFrom('grid_plan')
    .select(['status', 'scope_code', 'basis', 'proposal'])
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Marks plan `id` applied now. */
export async function markPlanApplied(db: Kysely<Database>, county: string, id: number) {
  await db
    .updateTable('grid_plan')
    .set((eb) => ({ status: 'applied', applied_at: eb.fn('now') }))
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}
/** Ends grid `gridId`'s open links to natural villages `codes` at `now`. */
export async function endGridLinks(trx: Trx, county: string, now: string, gridId: number, codes: string[]) {
  if (codes.length === 0) return;
  await trx
    .updateTable('grid_natural_village')
    .set({ ended_at: now })
    .where('county_code', '=', county)
    .where('grid_id', '=', gridId)
    .where('natural_village_code', 'in', codes)
    .where('ended_at', 'is', null)
    .execute();
}

/** Links grid `gridId` to natural-village pieces `parts` from `now`. */
export async function addGridLinks(
  trx: Trx,
  county: string,
  now: string,
  gridId: number,
  parts: { code: string; piece: number; pieces: number }[],
) {
  if (parts.length === 0) return;
  await trx
    .insertInto('grid_natural_village')
    .values(
      parts.map((p) => ({
        county_code: county,
        grid_id: gridId,
        village_code: p.code.slice(0, 12),
        natural_village_code: p.code,
        piece: p.piece,
        pieces: p.pieces,
        started_at: now,
      })),
    )
    .execute();
}

/** Grid `id`'s village and retirement, its row locked until the transaction ends. */
export function lockGrid(trx: Trx, county: string, id: number) {
  return trx
    .selectFrom('grid')
    .select(['village_code', 'retired_at'])
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Renames grid `id` and its Party group (named after the village and the grid). */
export async function renameGridRows(
  trx: Trx,
  county: string,
  id: number,
  name: string,
  groupName: string,
  now: string,
) {
  await trx
    .updateTable('grid')
    .set({ name, updated_at: now })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
  await trx
    .updateTable('party_group')
    .set({ name: groupName, updated_at: now })
    .where('county_code', '=', county)
    .where('grid_id', '=', id)
    .execute();
}

/** Households `households` lose their place in a split natural village's grid. */
export async function unplaceHouseholds(trx: Trx, county: string, households: readonly number[]) {
  if (households.length === 0) return;
  await trx
    .deleteFrom('grid_household')
    .where('county_code', '=', county)
    .where('household_id', 'in', households)
    .execute();
}

/** Households placed in grid `from` (only `households` of them, when given) are placed in grid `to`. */
export async function movePlacements(
  trx: Trx,
  county: string,
  from: number,
  to: number,
  households?: readonly number[],
) {
  if (households?.length === 0) return;
  await trx
    .updateTable('grid_household')
    .set({ grid_id: to })
    .where('county_code', '=', county)
    .where('grid_id', '=', from)
    .$if(households !== undefined, (q) => q.where('household_id', 'in', households ?? []))
    .execute();
}

/** Member `id` leaves the grid they are in (now, for `reason`); the grids they left. */
export async function endMembership(trx: Trx, county: string, id: number, reason: string) {
  const ended = await trx
    .updateTable('grid_member')
    .set((eb) => ({ left_at: eb.fn('now'), left_reason: reason }))
    .where('county_code', '=', county)
    .where('member_id', '=', id)
    .where('left_at', 'is', null)
    .returning('grid_id')
    .execute();
  return ended.map((row) => row.grid_id);
}

/** Stores a proposed plan for review; its id. */
export async function insertPlan(trx: Trx, row: Insertable<GridPlanTable>): Promise<number> {
  const { id } = await trx.insertInto('grid_plan').values(row).returning(['id']).executeTakeFirstOrThrow();
  return id;
}

/** Plan `id` of `county` (whole row). */
export function findPlan(db: Kysely<Database>, county: string, id: number) {
  return db
    .selectFrom('grid_plan')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();
}
