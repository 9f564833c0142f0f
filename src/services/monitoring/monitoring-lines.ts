/**
 * The monitoring line (监测范围) of the county's province by year, and the county's "stably" setting (how many
 * latest income years must be above the line to clear a risk). The line is the province's (a global table); a
 * county admin of the province enters or corrects it with its source text, audited in the county's chain.
 */
import type { Kysely } from 'kysely';
import * as monitoring from '../../db/repositories/monitoring.ts';
import * as lines from '../../db/repositories/monitoring-lines.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { provinceOf } from '../../domain/divisions.ts';
import { diffOf } from '../audit/audit.ts';
import { write } from '../write.ts';

/** The province's lines, oldest first, and the county's stable years. */
export async function getMonitoringLines(db: Kysely<Database>, county: string) {
  const province = provinceOf(county);
  const [rows, stableYears] = await Promise.all([
    lines.linesOfProvince(db, province),
    monitoring.stableYearsOf(db, county),
  ]);
  return {
    provinceCode: province,
    stableYears,
    lines: rows.map((r) => ({ year: Number(r.year), yuan: Number(r.yuan), source: r.source })),
  };
}

/** Sets the line of `year` for the county's province; answers every line. */
export async function setMonitoringLine(
  db: Kysely<Database>,
  county: string,
  year: number,
  body: { yuan: number; source: string },
  actor: Actor,
) {
  const province = provinceOf(county);
  await write(db, county, async (ctx) => {
    const before = await lines.lineOf(ctx.tx, province, year);
    const source = body.source.trim();
    await lines.upsertLine(ctx.tx, {
      province_code: province,
      year,
      yuan: body.yuan,
      source,
      updated_by: actor.userId,
    });
    ctx.audit({
      action: 'monitoring_line.set',
      table: 'monitoring_line',
      recordId: year,
      orgCode: county,
      diff: diffOf(before ? { yuan: Number(before.yuan), source: before.source } : null, { yuan: body.yuan, source }),
    });
    // Warnings and income tags read the line.
    ctx.changed('warnings', 'households');
  });
  return getMonitoringLines(db, county);
}

/** Sets how many latest income years must be above the line; answers the lines and setting. */
export async function setStableYears(db: Kysely<Database>, county: string, years: number, actor: Actor) {
  await write(db, county, async (ctx) => {
    const before = await monitoring.stableYearsOf(ctx.tx, county);
    await monitoring.setStableYears(ctx.tx, county, years, actor.userId);
    ctx.audit({
      action: 'monitoring_setting.set',
      table: 'county_monitoring_setting',
      recordId: 0,
      orgCode: county,
      diff: { stable_years: [before, years] },
    });
  });
  return getMonitoringLines(db, county);
}
