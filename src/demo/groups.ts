/**
 * Staffs the demo county's Party groups once its grids exist: a leader for every group (the top suggestion of
 * the leader ranking), a village instructor (a village cadre, else the village's best-ranked member), a township
 * instructor (a synthetic township cadre covering a few villages, as 包村干部 do) and an activity centre at the
 * grid's first natural village. ~1,800 groups: the rows are chosen in memory and written with one statement per
 * kind (unnest arrays, data-modifying CTEs writing the grid events), never one query per group.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isCadrePost, type LeaderFacts, rankGroupLeaders } from '../domain/group-leader.ts';
import { toLeaderFacts } from '../services/party-groups/group-view.ts';
import { DEMO_TODAY, maxDate, minDate, randomDate } from './dates.ts';
import { personName } from './names.ts';
import { mobilePhone } from './people.ts';
import { Rng } from './random.ts';

/** Villages one township cadre looks after (包村). */
const VILLAGES_PER_TOWNSHIP_CADRE = 3;
const TERM_FROM = '2017-01-01';

export interface StaffSummary {
  leaders: number;
  villageInstructors: number;
  townshipInstructors: number;
  activityCentres: number;
  ms: number;
}

/** A day in office from 2017 (or joining the Party, if later) to the demo's today. */
function termStart(rng: Rng, joinDate: string): string {
  return randomDate(rng, minDate(maxDate(TERM_FROM, joinDate), DEMO_TODAY), DEMO_TODAY);
}

interface GroupRef {
  id: number;
  villageCode: string;
  townshipCode: string;
  leaderId: number | null;
}

interface InstructorRow {
  groupId: number;
  level: 'township' | 'village';
  name: string;
  post: string;
  phone: string | null;
  memberId: number | null;
  startedOn: string;
}

function currentGroups(db: Kysely<Database>, county: string) {
  return db
    .selectFrom('party_group as pg')
    .innerJoin('grid as g', (j) => j.onRef('g.county_code', '=', 'pg.county_code').onRef('g.id', '=', 'pg.grid_id'))
    .where('pg.county_code', '=', county)
    .where('pg.retired_at', 'is', null)
    .where('g.retired_at', 'is', null)
    .select(['pg.id', 'pg.grid_id', 'pg.leader_member_id', 'g.village_code'])
    .orderBy('pg.id')
    .execute();
}

/**
 * Current grid members with the card facts the choices need; no place names and no sort (the ranking sorts, and
 * callers sort by id): 21,000 rows cross PGlite's protocol, so every column and ORDER BY counts.
 */
function gridMembers(db: Kysely<Database>, county: string) {
  return db
    .selectFrom('grid_member as gm')
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'gm.county_code').onRef('m.id', '=', 'gm.member_id'),
    )
    .where('gm.county_code', '=', county)
    .where('gm.left_at', 'is', null)
    .where('m.status', '=', 'active')
    .select([
      'gm.grid_id',
      'm.id',
      'm.name',
      'm.membership',
      'm.is_migrant',
      'm.status',
      'm.health',
      'm.join_date',
      'm.birth_date',
      'm.post',
      'm.expertise',
      'm.capacity',
      'm.phone',
      'm.natural_village_code',
    ])
    .execute();
}

type MemberRow = Awaited<ReturnType<typeof gridMembers>>[number];

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Leaders for groups without one: the grid's top-ranked member, in office since a date after joining. */
function chooseLeaders(rng: Rng, groups: GroupRef[], gridOf: Map<number, number>, members: Map<string, MemberRow[]>) {
  const picks: { groupId: number; memberId: number; since: string }[] = [];
  for (const group of groups) {
    if (group.leaderId !== null) continue;
    const rows = members.get(String(gridOf.get(group.id))) ?? [];
    const best = rankGroupLeaders(rows.map(toLeaderFacts), DEMO_TODAY).candidates[0];
    const row = rows.find((m) => Number(m.id) === best?.memberId);
    if (!best || !row) continue;
    const since = termStart(rng, row.join_date);
    picks.push({ groupId: group.id, memberId: best.memberId, since });
    group.leaderId = best.memberId;
  }
  return picks;
}

/** Village instructors: the village's cadres in turn (not the group's own leader), else its best-ranked members. */
function villageInstructors(rng: Rng, groups: GroupRef[], villageMembers: Map<string, MemberRow[]>): InstructorRow[] {
  const out: InstructorRow[] = [];
  for (const [village, list] of byKey(groups, (g) => g.villageCode)) {
    const people = villageMembers.get(village) ?? [];
    const cadres = people.filter((m) => isCadrePost(m.post));
    const pool: MemberRow[] = cadres.length > 0 ? cadres : rankedMembers(people);
    if (pool.length === 0) continue;
    list.forEach((group, i) => {
      const start = i % pool.length;
      const rotated = [...pool.slice(start), ...pool.slice(0, start)];
      const m = rotated.find((x) => Number(x.id) !== group.leaderId) ?? (rotated[0] as MemberRow);
      out.push({
        groupId: group.id,
        level: 'village',
        name: m.name,
        post: m.post ?? '村级指导员',
        phone: m.phone,
        memberId: Number(m.id),
        startedOn: termStart(rng, m.join_date),
      });
    });
  }
  return out;
}

function rankedMembers(people: MemberRow[]): MemberRow[] {
  const facts: LeaderFacts[] = people.map(toLeaderFacts);
  const { candidates } = rankGroupLeaders(facts, DEMO_TODAY);
  const byId = new Map(people.map((m) => [Number(m.id), m]));
  return candidates.slice(0, 3).flatMap((c) => byId.get(c.memberId) ?? []);
}

/** Township instructors: one synthetic cadre per few villages of a township, for every group of those villages. */
function townshipInstructors(rng: Rng, groups: GroupRef[]): InstructorRow[] {
  const out: InstructorRow[] = [];
  for (const list of byKey(groups, (g) => g.townshipCode).values()) {
    const villages = [...new Set(list.map((g) => g.villageCode))].sort();
    const cadreOf = new Map<string, Omit<InstructorRow, 'groupId'>>();
    for (let i = 0; i < villages.length; i += VILLAGES_PER_TOWNSHIP_CADRE) {
      const sex = rng.chance(0.7) ? 'M' : 'F';
      const cadre = {
        level: 'township' as const,
        name: personName(rng, sex, rng.int(1968, 1995)),
        post: '乡镇包村干部',
        phone: mobilePhone(rng),
        memberId: null,
        startedOn: randomDate(rng, TERM_FROM, DEMO_TODAY),
      };
      for (const v of villages.slice(i, i + VILLAGES_PER_TOWNSHIP_CADRE)) cadreOf.set(v, cadre);
    }
    for (const g of list) {
      const cadre = cadreOf.get(g.villageCode);
      if (cadre) out.push({ groupId: g.id, ...cadre });
    }
  }
  return out;
}

async function writeLeaders(db: Kysely<Database>, county: string, picks: ReturnType<typeof chooseLeaders>) {
  if (picks.length === 0) return 0;
  const result = await sql`
    with x as (
      select * from unnest(${picks.map((p) => p.groupId)}::bigint[], ${picks.map((p) => p.memberId)}::bigint[],
        ${picks.map((p) => p.since)}::date[]) as x(group_id, member_id, since)
    ), upd as (
      update party_group pg set leader_member_id = x.member_id, leader_since = x.since, updated_at = now()
      from x where pg.county_code = ${county} and pg.id = x.group_id and pg.leader_member_id is null
      returning pg.id, pg.grid_id, pg.leader_member_id, pg.leader_since
    )
    insert into grid_event (county_code, grid_id, kind, detail)
    select ${county}, upd.grid_id, 'leader_assigned', jsonb_build_object('groupId', upd.id, 'memberId',
      upd.leader_member_id, 'name', m.name, 'since', upd.leader_since, 'previousMemberId', null)
    from upd join party_member m on m.county_code = ${county} and m.id = upd.leader_member_id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

async function writeInstructors(db: Kysely<Database>, county: string, rows: InstructorRow[]) {
  if (rows.length === 0) return 0;
  const col = <K extends keyof InstructorRow>(k: K) => rows.map((r) => r[k]);
  const result = await sql`
    with x as (
      select * from unnest(${col('groupId')}::bigint[], ${col('level')}::text[], ${col('name')}::text[],
        ${col('post')}::text[], ${col('phone')}::text[], ${col('memberId')}::bigint[], ${col('startedOn')}::date[])
        as x(group_id, level, name, post, phone, member_id, started_on)
    ), ins as (
      insert into group_instructor (county_code, group_id, level, name, post, phone, member_id, started_on)
      select ${county}, x.group_id, x.level, x.name, x.post, x.phone, x.member_id, x.started_on from x
      where not exists (select 1 from group_instructor gi where gi.county_code = ${county}
        and gi.group_id = x.group_id and gi.level = x.level and gi.ended_on is null)
      returning group_id, level, name, post, member_id, started_on
    )
    insert into grid_event (county_code, grid_id, kind, detail)
    select ${county}, pg.grid_id, 'instructor_assigned', jsonb_build_object('groupId', ins.group_id, 'level',
      ins.level, 'name', ins.name, 'post', ins.post, 'memberId', ins.member_id, 'startedOn', ins.started_on,
      'previous', null)
    from ins join party_group pg on pg.county_code = ${county} and pg.id = ins.group_id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Activity centres at each grid's first natural village, for groups that have none yet. */
async function writeActivityCentres(db: Kysely<Database>, county: string) {
  const result = await sql`
    with first_nv as (
      select distinct on (grid_id) grid_id, natural_village_code from grid_natural_village
      where county_code = ${county} and ended_at is null order by grid_id, natural_village_code, piece
    ), upd as (
      update party_group pg set
        activity_address = coalesce(t.name, '') || coalesce(v.name, '') || nv.name || ' 党群服务点',
        activity_lat = case when nv.lng is null then null else nv.lat end,
        activity_lng = case when nv.lat is null then null else nv.lng end,
        updated_at = now()
      from first_nv f
      join org_unit nv on nv.county_code = ${county} and nv.code = f.natural_village_code
      left join org_unit v on v.county_code = ${county} and v.code = nv.parent_code
      left join org_unit t on t.county_code = ${county} and t.code = v.parent_code
      where pg.county_code = ${county} and pg.grid_id = f.grid_id and pg.retired_at is null
        and pg.activity_address = ''
      returning pg.id, pg.grid_id, pg.activity_address, pg.activity_lat, pg.activity_lng
    )
    insert into grid_event (county_code, grid_id, kind, detail)
    select ${county}, grid_id, 'activity_centre_set', jsonb_build_object('groupId', id, 'address',
      activity_address, 'lat', activity_lat, 'lng', activity_lng)
    from upd`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Gives every current group of `county` a leader, both instructors and an activity centre where it lacks them
 * (groups already staffed keep theirs), in one transaction. Run after the grids and groups exist.
 */
export async function staffDemoGroups(
  db: Kysely<Database>,
  county: string,
  rng: Rng = new Rng(1, `staff-groups:${county}`),
): Promise<StaffSummary> {
  const started = performance.now();
  const counts = await db.transaction().execute(async (tx) => {
    const [groupRows, rows] = await Promise.all([currentGroups(tx, county), gridMembers(tx, county)]);
    const active = rows.map((m) => ({ ...m, id: Number(m.id) })).sort((a, b) => a.id - b.id);
    const gridOf = new Map(groupRows.map((g) => [Number(g.id), Number(g.grid_id)]));
    const groups: GroupRef[] = groupRows.map((g) => ({
      id: Number(g.id),
      villageCode: g.village_code,
      townshipCode: g.village_code.slice(0, 9),
      leaderId: g.leader_member_id === null ? null : Number(g.leader_member_id),
    }));
    const leaders = chooseLeaders(
      rng.fork('leaders'),
      groups,
      gridOf,
      byKey(active, (m) => String(m.grid_id)),
    );
    const village = villageInstructors(
      rng.fork('village'),
      groups,
      byKey(active, (m) => m.natural_village_code.slice(0, 12)),
    );
    const township = townshipInstructors(rng.fork('township'), groups);
    return {
      leaders: await writeLeaders(tx, county, leaders),
      villageInstructors: await writeInstructors(tx, county, village),
      townshipInstructors: await writeInstructors(tx, county, township),
      activityCentres: await writeActivityCentres(tx, county),
    };
  });
  return { ...counts, ms: Math.round(performance.now() - started) };
}
