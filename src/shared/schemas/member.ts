/**
 * Party member schemas: the information card (党员信息卡) as created, patched, listed and read.
 * The schema checks shapes only; registry rules (valid ID number, age at joining, dictionary codes,
 * place in the org tree) are checked by the service and answer 422.
 */
import { Type } from 'typebox';
import { DateString, Id, OrgCode, PageQuery, SortQuery } from './common.ts';
import { RecordActions } from './record-actions.ts';
import { sensitive } from './sensitive.ts';

// Enums rather than unions of literals: a wrong value then gives one clear problem ("must be one of …").
export const Sex = Type.Enum(['M', 'F'], { description: 'M male, F female' });
export const Membership = Type.Enum(['formal', 'probationary'], { description: 'Full or probationary member' });
export const MemberStatus = Type.Enum(['active', 'transferred_out', 'deceased']);

/** A string or null in one schema (not anyOf), so a bad value gives one problem instead of three. */
const NullableText = (options: Record<string, unknown>) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], ...options });
// Blank-only text ('  ') is a registry rule (422) rather than a second schema keyword, so one bad field
// gives one problem.
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Code = Type.String({ pattern: '^[a-z0-9_]{1,40}$', description: 'Dictionary code' });
const Codes = (description: string) => Type.Array(Code, { maxItems: 16, description });

// Spaces and a lowercase x are accepted because IDs are pasted from spreadsheets; the service normalises them.
// One pattern (not minLength + pattern) so a wrong value gives one problem; the service says what is wrong.
const IdNumber = Type.String({
  pattern: '^[0-9Xx ]{15,24}$',
  description: '18-digit resident ID (old 15-digit numbers are upgraded)',
});
const Phone = NullableText({
  pattern: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$',
  description: 'Mobile (11 digits) or landline with area code',
});
const NaturalVillageCode = Type.String({ pattern: '^[0-9]{15}$', description: 'Natural village code (15 digits)' });
const Capacity = Type.Integer({ minimum: 0, maximum: 2, description: 'Households the member can help (0–2)' });

/** Every writable card field; create requires the core ones, patch makes all optional. */
const cardFields = {
  name: Text(40),
  sex: Sex,
  idNumber: IdNumber,
  phone: Phone,
  // Chosen by the member for the plaque and its public page (连心卡): shown there as is, never masked.
  publicPhone: Phone,
  ethnicity: Code,
  education: Code,
  joinDate: DateString,
  membership: Membership,
  branchName: Text(60),
  naturalVillageCode: NaturalVillageCode,
  post: NullableText({ minLength: 1, maxLength: 40 }),
  workUnit: NullableText({ minLength: 1, maxLength: 60 }),
  expertise: Codes('Expertise codes (特长)'),
  interests: Type.String({ maxLength: 200 }),
  willingness: Codes('Willingness-to-serve codes (服务意愿)'),
  capacity: Capacity,
  isMigrant: Type.Boolean({ description: 'Works away from home (流动党员)' }),
  health: Code,
  status: MemberStatus,
  note: Type.String({ maxLength: 500 }),
};

const REQUIRED = [
  'name',
  'idNumber',
  'ethnicity',
  'education',
  'joinDate',
  'membership',
  'branchName',
  'naturalVillageCode',
  'capacity',
] as const;

export const MemberCreate = Type.Object(
  {
    ...Type.Pick(Type.Object(cardFields), REQUIRED).properties,
    ...Type.Partial(Type.Omit(Type.Object(cardFields), REQUIRED)).properties,
  },
  { additionalProperties: false },
);

export const MemberUpdate = Type.Partial(Type.Object(cardFields), { additionalProperties: false, minProperties: 1 });

export const MemberListQuery = Type.Object(
  {
    within: Type.Optional(OrgCode),
    expertise: Type.Optional(Code),
    willingness: Type.Optional(Code),
    membership: Type.Optional(Membership),
    status: Type.Optional(Type.Enum(['active', 'transferred_out', 'deceased', 'all'], { default: 'active' })),
    migrant: Type.Optional(Type.Boolean()),
    capacity: Type.Optional(Capacity),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Name part, ID number or phone prefix' })),
    sort: SortQuery(['name', 'joinDate', 'birthDate', 'capacity']),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const NullableString = Type.Union([Type.String(), Type.Null()]);

/** One row of the member list; ID number and phone masked. */
export const MemberListItem = Type.Object({
  id: Id,
  name: Type.String(),
  sex: Sex,
  age: Type.Integer(),
  idNumber: Type.String(sensitive('idNumber', 'member')),
  phone: Type.Union([Type.String(sensitive('phone', 'member')), Type.Null()]),
  membership: Membership,
  joinDate: Type.String(),
  naturalVillageCode: Type.String(),
  naturalVillageName: Type.String(),
  villageName: NullableString,
  branchName: Type.String(),
  post: NullableString,
  expertise: Type.Array(Type.String()),
  willingness: Type.Array(Type.String()),
  capacity: Type.Integer(),
  isMigrant: Type.Boolean(),
  status: MemberStatus,
});

/** The full information card, with the names of the places it hangs under. */
export const MemberCard = Type.Object({
  allowedActions: Type.Optional(RecordActions),
  ...Type.Omit(MemberListItem, ['villageName']).properties,
  birthDate: Type.String(),
  ethnicity: Type.String(),
  education: Type.String(),
  workUnit: NullableString,
  publicPhone: Type.Union([Type.String(), Type.Null()], { description: 'Contact number published on the plaque' }),
  interests: Type.String(),
  health: Type.String(sensitive('health', 'member')),
  note: Type.String(),
  villageCode: NullableString,
  villageName: NullableString,
  townshipCode: NullableString,
  townshipName: NullableString,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
