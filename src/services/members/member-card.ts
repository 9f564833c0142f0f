/**
 * Mapping between the API's member card (camelCase, masked identifiers, age) and party_member rows.
 * ID numbers and phones leave the server masked by the response schema's marks (src/http/plugins/masking.ts).
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Static } from 'typebox';
import type { findMember } from '../../db/repositories/members.ts';
import type { PartyMemberTable } from '../../db/schema.ts';
import { ageOn } from '../../domain/dates.ts';
import { trimInvisible } from '../../domain/person-facts.ts';
import type { MemberCreate, MemberUpdate } from '../../shared/schemas/member.ts';

/** A new card as the API accepts it. */
export type MemberInput = Static<typeof MemberCreate>;
/** Some fields of a card, as PATCH accepts them. */
export type MemberPatch = Static<typeof MemberUpdate>;

export const MEMBER = { zh: '党员', en: 'party member' };

type MemberRow = Selectable<PartyMemberTable>;
type ListRow = MemberRow & { natural_village_name: string; village_name: string | null };
type CardRow = NonNullable<Awaited<ReturnType<typeof findMember>>>;

// Card fields stored as given (after trimming); idNumber and sex are left out because the service stores
// the normalised ID and the sex and birth date derived from it.
const COLUMN_OF = {
  name: 'name',
  phone: 'phone',
  publicPhone: 'public_phone',
  ethnicity: 'ethnicity',
  education: 'education',
  joinDate: 'join_date',
  membership: 'membership',
  branchName: 'branch_name',
  naturalVillageCode: 'natural_village_code',
  post: 'post',
  workUnit: 'work_unit',
  expertise: 'expertise',
  interests: 'interests',
  willingness: 'willingness',
  capacity: 'capacity',
  isMigrant: 'is_migrant',
  health: 'health',
  status: 'status',
  note: 'note',
} as const satisfies Partial<Record<keyof MemberInput, keyof PartyMemberTable>>;

/** Columns for the fields present in `input` (absent fields are left out, so a patch touches only them). */
export function toColumns(input: MemberPatch): Updateable<PartyMemberTable> {
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMN_OF)) {
    const value = input[field as keyof MemberPatch];
    // Typed or pasted by hand: invisible characters at the ends (zero-width spaces too) are dropped.
    if (value !== undefined) columns[column] = typeof value === 'string' ? trimInvisible(value) : value;
  }
  return columns as Updateable<PartyMemberTable>;
}

/** What the ID number fixes: the stored 18-digit form, the birth date and the sex. */
export interface Identity {
  idNumber: string;
  birthDate: string;
  sex: 'M' | 'F';
}

/** The identity as columns. */
export function identityColumns(identity: Identity) {
  return { id_number: identity.idNumber, birth_date: identity.birthDate, sex: identity.sex };
}

/** Columns of a new card; the schema has already required every non-defaulted field. */
export function toNewRow(input: MemberInput, county: string, identity: Identity): Insertable<PartyMemberTable> {
  return { ...toColumns(input), county_code: county, ...identityColumns(identity) } as Insertable<PartyMemberTable>;
}

/** One row of the member list. */
export function toMemberListItem(row: ListRow, today: string) {
  return {
    id: Number(row.id),
    name: row.name,
    sex: row.sex,
    age: ageOn(row.birth_date, today),
    idNumber: row.id_number,
    phone: row.phone,
    membership: row.membership,
    joinDate: row.join_date,
    naturalVillageCode: row.natural_village_code,
    naturalVillageName: row.natural_village_name,
    villageName: row.village_name,
    branchName: row.branch_name,
    post: row.post,
    expertise: row.expertise,
    willingness: row.willingness,
    capacity: row.capacity,
    isMigrant: row.is_migrant,
    status: row.status,
  };
}

/** The full information card. */
export function toMemberCard(row: CardRow, today: string) {
  return {
    ...toMemberListItem(row, today),
    birthDate: row.birth_date,
    ethnicity: row.ethnicity,
    education: row.education,
    workUnit: row.work_unit,
    publicPhone: row.public_phone,
    interests: row.interests,
    health: row.health,
    note: row.note,
    villageCode: row.village_code,
    villageName: row.village_name,
    townshipCode: row.township_code,
    townshipName: row.township_name,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
