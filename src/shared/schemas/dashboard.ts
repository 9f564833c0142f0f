/**
 * Dashboard and map schemas: the figures of one scope (county, township, village or natural village) with one
 * row per child unit, the scope's map as GeoJSON, and a boundary import. The web app reads the types.
 */
import { type Static, Type } from 'typebox';
import { OrgCode } from './common.ts';
import { OrgLevel } from './org-unit.ts';

export const DashboardQuery = Type.Object(
  { scope: Type.Optional(OrgCode) },
  { additionalProperties: false, description: 'scope defaults to the county' },
);

const CodeCount = Type.Object({ code: Type.String(), count: Type.Integer() });
const Mean = Type.Union([Type.Integer(), Type.Null()], { description: 'Mean per-capita net income, CNY' });

const IncomeBin = Type.Object({
  code: Type.String(),
  /** Multiples of the line, null for open ends. */
  fromRatio: Type.Union([Type.Number(), Type.Null()]),
  toRatio: Type.Union([Type.Number(), Type.Null()]),
  count: Type.Integer(),
});

export const DashboardChild = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: OrgLevel,
  households: Type.Integer(),
  poor: Type.Integer({ description: 'Identified + returned' }),
  exited: Type.Integer(),
  members: Type.Integer(),
  perCapitaMean: Mean,
});

export const Dashboard = Type.Object({
  scope: Type.Object({ code: Type.String(), name: Type.String(), level: OrgLevel }),
  totals: Type.Object({
    households: Type.Integer(),
    poor: Type.Integer(),
    exited: Type.Integer(),
    monitored: Type.Integer({ description: 'Households with an open monitoring case (whatever their poverty status)' }),
    members: Type.Integer(),
    perCapitaMean: Mean,
  }),
  householdsByStatus: Type.Array(CodeCount, { description: 'Poverty status (建档立卡); monitoring is counted apart' }),
  householdsByCause: Type.Array(CodeCount, { description: 'Main cause, largest first' }),
  monitoringByCategory: Type.Array(CodeCount, { description: 'Open monitoring cases by category' }),
  income: Type.Object({
    year: Type.Union([Type.Integer(), Type.Null()], { description: "The county's latest income year" }),
    povertyLine: Type.Union([Type.Number(), Type.Null()], { description: 'CNY per person per year' }),
    bins: Type.Array(IncomeBin),
    missing: Type.Integer({ description: 'Households without income for that year' }),
  }),
  membersByExpertise: Type.Array(CodeCount),
  membersByWillingness: Type.Array(CodeCount),
  coverage: Type.Object({
    grids: Type.Integer(),
    partyGroups: Type.Integer(),
    members: Type.Integer(),
    membersInGrid: Type.Integer(),
    households: Type.Integer({ description: 'Households needing help (poor, returned, or with an open case)' }),
    householdsPaired: Type.Integer({ description: 'Of those, households with a current pairing' }),
  }),
  children: Type.Array(DashboardChild),
  refreshedAt: Type.Union([Type.String(), Type.Null()], { description: 'When the scope was last summarised' }),
});
export type DashboardBody = Static<typeof Dashboard>;
export type DashboardChildBody = Static<typeof DashboardChild>;

export const MapQuery = Type.Object(
  {
    scope: Type.Optional(OrgCode),
    level: Type.Optional(
      Type.Union([Type.Literal('township'), Type.Literal('village'), Type.Literal('natural_village')]),
    ),
  },
  { additionalProperties: false, description: 'level defaults to the level below the scope' },
);

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 });
const Ring = Type.Array(Position, { minItems: 4 });
/** A GeoJSON Polygon or MultiPolygon (RFC 7946), WGS 84 longitude/latitude. */
export const AreaGeometry = Type.Union([
  Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring, { minItems: 1 }) }),
  Type.Object({
    type: Type.Literal('MultiPolygon'),
    coordinates: Type.Array(Type.Array(Ring, { minItems: 1 }), { minItems: 1 }),
  }),
]);
export type AreaGeometryBody = Static<typeof AreaGeometry>;

export const MapFeatures = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      properties: Type.Object({ code: Type.String(), name: Type.String() }),
      geometry: AreaGeometry,
    }),
  ),
});
export type MapFeaturesBody = Static<typeof MapFeatures>;

/** Import body: a bare geometry, or a Feature carrying one (what GIS tools export). */
export const BoundaryImport = Type.Union([
  AreaGeometry,
  Type.Object({ type: Type.Literal('Feature'), geometry: AreaGeometry, properties: Type.Optional(Type.Unknown()) }),
]);
export type BoundaryImportBody = Static<typeof BoundaryImport>;

export const BoundaryImported = Type.Object({
  code: Type.String(),
  type: Type.String(),
  rings: Type.Integer(),
  positions: Type.Integer(),
});
