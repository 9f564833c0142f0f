/**
 * The dashboard's Party life section (党组织生活与星级评定): a scope's required activities of a year held, late,
 * missed and still due, and its members by stars (vetoed, exempt, not yet rated).
 */
import { type Static, Type } from 'typebox';
import { ByStars, Year } from './assessment.ts';
import { OrgCode } from './common.ts';

export const PartyLifeQuery = Type.Object(
  { scope: Type.Optional(OrgCode), year: Type.Optional(Year) },
  { additionalProperties: false, description: 'scope defaults to the county, year to the business year' },
);

export const PartyLifeFigures = Type.Object({
  scope: Type.String(),
  year: Type.Integer(),
  activities: Type.Object({
    required: Type.Integer({ description: 'Required activities of the scope’s groups in the year' }),
    held: Type.Integer({ description: 'Held in time' }),
    late: Type.Integer(),
    missed: Type.Integer(),
    due: Type.Integer({ description: 'Not yet due by the business date' }),
    rate: Type.Number({ description: 'Held in time of those past due, 0–1' }),
  }),
  stars: Type.Object({
    stage: Type.Union([Type.Enum(['review', 'notice', 'final']), Type.Null()]),
    computedAt: Type.Union([Type.String(), Type.Null()]),
    members: Type.Integer({ description: 'Members with a rating of the year (rated + exempt)' }),
    rated: Type.Integer(),
    exempt: Type.Integer(),
    unrated: Type.Integer({ description: 'Active members with no rating of the year' }),
    vetoed: Type.Integer(),
    byStars: ByStars,
  }),
});
export type PartyLifeFigures = Static<typeof PartyLifeFigures>;
