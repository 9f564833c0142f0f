/** Schemas of accounts, sessions, grants and the audit trail (server validation and the web's types). */
import { type Static, Type } from 'typebox';
import { ROLE_LABELS, ROLES } from '../labels/roles.ts';
import { describeCodes } from '../lang.ts';
import { OrgCode } from './common.ts';
import { sensitive } from './sensitive.ts';

/** The roles, in the order forms list them (src/shared/labels/roles.ts). */
export const ROLE_CODES = ROLES;

export const RoleCode = Type.Union(
  ROLE_CODES.map((r) => Type.Literal(r)),
  { description: describeCodes(ROLE_LABELS) },
);

export const LoginBody = Type.Object(
  {
    login: Type.String({ minLength: 1, maxLength: 40, description: 'username or phone' }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);

export const GrantView = Type.Object({
  role: Type.String(),
  countyCode: Type.String(),
  orgCode: Type.String(),
  orgName: Type.Union([Type.String(), Type.Null()]),
  memberId: Type.Optional(
    Type.Integer({ description: "For roles 'member' and 'group_leader': the Party member the user is" }),
  ),
});

export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  isDemo: Type.Boolean(),
  csrfToken: Type.String(),
  grants: Type.Array(GrantView),
  /** permission → org codes (subtree roots) where it applies */
  permissions: Type.Record(Type.String(), Type.Array(Type.String())),
  today: Type.String({ format: 'date', description: "The server's business date (China): form defaults and checks" }),
  now: Type.String({ format: 'date-time', description: 'The business instant: deadlines count from it' }),
  demoClock: Type.Boolean({ description: 'Whether the demo clock sets the business date (the demo county)' }),
});
export type MeType = Static<typeof Me>;

/**
 * The password rule (8–128 characters with a letter and a digit), shared by the server, which enforces it, and
 * the web forms, which explain it before sending. Returns the problem, or null.
 */
export function passwordProblem(password: string): { zh: string; en: string } | null {
  if (password.length < 8 || password.length > 128 || !/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    return {
      zh: '密码须为 8–128 位，且同时包含字母和数字',
      en: 'A password needs 8–128 characters with a letter and a digit',
    };
  }
  return null;
}

export const PasswordChange = Type.Object(
  { current: Type.String({ minLength: 1, maxLength: 128 }), next: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

export const PasswordReset = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

export const GrantInput = Type.Object(
  {
    role: RoleCode,
    orgCode: OrgCode,
    memberId: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: Number.MAX_SAFE_INTEGER,
        description:
          "The Party member the user is: required for roles 'member' and 'group_leader' (a group leader's member " +
          'must lead a grid Party group within orgCode), refused for the others (422)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const UserCreate = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z0-9_.-]{3,40}$' }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    phone: Type.Optional(Type.String({ pattern: '^1[0-9]{10}$' })),
    password: Type.String({ minLength: 1, maxLength: 128 }),
    grants: Type.Array(GrantInput, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);

/** At least one grant: a user without any is nobody's to administer (disable an account instead). */
export const GrantsReplace = Type.Object(
  { grants: Type.Array(GrantInput, { minItems: 1, maxItems: 20 }) },
  { additionalProperties: false },
);
export type GrantsReplaceType = Static<typeof GrantsReplace>;

export const UserUpdate = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    phone: Type.Optional(Type.Union([Type.String({ pattern: '^1[0-9]{10}$' }), Type.Null()])),
    disabled: Type.Optional(Type.Boolean({ description: 'true signs the user out everywhere and refuses logins' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserUpdateType = Static<typeof UserUpdate>;

/** What an admin may do with a user, by the rule of domain/access/user-admin.ts (the web offers only these). */
export const UserAction = Type.Union([
  Type.Literal('read'),
  Type.Literal('update'),
  Type.Literal('password'),
  Type.Literal('grants'),
  Type.Literal('disable'),
  Type.Literal('enable'),
]);

export const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  isDemo: Type.Boolean(),
  disabled: Type.Boolean(),
  locked: Type.Boolean(),
  grants: Type.Array(
    Type.Object({
      role: Type.String(),
      orgCode: Type.String(),
      orgName: Type.Union([Type.String(), Type.Null()]),
      memberId: Type.Union([Type.Integer(), Type.Null()]),
      memberName: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  allowedActions: Type.Array(UserAction),
});
export type UserViewType = Static<typeof UserView>;

/** The county's accounts, as the user list answers them. */
export const UserViews = Type.Array(UserView);

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 40, description: 'username of the person who acted' })),
    table: Type.Optional(Type.String({ maxLength: 40 })),
    record: Type.Optional(Type.String({ maxLength: 40 })),
    action: Type.Optional(Type.String({ maxLength: 60 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    within: Type.Optional(OrgCode),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type AuditQueryType = Static<typeof AuditQuery>;

/** What an audit entry's `diff` holds: `{ field: [before, after] }` per changed field (null for none). */
export type AuditDiff = Record<string, [unknown, unknown]>;

export const AuditEntryView = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  table: Type.String(),
  recordId: Type.String(),
  orgCode: Type.String(),
  /** {@link AuditDiff} as the write recorded it: free JSON on the wire, so not validated here. */
  diff: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
});

/** The chain check's answer: how many entries, and the first broken link if any. */
export const AuditChainState = Type.Object({
  county: Type.String(),
  entries: Type.Integer(),
  ok: Type.Boolean(),
  broken: Type.Optional(Type.Object({ seq: Type.Integer(), reason: Type.String() })),
});

export const HouseholdSensitive = Type.Object({
  id: Type.Integer(),
  phone: Type.Union([Type.String(sensitive('phone', 'household')), Type.Null()]),
  bankAccount: Type.Union([Type.String(sensitive('bankAccount', 'household')), Type.Null()]),
  persons: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      idNumber: Type.String(sensitive('idNumber', 'household')),
      health: Type.String(sensitive('health', 'household')),
    }),
  ),
});

export const MemberSensitive = Type.Object({
  id: Type.Integer(),
  idNumber: Type.String(sensitive('idNumber', 'member')),
  phone: Type.Union([Type.String(sensitive('phone', 'member')), Type.Null()]),
  health: Type.String(sensitive('health', 'member')),
});
