/**
 * Server-side sessions: the cookie holds a random 256-bit token, the database only its sha256 (a stolen table
 * cannot be replayed). Idle expiry 2 h, absolute expiry 12 h. A session is remembered in memory for up to
 * 10 s so an authenticated request costs no query in the common case; logout, logout-everywhere, password
 * changes and grant changes in this process forget it at once (another process notices within 10 s). Requests that
 * find no remembered session while one load of it is under way share that load: when the memo lapses under load,
 * a burst of a user's requests costs one lookup, not one each (they used to queue on the pool in the hundreds).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  deleteSession,
  deleteUserSessions,
  findSessionRow,
  insertSession,
  touchSession,
} from '../../db/repositories/sessions.ts';
import { grantsOfUserRows, orgUnitNames } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import { type Grant, isRole } from '../../domain/access/roles.ts';

export const IDLE_MS = 2 * 3600_000;
export const ABSOLUTE_MS = 12 * 3600_000;
const REMEMBER_MS = 10_000;
/** last_seen_at is written at most this often (not on every request). */
const TOUCH_MS = 60_000;

/** The signed-in user as every route sees it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  isDemo: boolean;
  grants: SessionGrant[];
}

/** A grant as the session carries it: for role 'member', also the Party member the user is (own commitments). */
export type SessionGrant = Grant & { memberId?: number };

export interface Session {
  tokenHash: string;
  csrfToken: string;
  user: SessionUser;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

const remembered = new Map<string, { session: Session; until: number }>();
/** Loads in flight by token hash, shared by the requests that arrive meanwhile. */
const loading = new Map<string, Promise<Session | null>>();
/** Bumped whenever sessions are forgotten, so a load that started before does not remember stale grants. */
let generation = 0;

/** Drops every load in flight (their callers still get their answer, but it is not remembered). */
function forgetLoads(): void {
  generation += 1;
  loading.clear();
}

/** One load of a session at a time per token; the callers that arrive meanwhile share it. */
function loadShared(db: Kysely<Database>, tokenHash: string): Promise<Session | null> {
  let load = loading.get(tokenHash);
  if (!load) {
    load = loadSession(db, tokenHash);
    const shared = load;
    loading.set(tokenHash, shared);
    const done = () => {
      if (loading.get(tokenHash) === shared) loading.delete(tokenHash);
    };
    shared.then(done, done);
  }
  return load;
}

/** sha256 hex of a cookie token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The user's grants, as the access rules read them. */
export async function loadGrants(db: Kysely<Database>, userId: number): Promise<SessionGrant[]> {
  const rows = await grantsOfUserRows(db, userId);
  return rows.flatMap((r) =>
    isRole(r.role)
      ? [
          {
            role: r.role,
            countyCode: r.county_code,
            orgCode: r.org_code,
            ...(r.member_id === null ? {} : { memberId: Number(r.member_id) }),
          },
        ]
      : [],
  );
}

/** The names of the units the signed-in user's grants lie on (any county), for the session's own view. */
export function grantUnitNames(db: Kysely<Database>, codes: readonly string[]) {
  return orgUnitNames(db, codes);
}

/** Opens a session for a user: the cookie token (give it to the client once) and the CSRF token. */
export async function createSession(db: Kysely<Database>, userId: number, ip: string | null, now = Date.now()) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await insertSession(db, {
    token_hash: hashToken(token),
    user_id: userId,
    csrf_token: csrfToken,
    ip,
    created_at: new Date(now),
    last_seen_at: new Date(now),
    expires_at: new Date(now + ABSOLUTE_MS),
  });
  return { token, csrfToken };
}

async function loadSession(db: Kysely<Database>, tokenHash: string): Promise<Session | null> {
  const row = await findSessionRow(db, tokenHash);
  if (!row || row.disabled) return null;
  if (row.is_demo && process.env.NODE_ENV === 'production') return null;
  return {
    tokenHash,
    csrfToken: row.csrf_token,
    user: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      isDemo: row.is_demo,
      grants: await loadGrants(db, row.id),
    },
    createdAt: new Date(row.created_at).getTime(),
    lastSeenAt: new Date(row.last_seen_at).getTime(),
    expiresAt: new Date(row.expires_at).getTime(),
  };
}

/** The live session of a cookie token, or null (unknown, expired idle or absolute, user disabled). */
export async function findSession(db: Kysely<Database>, token: string, now = Date.now()): Promise<Session | null> {
  const tokenHash = hashToken(token);
  const memo = remembered.get(tokenHash);
  const loadedIn = generation;
  const session = memo && memo.until > now ? memo.session : await loadShared(db, tokenHash);
  if (!session) {
    remembered.delete(tokenHash);
    return null;
  }
  if (now >= session.expiresAt || now - session.lastSeenAt >= IDLE_MS) {
    await revokeSession(db, tokenHash);
    return null;
  }
  if (now - session.lastSeenAt >= TOUCH_MS) {
    session.lastSeenAt = now;
    await touchSession(db, tokenHash, new Date(now));
  }
  const fresh = !memo || memo.until <= now;
  if (fresh && loadedIn === generation) remembered.set(tokenHash, { session, until: now + REMEMBER_MS });
  return session;
}

/** Ends one session. */
export async function revokeSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  remembered.delete(tokenHash);
  forgetLoads();
  await deleteSession(db, tokenHash);
}

/** Ends every session of a user (logout everywhere, password change or reset, account disabled). */
export async function revokeUserSessions(db: Kysely<Database>, userId: number, keep?: string): Promise<void> {
  for (const [hash, memo] of remembered) if (memo.session.user.id === userId && hash !== keep) remembered.delete(hash);
  forgetLoads();
  await deleteUserSessions(db, userId, keep);
}

/** Forgets remembered sessions of a user (their grants changed). */
export function forgetUser(userId: number): void {
  for (const [hash, memo] of remembered) if (memo.session.user.id === userId) remembered.delete(hash);
  forgetLoads();
}
