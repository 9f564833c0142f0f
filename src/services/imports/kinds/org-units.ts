/**
 * Import kind `org-units`: villages (and communities) and natural villages, with optional coordinates, one sheet.
 * Rules are the API's (OrgUnitCreate schema, `placementProblems` of services/org-units.ts); a parent may be in the
 * county already or earlier in the same file. A unit is matched by its code: a changed name, kind or point is an
 * update with an audited diff; a different parent is refused (units do not move).
 */
import type { Selectable } from 'kysely';
import { orgUnitsUnder } from '../../../db/repositories/imports.ts';
import * as orgRepo from '../../../db/repositories/org-units.ts';
import type { OrgLevel, OrgUnitTable } from '../../../db/schema.ts';
import { OrgUnitCreate } from '../../../shared/schemas/org-unit.ts';
import { diffOf } from '../../audit/audit.ts';
import { DEFAULT_KIND, LEVEL_BY_LENGTH, type OrgUnitInput, placementProblems } from '../../org-units.ts';
import {
  addProblems,
  duplicateProblems,
  isInvalid,
  type KindDefinition,
  type ParsedRow,
  rowPlace,
  type Unit,
} from '../kind.ts';
import { schemaProblems } from '../schema-check.ts';
import type { SheetSpec } from '../sheets.ts';

export const ORG_UNIT_SHEET: SheetSpec = {
  name: '村和自然村',
  en: 'Villages',
  synonyms: ['区划', '村', '自然村', 'org units'],
  columns: [
    {
      field: 'code',
      header: '区划代码',
      en: 'Code',
      type: 'text',
      required: true,
      synonyms: ['代码', '编码', '统计用区划代码'],
      hint: '村 12 位，自然村 15 位（村代码 + 3 位序号）',
    },
    {
      field: 'parentCode',
      header: '上级代码',
      en: 'Parent code',
      type: 'text',
      required: true,
      synonyms: ['上级区划代码', '所属村代码', '所属乡镇代码'],
      hint: '村填乡镇代码（9 位），自然村填村代码（12 位）',
    },
    {
      field: 'name',
      header: '名称',
      en: 'Name',
      type: 'text',
      required: true,
      synonyms: ['区划名称', '村名', '自然村名称', '村民组'],
    },
    {
      field: 'kind',
      header: '类别',
      en: 'Kind',
      type: 'text',
      synonyms: ['类型'],
      hint: '村、社区、自然村或村民组；不填按层级',
    },
    { field: 'lat', header: '纬度', en: 'Latitude', type: 'number', synonyms: ['lat'], hint: '可选，与经度同时填写' },
    {
      field: 'lng',
      header: '经度',
      en: 'Longitude',
      type: 'number',
      synonyms: ['lng', 'lon'],
      hint: '可选，与纬度同时填写',
    },
  ],
};

type Existing = Selectable<
  Pick<OrgUnitTable, 'code' | 'parent_code' | 'level' | 'kind' | 'name' | 'path' | 'lat' | 'lng'>
>;

interface OrgUnitUnit extends Unit<OrgUnitInput> {
  existing?: Existing;
  patch?: Partial<Pick<OrgUnitTable, 'name' | 'kind' | 'lat' | 'lng'>>;
}

function build(rows: ParsedRow[]): OrgUnitUnit[] {
  return rows
    .map((row) => ({
      key: String(row.values.code ?? ''),
      input: row.values as unknown as OrgUnitInput,
      problems: [...row.problems],
      action: row.problems.length > 0 ? ('invalid' as const) : ('create' as const),
      place: rowPlace(row),
    }))
    .sort((a, b) => a.key.length - b.key.length);
}

const PARENT_MOVED = (code: string) => ({
  path: 'parentCode',
  code: 'parent_changed',
  message: {
    zh: `${code} 已在本县登记在另一个上级下，区划不能移动`,
    en: `${code} exists under another parent; units do not move`,
  },
});

/** Decides create / update / unchanged for a valid unit against the county's unit with its code. */
function verdict(unit: OrgUnitUnit, existing: Existing | undefined): void {
  if (!existing) return;
  unit.existing = existing;
  if (existing.parent_code !== unit.input.parentCode) {
    addProblems(unit, [PARENT_MOVED(unit.key)]);
    return;
  }
  const patch = {
    name: unit.input.name.trim(),
    kind: unit.input.kind ?? existing.kind,
    lat: unit.input.lat ?? null,
    lng: unit.input.lng ?? null,
  };
  const diff = diffOf(existing, patch);
  unit.action = Object.keys(diff).length === 0 ? 'unchanged' : 'update';
  unit.patch = patch;
}

export const orgUnitsKind: KindDefinition<OrgUnitUnit> = {
  kind: 'org-units',
  sheets: [ORG_UNIT_SHEET],
  build,
  async check(ctx, units) {
    const existing = new Map((await orgUnitsUnder(ctx.db, ctx.county)).map((u) => [u.code, u]));
    duplicateProblems(units, 'code', { zh: '区划代码', en: 'Code' });
    const fileLevels = new Map<string, OrgLevel>();
    for (const unit of units) {
      if (isInvalid(unit)) continue;
      addProblems(unit, schemaProblems(OrgUnitCreate, unit.input));
      if (isInvalid(unit)) continue;
      const parentLevel = existing.get(unit.input.parentCode)?.level ?? fileLevels.get(unit.input.parentCode);
      addProblems(unit, placementProblems(unit.input, parentLevel));
      if (!unit.key.startsWith(ctx.county)) {
        addProblems(unit, [
          {
            path: 'code',
            code: 'other_county',
            message: { zh: `不是本县（${ctx.county}）的代码`, en: `Not a code of county ${ctx.county}` },
          },
        ]);
      }
      if (isInvalid(unit)) continue;
      verdict(unit, existing.get(unit.key));
      if (!isInvalid(unit)) fileLevels.set(unit.key, LEVEL_BY_LENGTH[unit.key.length] as OrgLevel);
    }
  },
  async apply(w, ctx, units) {
    const paths = new Map<string, string>();
    for (const unit of units) {
      if (unit.action === 'update' && unit.patch) {
        await orgRepo.updateOrgUnit(w.tx, ctx.county, unit.key, unit.patch);
        w.audit({
          action: 'org_unit.update',
          table: 'org_unit',
          recordId: unit.key,
          orgCode: unit.key,
          diff: diffOf(unit.existing, unit.patch),
        });
        continue;
      }
      if (unit.action !== 'create') continue;
      const parentPath =
        paths.get(unit.input.parentCode) ?? (await orgRepo.findOrgUnit(w.tx, ctx.county, unit.input.parentCode))?.path;
      const level = LEVEL_BY_LENGTH[unit.key.length] as OrgLevel;
      const row = {
        county_code: ctx.county,
        code: unit.key,
        parent_code: unit.input.parentCode,
        level,
        kind: unit.input.kind ?? DEFAULT_KIND[level],
        name: unit.input.name.trim(),
        path: `${parentPath}.${unit.key}`,
        lat: unit.input.lat ?? null,
        lng: unit.input.lng ?? null,
      };
      await orgRepo.insertOrgUnit(w.tx, row);
      paths.set(unit.key, row.path);
      w.audit({
        action: 'org_unit.create',
        table: 'org_unit',
        recordId: unit.key,
        orgCode: unit.key,
        diff: diffOf(null, { parent_code: row.parent_code, name: row.name, level }),
      });
    }
    w.changed('dashboard');
  },
  async *exportRows(ctx, under) {
    for (const u of await orgUnitsUnder(ctx.db, ctx.county, under)) {
      if (u.level !== 'village' && u.level !== 'natural_village') continue;
      yield {
        sheetIndex: 0,
        values: { code: u.code, parentCode: u.parent_code, name: u.name, kind: u.kind, lat: u.lat, lng: u.lng },
      };
    }
  },
};
