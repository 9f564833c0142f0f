/**
 * Staffs the demo county's Party groups once its grids exist: a leader for every group (the top suggestion of
 * the leader ranking), a village instructor (a village cadre, else the village's best-ranked member), a township
 * instructor (a synthetic township cadre covering a few villages, as 包村干部 do) and an activity centre at the
 * grid's first natural village. ~1,800 groups: the rows are chosen in memory and written with one statement per
 * kind (unnest arrays, data-modifying CTEs writing the grid events), never one query per group.
 */
import type { Kysely } from 'kysely';
import {
  currentGridMembers,
  currentGroups,
  type InstructorRow,
  writeActivityCentres,
  writeInstructors,
  writeLeaders,
} from '../db/repositories/demo-groups.ts';
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

type MemberRow = Awaited<ReturnType<typeof currentGridMembers>>[number];

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
    const [groupRows, rows] = await Promise.all([currentGroups(tx, county), currentGridMembers(tx, county)]);
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
