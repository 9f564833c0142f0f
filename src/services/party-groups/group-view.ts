/** Mapping from party-group rows to the API's shapes (camelCase, dates as strings; phones and health are masked by the response schema's marks). */
import type { Selectable } from 'kysely';
import type { ListRow } from '../../db/repositories/party-group-list.ts';
import type { GroupRow, MemberRow } from '../../db/repositories/party-groups.ts';
import type { GroupInstructorTable } from '../../db/schema.ts';
import { ageOn } from '../../domain/dates.ts';
import type { LeaderFacts } from '../../domain/group-leader.ts';

export const PARTY_GROUP = { zh: '党小组', en: 'Party group' };

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/** The leader as a short reference, or null. */
function leaderOf(row: { leader_member_id: number | null; leader_since: string | null; leader_name: string | null }) {
  if (row.leader_member_id === null) return null;
  return { memberId: Number(row.leader_member_id), name: row.leader_name ?? '', since: row.leader_since ?? '' };
}

function placeOf(row: {
  grid_id: number;
  grid_name: string;
  village_code: string;
  village_name: string | null;
  township_code: string | null;
  township_name: string | null;
}) {
  return {
    gridId: Number(row.grid_id),
    gridName: row.grid_name,
    villageCode: row.village_code,
    villageName: row.village_name ?? '',
    townshipCode: row.township_code,
    townshipName: row.township_name,
  };
}

/** One row of the group list. */
export function toListItem(row: ListRow) {
  return {
    id: Number(row.id),
    name: row.name,
    ...placeOf(row),
    members: Number(row.members ?? 0),
    leader: leaderOf(row),
    townshipInstructor: row.township_instructor,
    villageInstructor: row.village_instructor,
    hasActivityCentre: row.activity_address !== '',
  };
}

/** A member of the group as its page shows them. */
export function toGroupMember(row: MemberRow, leaderId: number | null, today: string) {
  return {
    id: Number(row.id),
    name: row.name,
    sex: row.sex,
    age: ageOn(row.birth_date, today),
    phone: row.phone,
    membership: row.membership,
    joinDate: row.join_date,
    post: row.post,
    capacity: row.capacity,
    isMigrant: row.is_migrant,
    health: row.health,
    naturalVillageCode: row.natural_village_code,
    naturalVillageName: row.natural_village_name,
    isLeader: leaderId !== null && Number(row.id) === Number(leaderId),
    joinedGridAt: iso(row.joined_at),
  };
}

/** The facts the leader ranking reads. */
export function toLeaderFacts(
  row: Pick<
    MemberRow,
    | 'id'
    | 'name'
    | 'membership'
    | 'is_migrant'
    | 'status'
    | 'health'
    | 'join_date'
    | 'birth_date'
    | 'post'
    | 'expertise'
    | 'capacity'
  >,
): LeaderFacts {
  return {
    id: Number(row.id),
    name: row.name,
    membership: row.membership,
    isMigrant: row.is_migrant,
    status: row.status,
    health: row.health,
    joinDate: row.join_date,
    birthDate: row.birth_date,
    post: row.post,
    expertise: row.expertise,
    capacity: row.capacity,
  };
}

export function toInstructor(row: Selectable<GroupInstructorTable>) {
  return {
    id: Number(row.id),
    level: row.level,
    name: row.name,
    post: row.post,
    phone: row.phone,
    memberId: row.member_id === null ? null : Number(row.member_id),
    startedOn: row.started_on,
    endedOn: row.ended_on,
  };
}

/** The group's own fields of its page. */
export function toGroupHead(row: GroupRow) {
  return {
    id: Number(row.id),
    name: row.name,
    ...placeOf(row),
    leader: leaderOf(row),
    activityCentre: {
      address: row.activity_address,
      lat: row.activity_lat,
      lng: row.activity_lng,
      notes: row.activity_notes,
    },
    retiredAt: isoOrNull(row.retired_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export { iso };
