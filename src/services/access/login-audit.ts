/**
 * Sign-ins and refused sign-ins in the audit trail (who, when, from which IP, the outcome; never the password).
 * An entry goes to the chain of each county where the account holds a grant (its first unit there, so the
 * admins of that unit see it); an attempt on an unknown name goes to every county of this installation, with
 * the attempted name shortened (a password typed into the name field must not land in the trail whole) and a
 * phone masked, and no user id.
 */
import type { Kysely } from 'kysely';
import { countyCodes, grantsOfUserRows } from '../../db/repositories/users.ts';
import type { Database } from '../../db/schema.ts';
import { maskPhone } from '../../domain/ids.ts';
import { auditMany } from '../audit/audit.ts';
import { currentContext } from '../audit/request-context.ts';

export type LoginOutcome = 'ok' | 'wrong_password' | 'unknown_user' | 'locked' | 'disabled';

/** How many characters of an unknown login name are kept. */
export const LOGIN_NAME_KEPT = 12;

/** The attempted name as the trail keeps it: a phone masked, else at most LOGIN_NAME_KEPT characters. */
export function attemptedName(login: string): string {
  const name = login.trim();
  if (/^1[0-9]{10}$/.test(name)) return maskPhone(name);
  // By code points (a pair is never split), without NUL or lone surrogates (jsonb refuses them).
  const clean = name.split(String.fromCharCode(0)).join('');
  const chars = Array.from(
    clean.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ''),
  );
  return chars.length > LOGIN_NAME_KEPT ? `${chars.slice(0, LOGIN_NAME_KEPT).join('')}…` : chars.join('');
}

/** Where an account's entries go: one unit per county where it holds a grant. */
async function unitsOf(db: Kysely<Database>, userId: number | null): Promise<Array<[string, string]>> {
  if (userId !== null) {
    const rows = await grantsOfUserRows(db, userId);
    const first = new Map<string, string>();
    for (const r of rows) if (!first.has(r.county_code)) first.set(r.county_code, r.org_code);
    if (first.size > 0) return [...first];
  }
  return (await countyCodes(db)).map((code) => [code, code]);
}

/** Records one sign-in attempt (its own transaction: a refusal is recorded though the request fails). */
export async function auditLogin(
  db: Kysely<Database>,
  attempt: { user: { id: number; username: string } | null; login: string; outcome: LoginOutcome },
): Promise<void> {
  const { user, outcome } = attempt;
  const context = currentContext();
  const signedIn = outcome === 'ok' && user !== null;
  const entryContext = signedIn ? { ...context, actorId: user.id, actor: user.username } : context;
  const diff: Record<string, [unknown, unknown]> = { outcome: [null, outcome] };
  if (!user) diff.login = [null, attemptedName(attempt.login)];
  const input = {
    action: signedIn ? 'auth.login' : 'auth.login_failed',
    table: 'app_user',
    recordId: user ? user.id : '',
    diff,
  };
  const units = await unitsOf(db, user?.id ?? null);
  await db.transaction().execute(async (tx) => {
    for (const [county, orgCode] of units) {
      await auditMany(tx, county, [{ input: { ...input, orgCode }, context: entryContext }]);
    }
  });
}
