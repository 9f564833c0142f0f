/**
 * Party group schemas (网格党小组): the list, one group with its members, leader, instructors, activity centre
 * and history, leader suggestions with reasons, and the bodies that assign a leader, an instructor and the
 * activity centre. Shapes only; who may lead or instruct is a rule of the service (422).
 */
import { Type } from 'typebox';
import { CountyCode, DateString, Id, OrgCode, PageQuery, SortQuery } from './common.ts';
import { RecordActions } from './record-actions.ts';
import { sensitive } from './sensitive.ts';

export const InstructorLevel = Type.Enum(['township', 'village'], {
  description: 'township: 乡镇包村干部; village: 村干部',
});

/** A leader reason; those about health (src/domain/group-leader.ts) are the member's health facts. */
const HEALTH_REASON = { sibling: 'zh', pattern: '健康|大病|残疾|慢性病' };
const Reason = Type.Object({
  zh: Type.String(sensitive('health', 'member', HEALTH_REASON)),
  en: Type.String(sensitive('health', 'member', HEALTH_REASON)),
});
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const Phone = Type.String({
  pattern: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$',
  description: 'Mobile (11 digits) or landline with area code',
});

export const PartyGroupParams = Type.Object({ county: CountyCode, id: Id }, { additionalProperties: false });
export const InstructorParams = Type.Object(
  { county: CountyCode, id: Id, level: InstructorLevel },
  { additionalProperties: false },
);

export const PartyGroupListQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    withoutLeader: Type.Optional(Type.Boolean({ description: 'Only groups with no leader' })),
    withoutInstructors: Type.Optional(
      Type.Boolean({ description: 'Only groups missing the township or the village instructor' }),
    ),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Part of the group or grid name' })),
    sort: SortQuery(['name', 'villageCode', 'members']),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const Place = {
  gridId: Id,
  gridName: Type.String(),
  villageCode: Type.String(),
  villageName: Type.String(),
  townshipCode: NullableString,
  townshipName: NullableString,
};

const LeaderSummary = Type.Object({ memberId: Id, name: Type.String(), since: Type.String() });

/** One row of the group list. */
export const PartyGroupListItem = Type.Object({
  id: Id,
  name: Type.String(),
  ...Place,
  members: Type.Integer({ description: 'Current members of the grid' }),
  leader: Type.Union([LeaderSummary, Type.Null()]),
  townshipInstructor: NullableString,
  villageInstructor: NullableString,
  hasActivityCentre: Type.Boolean(),
});

export const GroupMember = Type.Object({
  id: Id,
  name: Type.String(),
  sex: Type.String(),
  age: Type.Integer(),
  phone: Type.Union([Type.String(sensitive('phone', 'member')), Type.Null()]),
  membership: Type.String(),
  joinDate: Type.String(),
  post: NullableString,
  capacity: Type.Integer(),
  isMigrant: Type.Boolean(),
  health: Type.String(sensitive('health', 'member')),
  naturalVillageCode: Type.String(),
  naturalVillageName: Type.String(),
  isLeader: Type.Boolean(),
  joinedGridAt: Type.String({ format: 'date-time' }),
});

export const Instructor = Type.Object({
  id: Id,
  level: InstructorLevel,
  name: Type.String(),
  post: Type.String(),
  phone: Type.Union([Type.String(sensitive('phone', 'member')), Type.Null()]),
  memberId: Type.Union([Id, Type.Null()]),
  startedOn: Type.String(),
  endedOn: NullableString,
});

export const ActivityCentre = Type.Object({
  address: Type.String(),
  lat: NullableNumber,
  lng: NullableNumber,
  notes: Type.String(),
});

export const GroupEvent = Type.Object({
  id: Id,
  kind: Type.String(),
  detail: Type.Unknown(),
  planId: Type.Union([Id, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

/** One group with everything its page shows. */
export const PartyGroupDetail = Type.Object({
  allowedActions: Type.Optional(RecordActions),
  id: Id,
  name: Type.String(),
  ...Place,
  naturalVillages: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  members: Type.Array(GroupMember),
  leader: Type.Union([LeaderSummary, Type.Null()]),
  instructors: Type.Object({
    township: Type.Union([Instructor, Type.Null()]),
    village: Type.Union([Instructor, Type.Null()]),
  }),
  instructorHistory: Type.Array(Instructor),
  activityCentre: ActivityCentre,
  history: Type.Array(GroupEvent),
  retiredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const LeaderSuggestions = Type.Object({
  groupId: Id,
  currentLeaderId: Type.Union([Id, Type.Null()]),
  candidates: Type.Array(
    Type.Object({
      memberId: Id,
      name: Type.String(),
      rank: Type.Integer(),
      score: Type.Number(),
      reasons: Type.Array(Reason),
    }),
  ),
  ineligible: Type.Array(Type.Object({ memberId: Id, name: Type.String(), reasons: Type.Array(Reason) })),
});

export const LeaderAssign = Type.Object(
  { memberId: Id, since: Type.Optional(DateString) },
  { additionalProperties: false },
);

export const InstructorAssign = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40 }),
    post: Type.String({ minLength: 1, maxLength: 40, description: 'e.g. 乡镇包村干部, 村党支部书记' }),
    phone: Type.Optional(Phone),
    memberId: Type.Optional(Id),
    startedOn: Type.Optional(DateString),
  },
  { additionalProperties: false },
);

export const ActivityCentreSet = Type.Object(
  {
    address: Type.String({ minLength: 1, maxLength: 200 }),
    lat: Type.Optional(Type.Number({ minimum: 3, maximum: 54, description: 'Latitude within China' })),
    lng: Type.Optional(Type.Number({ minimum: 73, maximum: 136, description: 'Longitude within China' })),
    notes: Type.Optional(Type.String({ maxLength: 500, description: 'Opening times and other notes' })),
  },
  { additionalProperties: false },
);
