/**
 * Grid schemas (网格): the list, one grid with its natural villages, members, checks and history, partition
 * plans (propose → review the diff → apply) and the manual edits (rename, move a natural village or a member,
 * merge, split). Shapes only; the partition's rules come back as `breaches` (warnings) or 422.
 */
import { Type } from 'typebox';
import { CountyCode, Id, OrgCode, PageQuery, SortQuery } from './common.ts';
import { AreaGeometry } from './dashboard.ts';
import { RecordActions } from './record-actions.ts';

const Label = Type.Object({ zh: Type.String(), en: Type.String() });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NaturalVillageCode = Type.String({ pattern: '^[0-9]{15}$', description: 'Natural village code (15 digits)' });
const GridName = Type.String({ minLength: 1, maxLength: 40, description: 'e.g. 第3网格' });

export const GridParams = Type.Object({ county: CountyCode, id: Id }, { additionalProperties: false });

export const GridListQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Part of the grid or village name' })),
    withoutLeader: Type.Optional(Type.Boolean({ description: 'Only grids whose group has no leader' })),
    sort: SortQuery(['name', 'members', 'households']),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const GridListItem = Type.Object({
  id: Id,
  name: Type.String(),
  villageCode: Type.String(),
  villageName: Type.String(),
  townshipName: Type.String(),
  naturalVillages: Type.Integer(),
  members: Type.Integer(),
  capacity: Type.Integer({ description: 'Households its members can help (sum of card capacities)' }),
  households: Type.Integer({ description: 'Households needing help (poor, returned, monitored) in the grid' }),
  groupId: Type.Union([Id, Type.Null()]),
  leaderName: NullableString,
});

export const Breach = Type.Object({
  code: Type.String(),
  grid: Type.Optional(Type.Integer()),
  message: Label,
});

const GridMember = Type.Object({
  id: Id,
  name: Type.String(),
  naturalVillageCode: Type.String(),
  post: NullableString,
  capacity: Type.Integer(),
  eligibleToLead: Type.Boolean(),
  joinedAt: Type.String(),
});

const PastMember = Type.Object({
  id: Id,
  name: Type.String(),
  joinedAt: Type.String(),
  leftAt: Type.String(),
  joinedReason: Type.String(),
  leftReason: Type.String(),
});

export const GridEvent = Type.Object({
  id: Id,
  kind: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
  planId: Type.Union([Id, Type.Null()]),
  at: Type.String(),
});

export const GridDetail = Type.Object({
  allowedActions: Type.Optional(RecordActions),
  id: Id,
  name: Type.String(),
  villageCode: Type.String(),
  villageName: Type.String(),
  createdAt: Type.String(),
  retiredAt: NullableString,
  retiredReason: NullableString,
  naturalVillages: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), piece: Type.Integer(), pieces: Type.Integer() }),
  ),
  members: Type.Array(GridMember),
  pastMembers: Type.Array(PastMember),
  households: Type.Integer({ description: 'Households needing help in the grid' }),
  capacity: Type.Integer(),
  group: Type.Union([
    Type.Object({ id: Id, name: Type.String(), leaderId: Type.Union([Id, Type.Null()]) }),
    Type.Null(),
  ]),
  breaches: Type.Array(Breach, { description: 'Partition rules this grid breaks now (warnings)' }),
  history: Type.Array(GridEvent),
});

/** Result of a manual edit: the grids it touched, re-read, and the village's breaches after it. */
export const GridEditResult = Type.Object({
  grids: Type.Array(GridDetail),
  breaches: Type.Array(Breach),
});

export const RenameGridBody = Type.Object({ name: GridName }, { additionalProperties: false });
export const MoveNaturalVillageBody = Type.Object(
  { code: NaturalVillageCode, reason: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export const MoveMemberBody = Type.Object(
  {
    memberId: Id,
    reason: Type.String({ minLength: 1, maxLength: 200, description: 'Why, e.g. 搬家 (moved house)' }),
  },
  { additionalProperties: false },
);
export const MergeGridBody = Type.Object(
  { otherGridId: Id, reason: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export const SplitGridBody = Type.Object(
  {
    naturalVillages: Type.Array(NaturalVillageCode, {
      minItems: 1,
      maxItems: 100,
      description: 'Natural villages that leave for the new grid (with the members living there)',
    }),
    name: Type.Optional(GridName),
  },
  { additionalProperties: false },
);

// ── plans ─────────────────────────────────────────────────────────────────────────────────────────────────

export const PlanParams = GridParams;
export const PlanQuery = Type.Object(
  { village: Type.Optional(Type.String({ pattern: '^[0-9]{12}$', description: 'Only this village' })) },
  { additionalProperties: false },
);

export const PartitionOptionsBody = Type.Object(
  {
    minMembers: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    maxMembers: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    targetMembers: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);

export const ProposePlanBody = Type.Object(
  {
    scope: Type.String({ pattern: '^[0-9]{6}([0-9]{3}){0,2}$', description: 'County, township or village code' }),
    options: Type.Optional(PartitionOptionsBody),
  },
  { additionalProperties: false },
);

const Move = Type.Object({
  id: Type.Union([Type.Integer(), Type.String()]),
  name: Type.String(),
  from: NullableString,
  to: Type.String(),
});

const ProposedGrid = Type.Object({
  gridId: Type.Union([Id, Type.Null()]),
  name: Type.String(),
  parts: Type.Array(Type.Object({ code: Type.String(), piece: Type.Integer(), pieces: Type.Integer() })),
  members: Type.Array(Type.Integer()),
  householdIds: Type.Array(Type.Integer()),
  capacity: Type.Integer(),
  leaderCandidates: Type.Array(Type.Integer()),
});

const VillagePlan = Type.Object({
  villageCode: Type.String(),
  villageName: Type.String(),
  grids: Type.Array(ProposedGrid),
  retire: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  breaches: Type.Array(Breach),
  memberMoves: Type.Array(Move),
  naturalVillageMoves: Type.Array(Move),
  householdsMoved: Type.Integer(),
  unchanged: Type.Boolean(),
});

const PlanSummary = Type.Object({
  villages: Type.Integer(),
  villagesChanged: Type.Integer(),
  grids: Type.Integer(),
  gridsKept: Type.Integer(),
  gridsCreated: Type.Integer(),
  gridsRetired: Type.Integer(),
  membersMoved: Type.Integer(),
  naturalVillagesMoved: Type.Integer(),
  householdsMoved: Type.Integer(),
  membersPerGrid: Type.Object({ min: Type.Integer(), median: Type.Integer(), max: Type.Integer() }),
  withinBoundsShare: Type.Number(),
  breaches: Type.Record(Type.String(), Type.Integer()),
});

export const GridPlan = Type.Object({
  id: Id,
  scope: Type.String(),
  status: Type.Enum(['proposed', 'applied', 'superseded']),
  options: PartitionOptionsBody,
  createdAt: Type.String(),
  appliedAt: NullableString,
  summary: PlanSummary,
  villages: Type.Array(VillagePlan),
});

export const AppliedPlan = Type.Object({
  planId: Id,
  gridsCreated: Type.Integer(),
  gridsRetired: Type.Integer(),
  villagesChanged: Type.Integer(),
});

// ── coverage ──────────────────────────────────────────────────────────────────────────────────────────────

export const CoverageQuery = Type.Object({ within: Type.Optional(OrgCode) }, { additionalProperties: false });

const Counts = {
  grids: Type.Integer(),
  groups: Type.Integer(),
  gridsWithoutGroup: Type.Integer(),
  groupsWithoutLeader: Type.Integer(),
  groupsWithoutInstructors: Type.Integer(),
  groupsUnderThreeMembers: Type.Integer(),
  membersWithoutGrid: Type.Integer(),
  membersInTwoGrids: Type.Integer(),
  naturalVillagesWithoutGrid: Type.Integer(),
  gridsOverCapacity: Type.Integer(),
  householdsBeyondCapacity: Type.Integer(),
};
const GapGrid = { gridId: Id, name: Type.String(), villageCode: Type.String(), groupId: Type.Union([Id, Type.Null()]) };

export const CoverageReport = Type.Object({
  scope: Type.String(),
  totals: Type.Object(Counts),
  units: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), level: Type.Enum(['township', 'village']), ...Counts }),
  ),
  gaps: Type.Object({
    gridsWithoutGroup: Type.Array(Type.Object(GapGrid)),
    groupsWithoutLeader: Type.Array(Type.Object(GapGrid)),
    groupsWithoutInstructors: Type.Array(Type.Object(GapGrid)),
    groupsUnderThreeMembers: Type.Array(Type.Object({ ...GapGrid, members: Type.Integer() })),
    gridsOverCapacity: Type.Array(Type.Object({ ...GapGrid, households: Type.Integer(), capacity: Type.Integer() })),
    membersWithoutGrid: Type.Array(
      Type.Object({ memberId: Id, name: Type.String(), naturalVillageCode: Type.String() }),
    ),
    membersInTwoGrids: Type.Array(Type.Object({ memberId: Id, name: Type.String(), grids: Type.Integer() })),
    naturalVillagesWithoutGrid: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  }),
});

export const GridMapQuery = Type.Object(
  { village: Type.String({ pattern: '^[0-9]{12}$', description: 'Village code' }) },
  { additionalProperties: false },
);

export const GridMap = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      properties: Type.Object({
        gridId: Id,
        name: Type.String(),
        members: Type.Integer(),
        households: Type.Integer(),
        capacity: Type.Integer(),
      }),
      geometry: AreaGeometry,
    }),
  ),
});
