/** Org tree schemas: county → township → village/community → natural village. */
import { Type } from 'typebox';
import { OrgCode, PageQuery, SortQuery } from './common.ts';

export const OrgLevel = Type.Union([
  Type.Literal('county'),
  Type.Literal('township'),
  Type.Literal('village'),
  Type.Literal('natural_village'),
]);

export const OrgUnit = Type.Object({
  code: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  level: OrgLevel,
  kind: Type.String(),
  name: Type.String(),
  path: Type.String(),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  children: Type.Optional(Type.Integer()),
});

export const OrgUnitListQuery = Type.Object(
  {
    parent: Type.Optional(OrgCode),
    within: Type.Optional(OrgCode),
    level: Type.Optional(OrgLevel),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    sort: SortQuery(['code', 'name']),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const Name = Type.String({ minLength: 1, maxLength: 60 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });

export const OrgUnitCreate = Type.Object(
  {
    code: Type.String({
      pattern: '^[0-9]{9}([0-9]{3}){0,2}$',
      description: 'Township 9, village 12, natural village 15 digits',
    }),
    parentCode: OrgCode,
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })),
    name: Name,
    lat: Type.Optional(Lat),
    lng: Type.Optional(Lng),
  },
  { additionalProperties: false },
);

export const OrgUnitUpdate = Type.Object(
  {
    name: Type.Optional(Name),
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })),
    lat: Type.Optional(Type.Union([Lat, Type.Null()])),
    lng: Type.Optional(Type.Union([Lng, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
