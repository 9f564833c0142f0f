/** The exit list of a scope: by status (the 公示 board is status 'notice'), searched by head name or registry no. */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/exits.ts';
import type { Database } from '../../db/schema.ts';
import type { ExitListQueryType } from '../../shared/schemas/exit.ts';

/** GET /exits: one page with the total. */
export async function listExits(db: Kysely<Database>, county: string, query: ExitListQueryType) {
  const { rows, total } = await repo.listExits(db, county, query);
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      householdId: Number(r.household_id),
      headName: r.head_name,
      registryNo: r.registry_no,
      naturalVillageCode: r.natural_village_code,
      naturalVillageName: r.natural_village_name,
      villageName: r.village_name,
      year: r.year,
      status: r.status,
      perCapitaNetIncome: Number(r.per_capita_net),
      assessedOn: r.assessed_on,
      noticeFrom: r.notice_from,
      noticeDays: r.notice_days,
      noticeEndsOn: r.notice_ends_on ?? null,
      exitedOn: r.exited_on,
      openObjections: Number(r.open_objections ?? 0),
    })),
    total,
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 20,
  };
}
