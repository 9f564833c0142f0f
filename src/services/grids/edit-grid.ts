/**
 * Manual corrections of grids: rename, move a natural village (with the members living there) or one member,
 * merge two grids, split a grid by natural villages. Each is one transaction that ends rows instead of
 * deleting them and logs grid_event; the answer re-reads the touched grids and lists the partition rules the
 * village breaks afterwards (warnings: a township may knowingly accept a small grid).
 */
import type { Kysely, Transaction } from 'kysely';
import {
  addGridLinks,
  clearDepartedLeaders,
  createGrids,
  endGridLinks,
  lockGrid,
  logEvents,
  moveMembers,
  movePlacements,
  renameGridRows,
  retireGrids,
  unplaceHouseholds,
} from '../../db/repositories/grid-writes.ts';
import { transactionNow } from '../../db/repositories/grids.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, type Localized } from '../../domain/errors.ts';
import { diffOf } from '../audit/audit.ts';
import { write } from '../write.ts';
import { GRID, getGrid, villageBreaches } from './get-grid.ts';
import { nextGridName } from './plan-diff.ts';
import { loadVillageStates, type VillageState } from './village-state.ts';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

const refuse = (path: string, message: Localized): never => {
  throw AppError.rules([{ path, code: 'grid_edit', message }]);
};

/** The village of a current grid, loaded inside the transaction; 404 for an unknown or retired grid. */
async function villageOfGrid(trx: Trx, county: string, id: number): Promise<VillageState> {
  const grid = await lockGrid(trx, county, id);
  if (!grid) throw AppError.notFound(GRID);
  if (grid.retired_at !== null) {
    throw new AppError('conflict', {
      zh: '该网格已撤销，不能再修改',
      en: 'This grid was retired and cannot be changed',
    });
  }
  const [village] = await loadVillageStates(trx, county, grid.village_code);
  return village!;
}

/** Runs an edit, then answers with the touched grids re-read and the village's breaches. */
/** What the audit records of the touched grids: name, natural villages (pieces) and members, per grid. */
function gridFields(village: VillageState, ids: readonly number[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const id of ids) {
    const grid = village.grids.find((g) => g.id === id);
    fields[`grid ${id}`] = grid
      ? {
          name: grid.name,
          naturalVillages: grid.parts.map((p) => (p.pieces > 1 ? `${p.code}#${p.piece}/${p.pieces}` : p.code)).sort(),
          members: [...grid.members].sort((a, b) => a - b),
        }
      : null;
  }
  return fields;
}

async function edit(
  db: Db,
  county: string,
  gridId: number,
  action: string,
  change: (trx: Trx, village: VillageState, now: string) => Promise<number[]>,
) {
  const touched = await write(db, county, async (ctx) => {
    const { tx: trx } = ctx;
    const village = await villageOfGrid(trx, county, gridId);
    const now = await transactionNow(trx);
    const ids = await change(trx, village, now);
    await clearDepartedLeaders(trx, county, ids);
    const [after] = await loadVillageStates(trx, county, village.code);
    const diff = diffOf(gridFields(village, ids), gridFields(after!, ids));
    ctx.audit({ action, table: 'grid', recordId: gridId, orgCode: village.code, diff });
    ctx.changed('dashboard');
    // Groups and their members changed: the remembered compliance and activity lists follow.
    ctx.changed('activities');
    return { ids, villageCode: village.code };
  });
  const [village] = await loadVillageStates(db, county, touched.villageCode);
  const byGrid = villageBreaches(village!);
  const grids = await Promise.all(touched.ids.map((id) => getGrid(db, county, id, village)));
  return { grids: grids.filter((g) => g.retiredAt === null), breaches: [...byGrid.values()].flat() };
}

export function renameGrid(db: Db, county: string, id: number, name: string) {
  return edit(db, county, id, 'grid.rename', async (trx, village, now) => {
    const before = village.grids.find((g) => g.id === id)!.name;
    const clean = name.trim();
    if (clean === '') refuse('name', { zh: '网格名称不能为空', en: 'The grid name cannot be blank' });
    await renameGridRows(trx, county, id, clean, `${village.name}${clean}党小组`, now);
    await logEvents(trx, county, [{ grid_id: id, kind: 'renamed', detail: { from: before, to: clean } }]);
    return [id];
  });
}

/** Moves a whole natural village (all its pieces) and the members living there into grid `id`. */
export function moveNaturalVillage(db: Db, county: string, id: number, code: string, reason = '') {
  return edit(db, county, id, 'grid.move_natural_village', async (trx, village, now) => {
    if (!village.naturalVillages.some((nv) => nv.code === code)) {
      refuse('code', {
        zh: '该自然村不属于本网格所在的行政村',
        en: "The natural village is not in this grid's village",
      });
    }
    const holders = village.grids.filter((g) => g.parts.some((p) => p.code === code));
    if (
      holders.length === 1 &&
      holders[0]!.id === id &&
      holders[0]!.parts.filter((p) => p.code === code).length === 1
    ) {
      refuse('code', { zh: '该自然村已在本网格', en: 'The natural village is already in this grid' });
    }
    for (const source of holders.filter((g) => g.id !== id)) {
      if (source.parts.every((p) => p.code === code)) {
        refuse('code', {
          zh: `移出后「${source.name}」将没有自然村，请改用合并网格`,
          en: `Moving it would leave "${source.name}" with no natural village; merge the grids instead`,
        });
      }
    }
    for (const source of holders) await endGridLinks(trx, county, now, source.id, [code]);
    await addGridLinks(trx, county, now, id, [{ code, piece: 1, pieces: 1 }]);
    const residents = village.members.filter((m) => m.naturalVillageCode === code).map((m) => m.id);
    const inSources = new Set(holders.filter((g) => g.id !== id).flatMap((g) => g.members));
    await moveMembers(
      trx,
      county,
      now,
      residents.filter((m) => inSources.has(m)).map((member) => ({ member, grid: id })),
      reason || 'natural village moved',
    );
    const households = village.households.filter((h) => h.naturalVillageCode === code).map((h) => h.id);
    await unplaceHouseholds(trx, county, households);
    await logEvents(trx, county, [
      ...holders
        .filter((g) => g.id !== id)
        .map((g) => ({ grid_id: g.id, kind: 'natural_village_removed' as const, detail: { code, to: id, reason } })),
      { grid_id: id, kind: 'natural_village_added', detail: { code, reason } },
    ]);
    return [...new Set([id, ...holders.map((g) => g.id)])];
  });
}

/** Moves one member into grid `id` (e.g. after moving house); their old membership stays as history. */
export function moveMember(db: Db, county: string, id: number, memberId: number, reason: string) {
  return edit(db, county, id, 'grid.move_member', async (trx, village, now) => {
    if (!village.members.some((m) => m.id === memberId)) {
      refuse('memberId', {
        zh: '该党员不是本村在册的在岗党员，不能编入本村网格',
        en: "The member is not an active member of this grid's village",
      });
    }
    const from = village.grids.find((g) => g.members.includes(memberId));
    if (from?.id === id) refuse('memberId', { zh: '该党员已在本网格', en: 'The member is already in this grid' });
    await moveMembers(trx, county, now, [{ member: memberId, grid: id }], reason);
    await logEvents(trx, county, [
      ...(from ? [{ grid_id: from.id, kind: 'member_left' as const, detail: { memberId, to: id, reason } }] : []),
      { grid_id: id, kind: 'member_joined', detail: { memberId, from: from?.id ?? null, reason } },
    ]);
    return from ? [id, from.id] : [id];
  });
}

/** Grid `otherId` joins grid `id`: its natural villages, members and households; it retires with its group. */
export function mergeGrids(db: Db, county: string, id: number, otherId: number, reason = '') {
  return edit(db, county, id, 'grid.merge', async (trx, village, now) => {
    const other = village.grids.find((g) => g.id === otherId);
    if (otherId === id) refuse('otherGridId', { zh: '不能与自身合并', en: 'A grid cannot merge with itself' });
    if (!other)
      refuse('otherGridId', {
        zh: '要合并的网格须是本村现有网格',
        en: 'The other grid must be a current grid of the same village',
      });
    const parts = other!.parts;
    await endGridLinks(
      trx,
      county,
      now,
      otherId,
      parts.map((p) => p.code),
    );
    await retireGrids(trx, county, now, [otherId], `merged into ${id}`);
    await addGridLinks(trx, county, now, id, parts);
    await moveMembers(
      trx,
      county,
      now,
      other!.members.map((member) => ({ member, grid: id })),
      reason || 'grids merged',
    );
    await movePlacements(trx, county, otherId, id);
    await logEvents(trx, county, [
      { grid_id: otherId, kind: 'retired', detail: { mergedInto: id, reason } },
      ...parts.map((p) => ({
        grid_id: id,
        kind: 'natural_village_added' as const,
        detail: { code: p.code, piece: p.piece, from: otherId },
      })),
    ]);
    return [id];
  });
}

/** Natural villages `codes` of grid `id` leave for a new grid, with the members living there. */
export function splitGrid(db: Db, county: string, id: number, codes: string[], name?: string) {
  return edit(db, county, id, 'grid.split', async (trx, village, now) => {
    const grid = village.grids.find((g) => g.id === id)!;
    const leaving = new Set(codes);
    const missing = codes.filter((c) => !grid.parts.some((p) => p.code === c));
    if (missing.length > 0) {
      refuse('naturalVillages', {
        zh: `这些自然村不在本网格：${missing.join('、')}`,
        en: `Not in this grid: ${missing.join(', ')}`,
      });
    }
    if (grid.parts.every((p) => leaving.has(p.code))) {
      refuse('naturalVillages', {
        zh: '须在原网格留下至少一个自然村',
        en: 'At least one natural village must stay in the grid',
      });
    }
    const [newId] = await createGrids(trx, county, [
      {
        villageCode: village.code,
        villageName: village.name,
        name: name?.trim() || nextGridName(new Set(village.grids.map((g) => g.name))),
      },
    ]);
    const parts = grid.parts.filter((p) => leaving.has(p.code));
    await endGridLinks(trx, county, now, id, codes);
    await addGridLinks(trx, county, now, newId!, parts);
    const residents = new Set(village.members.filter((m) => leaving.has(m.naturalVillageCode)).map((m) => m.id));
    await moveMembers(
      trx,
      county,
      now,
      grid.members.filter((m) => residents.has(m)).map((member) => ({ member, grid: newId! })),
      'grid split',
    );
    const households = village.households.filter((h) => leaving.has(h.naturalVillageCode)).map((h) => h.id);
    await movePlacements(trx, county, id, newId!, households);
    await logEvents(trx, county, [
      { grid_id: newId!, kind: 'created', detail: { splitFrom: id } },
      ...codes.map((code) => ({ grid_id: id, kind: 'natural_village_removed' as const, detail: { code, to: newId } })),
      ...codes.map((code) => ({ grid_id: newId!, kind: 'natural_village_added' as const, detail: { code, from: id } })),
    ]);
    return [id, newId!];
  });
}
