/**
 * A built app on a fresh test database, for inject() tests. `t.inject(…)` acts as a signed-in county admin
 * (session cookie + CSRF header); `t.app.inject(…)` is anonymous; `t.signIn(role, org)` gives an inject for any
 * role granted on any org unit (the authorization matrix uses it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DatabaseHandle } from '../src/db/kysely.ts';
import type { Role } from '../src/domain/access/roles.ts';
import { buildApp } from '../src/http/app.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/http/plugins/access.ts';
import type { TrustProxy } from '../src/http/trust-proxy.ts';
import { createSession } from '../src/services/access/sessions.ts';
import { importDivisions } from '../src/services/import-divisions.ts';
import { LocalDiskStorage } from '../src/services/storage/storage.ts';
import { createTestDatabase } from './database.ts';

/** app.inject with the object form only, as a given user. */
export type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>;

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** Requests as the county admin of 340822 (anonymous when the app has no divisions). */
  inject: Inject;
  /** A new user with one grant, signed in: their inject. */
  signIn(role: Role, orgCode: string): Promise<Inject>;
  close(): Promise<void>;
}

// A fixed, valid scrypt hash of 'test-password-1' would need scrypt at import; users made here never log in
// by password (tests of login create their own with createUser), so any well-formed string will do.
const NO_PASSWORD = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
let users = 0;

/** Creates a user with one grant and a session, bypassing the password (fast); returns its inject. */
export async function signInAs(app: FastifyInstance, database: DatabaseHandle, role: Role, orgCode: string) {
  users += 1;
  const { id } = await database.db
    .insertInto('app_user')
    .values({ username: `${role}-${orgCode}-${users}`, display_name: role, password_hash: NO_PASSWORD })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('role_grant')
    .values({ county_code: orgCode.slice(0, 6), user_id: id, role, org_code: orgCode })
    .execute();
  const { token, csrfToken } = await createSession(database.db, id, '127.0.0.1');
  const inject: Inject = (options) =>
    app.inject({
      ...options,
      cookies: { ...(options.cookies ?? {}), [SESSION_COOKIE]: token },
      headers: { [CSRF_HEADER]: csrfToken, ...(options.headers ?? {}) },
    });
  return inject;
}

/** Fresh database (with Huaining's county and townships unless `divisions: false`) and an app on it. */
export async function createTestApp(options: { divisions?: boolean; trustProxy?: TrustProxy } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  if (options.divisions !== false) await importDivisions(database.db, '340822');
  // Uploads go to a temporary directory of this app, removed on close.
  const files = mkdtempSync(join(tmpdir(), 'lianxin-files-'));
  const app = await buildApp({
    database,
    logger: false,
    storage: new LocalDiskStorage(files),
    trustProxy: options.trustProxy ?? false,
  });
  await app.ready();
  const inject =
    options.divisions === false
      ? (opts: InjectOptions) => app.inject(opts)
      : await signInAs(app, database, 'county_admin', '340822');
  return {
    app,
    database,
    inject,
    signIn: (role, orgCode) => signInAs(app, database, role, orgCode),
    close: async () => {
      await app.close();
      await database.close();
      rmSync(files, { recursive: true, force: true });
    },
  };
}
