/**
 * Builds a county's org tree root and its real townships from the shipped NBS data. Idempotent: re-running
 * updates names and adds townships that are missing; it never removes anything (villages hang below).
 */
import type { Kysely } from 'kysely';
import { upsertOrgUnits } from '../db/repositories/org-units.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../domain/errors.ts';
import { readCountyDivisions } from './division-data.ts';

/** 街道 / 镇 / 乡 from the name, else from the code segment (001–099, 100–199, 200–399), else 其他. */
export function townshipKind(code: string, name: string): string {
  for (const suffix of ['街道', '镇', '乡']) if (name.endsWith(suffix)) return suffix;
  const segment = Number(code.slice(6, 9));
  if (segment >= 1 && segment <= 99) return '街道';
  if (segment >= 100 && segment <= 199) return '镇';
  if (segment >= 200 && segment <= 399) return '乡';
  return '其他';
}

/** 县 / 区 / 市 / 旗 … from the county's name. */
function countyKind(name: string): string {
  return name.at(-1) ?? '县';
}

export interface ImportDivisionsResult {
  county: { code: string; name: string; provinceName: string; cityName: string };
  townships: number;
}

/** Creates or refreshes the county and its townships in one transaction. */
export async function importDivisions(db: Kysely<Database>, countyCode: string): Promise<ImportDivisionsResult> {
  if (!/^\d{6}$/.test(countyCode)) {
    throw new AppError('validation_failed', {
      zh: `县级区划代码应为 6 位数字：${countyCode}`,
      en: `A county code has 6 digits: ${countyCode}`,
    });
  }
  const county = await readCountyDivisions(countyCode);
  if (!county) throw AppError.notFound({ zh: `县级区划 ${countyCode}`, en: `county ${countyCode}` });
  const rows = [
    {
      code: county.code,
      parent_code: null,
      level: 'county' as const,
      kind: countyKind(county.name),
      name: county.name,
    },
    ...county.townships.map((t) => ({
      code: t.code,
      parent_code: county.code,
      level: 'township' as const,
      kind: townshipKind(t.code, t.name),
      name: t.name,
    })),
  ].map((row) => ({
    ...row,
    county_code: countyCode,
    path: row.parent_code ? `${row.parent_code}.${row.code}` : row.code,
  }));
  await upsertOrgUnits(db, rows);
  const { townships: _, ...summary } = county;
  return { county: summary, townships: county.townships.length };
}
