/**
 * Use cases of the org tree: list, read, add a township/village/natural village under its parent, rename or
 * move a unit's point. The level follows from the code's length; the parent must be the level above and the
 * child's code must extend the parent's.
 */
import type { Kysely } from 'kysely';
import * as repo from '../db/repositories/org-units.ts';
import type { Database, OrgLevel } from '../db/schema.ts';
import { AppError, type FieldProblem } from '../domain/errors.ts';
import { diffOf } from './audit/audit.ts';
import { write } from './write.ts';

/** The level of a unit by the length of its code. */
export const LEVEL_BY_LENGTH: Record<number, OrgLevel> = {
  6: 'county',
  9: 'township',
  12: 'village',
  15: 'natural_village',
};
/** The kind a unit gets when none is given. */
export const DEFAULT_KIND: Record<OrgLevel, string> = {
  county: '县',
  township: '镇',
  village: '村',
  natural_village: '自然村',
};
const WHAT = { zh: '区划', en: 'org unit' };

type Row = NonNullable<Awaited<ReturnType<typeof repo.findOrgUnit>>>;

/** API shape of an org unit. */
export function toOrgUnit(row: Omit<Row, 'boundary'> & { children?: number | null }) {
  return {
    code: row.code,
    parentCode: row.parent_code,
    level: row.level,
    kind: row.kind,
    name: row.name,
    path: row.path,
    lat: row.lat,
    lng: row.lng,
    ...(row.children == null ? {} : { children: Number(row.children) }),
  };
}

/**
 * Children of a unit above the caller's scope (`within`, narrowed by the access plugin) are the one child on the
 * way down to it, so that a village secretary's tree opens county → township → their village.
 */
function wayDown(filter: repo.OrgUnitFilter): repo.OrgUnitFilter {
  const { parent, within } = filter;
  if (!parent || !within?.startsWith(parent) || within.length <= parent.length + 3) return filter;
  return { ...filter, within: within.slice(0, parent.length + 3) };
}

export async function listOrgUnits(db: Kysely<Database>, county: string, filter: repo.OrgUnitFilter) {
  const { rows, total } = await repo.listOrgUnits(db, county, wayDown(filter));
  return { items: rows.map(toOrgUnit), total, page: filter.page ?? 1, pageSize: filter.pageSize ?? 20 };
}

export async function getOrgUnit(db: Kysely<Database>, county: string, code: string) {
  const row = await repo.findOrgUnit(db, county, code);
  if (!row) throw AppError.notFound(WHAT);
  return { ...toOrgUnit(row), boundary: row.boundary ?? null };
}

export interface OrgUnitInput {
  code: string;
  parentCode: string;
  kind?: string | undefined;
  name: string;
  lat?: number | undefined;
  lng?: number | undefined;
}

/** Where a new unit may go: the parent exists and is the level above, the code extends it, coordinates come in pairs. */
export function placementProblems(input: OrgUnitInput, parentLevel: OrgLevel | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const level = LEVEL_BY_LENGTH[input.code.length];
  const expectedParent = LEVEL_BY_LENGTH[input.code.length - 3];
  if (!parentLevel) {
    problems.push({
      path: 'parentCode',
      code: 'parent_missing',
      message: { zh: '上级区划不存在', en: 'The parent unit does not exist' },
    });
  } else if (parentLevel !== expectedParent) {
    problems.push({
      path: 'parentCode',
      code: 'parent_level',
      message: { zh: '上级区划的层级不对', en: `The parent must be a ${expectedParent}` },
    });
  }
  if (!input.code.startsWith(input.parentCode) || !level) {
    problems.push({
      path: 'code',
      code: 'code_prefix',
      message: { zh: '代码应以上级区划代码开头并多 3 位', en: "The code must be the parent's code plus 3 digits" },
    });
  }
  if ((input.lat === undefined) !== (input.lng === undefined)) {
    problems.push({
      path: 'lat',
      code: 'coordinates_pair',
      message: { zh: '经纬度须同时填写', en: 'Give both latitude and longitude' },
    });
  }
  return problems;
}

export async function createOrgUnit(db: Kysely<Database>, county: string, input: OrgUnitInput) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const parent = await repo.findOrgUnit(tx, county, input.parentCode);
    const problems = placementProblems(input, parent?.level);
    if (problems.length > 0) throw AppError.rules(problems);
    const level = LEVEL_BY_LENGTH[input.code.length] as OrgLevel;
    await repo.insertOrgUnit(tx, {
      county_code: county,
      code: input.code,
      parent_code: input.parentCode,
      level,
      kind: input.kind ?? DEFAULT_KIND[level],
      name: input.name.trim(),
      path: `${parent?.path}.${input.code}`,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
    });
    const diff = diffOf(null, { parent_code: input.parentCode, name: input.name.trim(), level });
    ctx.audit({
      action: 'org_unit.create',
      table: 'org_unit',
      recordId: input.code,
      orgCode: input.code,
      diff,
    });
    return getOrgUnit(tx, county, input.code);
  });
}

export interface OrgUnitPatch {
  name?: string | undefined;
  kind?: string | undefined;
  lat?: number | null | undefined;
  lng?: number | null | undefined;
}

export async function updateOrgUnit(db: Kysely<Database>, county: string, code: string, patch: OrgUnitPatch) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const current = await repo.findOrgUnit(tx, county, code);
    if (!current) throw AppError.notFound(WHAT);
    const lat = patch.lat === undefined ? current.lat : patch.lat;
    const lng = patch.lng === undefined ? current.lng : patch.lng;
    if ((lat === null) !== (lng === null)) {
      throw AppError.rules([
        {
          path: 'lat',
          code: 'coordinates_pair',
          message: { zh: '经纬度须同时填写或同时清空', en: 'Latitude and longitude go together' },
        },
      ]);
    }
    const columns = { ...patch, ...(patch.name ? { name: patch.name.trim() } : {}) };
    await repo.updateOrgUnit(tx, county, code, columns);
    ctx.audit({
      action: 'org_unit.update',
      table: 'org_unit',
      recordId: code,
      orgCode: code,
      diff: diffOf(current, columns),
    });
    return getOrgUnit(tx, county, code);
  });
}
