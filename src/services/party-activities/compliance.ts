/**
 * The compliance view (组织生活落实情况): for a scope and year, required activities held in time, late, missed and
 * still due, summed by township, village or group; sorted and paged. The scope's groups (one query) with each
 * group's compliance from the county's remembered figures (group-compliance.ts).
 */
import type { Kysely } from 'kysely';
import { pageWindow, parseSort } from '../../db/repositories/paging.ts';
import { groupsForCompliance } from '../../db/repositories/party-activity-list.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { addCompliance, complianceRate, NO_COMPLIANCE } from '../../domain/party-life/activities.ts';
import type { Compliance } from '../../domain/party-life/activity-plan.ts';
import type { CompliancePage, ComplianceQuery } from '../../shared/schemas/party-activity.ts';
import { groupCompliance } from './group-compliance.ts';

type Row = CompliancePage['items'][number];

export async function complianceByScope(
  db: Kysely<Database>,
  county: string,
  query: ComplianceQuery,
): Promise<CompliancePage> {
  const today = chinaDateOf();
  const year = query.year ?? Number(today.slice(0, 4));
  const by = query.by ?? 'village';
  const [groups, byGroup] = await Promise.all([
    groupsForCompliance(db, county, query.within),
    groupCompliance(db, county, year, today),
  ]);
  const rows = new Map<string, { name: string; groups: number; counts: Compliance }>();
  const totals = NO_COMPLIANCE();
  for (const group of groups) {
    const counts = byGroup.get(group.id) ?? NO_COMPLIANCE(); // a group set up within the last minute
    addCompliance(totals, counts);
    const [code, name] =
      by === 'group'
        ? [String(group.id), `${group.villageName} ${group.name}`]
        : by === 'village'
          ? [group.villageCode, group.villageName]
          : [group.townshipCode, group.townshipName];
    const row = rows.get(code) ?? { name, groups: 0, counts: NO_COMPLIANCE() };
    row.groups += 1;
    addCompliance(row.counts, counts);
    rows.set(code, row);
  }
  const items: Row[] = [...rows].map(([code, r]) => ({
    code,
    name: r.name,
    groups: r.groups,
    ...r.counts,
    rate: Math.round(complianceRate(r.counts) * 1000) / 1000,
  }));
  const [field, direction] = parseSort(query.sort, 'name');
  const sign = direction === 'asc' ? 1 : -1;
  items.sort((a, b) => {
    const order =
      field === 'name'
        ? a.code.localeCompare(b.code)
        : (a[field as keyof Compliance | 'rate'] as number) - (b[field as keyof Compliance | 'rate'] as number);
    return sign * order || a.code.localeCompare(b.code);
  });
  const { page, pageSize, offset } = pageWindow(query);
  return { items: items.slice(offset, offset + pageSize), total: items.length, page, pageSize, year, totals };
}
