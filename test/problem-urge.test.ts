/**
 * Urging (督办) an overdue problem over the API: a level above the holder urges with a note → an 'urge' event in the
 * trail, a notification to the handler, an audit entry, the problem itself unchanged; offered in allowedActions by
 * the same rule; refused when not overdue, when solved, to the handler itself, twice by one unit on one business
 * day, and 404 outside the caller's scope.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../src/services/access/actor.ts';
import { loadGrants, type SessionUser } from '../src/services/access/sessions.ts';
import { actOnProblem } from '../src/services/problems/act-on-problem.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';
import { COUNTY, createPlaces, postHousehold } from './factories.ts';

const BASE = `/api/counties/${COUNTY}/problems`;
const INBOX = `/api/counties/${COUNTY}/inbox`;
const NV = '340822100201001';
const TOWNSHIP = '340822100';
const DAY = 24 * 3600_000;

let t: TestApp;
let household = 0;
const as = {} as Record<'secretary' | 'township' | 'county' | 'outsider', Inject>;
type Json = Record<string, unknown>;

const act = (who: Inject, id: number, payload: Json) => who({ method: 'POST', url: `${BASE}/${id}/actions`, payload });
const view = async (who: Inject, id: number) => (await who({ method: 'GET', url: `${BASE}/${id}` })).json();
const inbox = async (who: Inject) => (await who({ method: 'GET', url: INBOX })).json();

/** A problem raised by the county and put at `level` held by `holder`, late by an hour unless `late` is false. */
async function problemAt(level: string, holder: string, late = true): Promise<number> {
  const res = await as.county({
    method: 'POST',
    url: BASE,
    payload: { householdId: household, category: 'industry', description: '缺少种苗资金' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  const due = late ? sql`now() - interval '1 hour'` : sql`now() + interval '100 hours'`;
  await sql`update problem set level = ${level}, holder_code = ${holder}, status = 'accepted',
    level_entered_at = now() - interval '200 hours', due_at = ${due} where id = ${id}`.execute(t.database.db);
  return id;
}

/** The township admin signed in above, as the session carries them. */
async function townshipUser(): Promise<SessionUser> {
  const row = await t.database.db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name'])
    .where('username', 'like', `township_admin-${TOWNSHIP}-%`)
    .executeTakeFirstOrThrow();
  const grants = await loadGrants(t.database.db, row.id);
  return { id: row.id, username: row.username, displayName: row.display_name, isDemo: false, grants };
}

beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  household = await postHousehold(t, 21, NV);
  as.secretary = await t.signIn('village_secretary', '340822100201');
  as.township = await t.signIn('township_admin', TOWNSHIP);
  as.county = t.inject;
  as.outsider = await t.signIn('township_admin', '340822101');
});
afterAll(() => t.close());

describe('urging an overdue problem (督办)', () => {
  it('lets the county urge an overdue township problem: trail event, notification to the handler, audit', async () => {
    const id = await problemAt('township', TOWNSHIP);
    expect((await view(as.county, id)).allowedActions).toEqual(['urge']);
    expect((await view(as.township, id)).allowedActions).not.toContain('urge');
    const before = (await inbox(as.township)).unread as number;

    const res = await act(as.county, id, { action: 'urge', comment: '请本周内解决' });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after).toMatchObject({ level: 'township', status: 'accepted', overdue: true });
    expect(after.events.at(-1)).toMatchObject({
      action: 'urge',
      comment: '请本周内解决',
      fromLevel: 'township',
      toLevel: 'township',
      fromStatus: 'accepted',
      toStatus: 'accepted',
      automatic: false,
    });
    // Offered once a day: gone from the county's buttons now.
    expect(after.allowedActions).toEqual([]);

    const notes = await inbox(as.township);
    expect(notes.unread).toBe(before + 1);
    expect(notes.items[0]).toMatchObject({ kind: 'problem_urged', problemId: id });
    expect(notes.items[0].textZh).toContain('督办');

    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'table_name', 'record_id', 'diff'])
      .where('action', '=', 'problem.urge')
      .where('record_id', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ table_name: 'problem', diff: { urged_by: [null, COUNTY] } });
    const row = await t.database.db
      .selectFrom('problem_event')
      .select('urging_unit')
      .where('problem_id', '=', id)
      .where('action', '=', 'urge')
      .executeTakeFirstOrThrow();
    expect(row.urging_unit).toBe(COUNTY);
  });

  it('allows one urge per unit and business day: 409 the same day, another unit the same day, again the next day', async () => {
    const id = await problemAt('village', '340822100201');
    expect((await act(as.township, id, { action: 'urge' })).statusCode).toBe(200);
    const again = await act(as.township, id, { action: 'urge', comment: '再次督办' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('今天已督办');
    expect((await act(as.county, id, { action: 'urge' })).statusCode).toBe(200);
    // The next business day the township may urge again (the service at a business instant a day later).
    const user = await townshipUser();
    const nextDay = new Date(Date.now() + DAY);
    const later = await actOnProblem(t.database.db, COUNTY, id, actorOf(user), { action: 'urge' }, nextDay);
    expect(later.events.at(-1)).toMatchObject({ action: 'urge' });
    await expect(
      actOnProblem(t.database.db, COUNTY, id, actorOf(user), { action: 'urge' }, nextDay),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    const events = (await view(as.county, id)).events.filter((e: Json) => e.action === 'urge');
    expect(events).toHaveLength(3);
  });

  it('refuses a problem that is not overdue, a solved one, and the handler itself, with 409', async () => {
    const onTime = await problemAt('township', TOWNSHIP, false);
    expect((await view(as.county, onTime)).allowedActions).toEqual([]);
    const notLate = await act(as.county, onTime, { action: 'urge' });
    expect(notLate.statusCode).toBe(409);
    expect(notLate.json().message).toContain('尚未超期');

    const solved = await problemAt('township', TOWNSHIP);
    expect((await act(as.township, solved, { action: 'resolve', resolution: '已拨付资金' })).statusCode).toBe(200);
    expect((await view(as.county, solved)).allowedActions).not.toContain('urge');
    expect((await act(as.county, solved, { action: 'urge' })).statusCode).toBe(409);

    const own = await problemAt('township', TOWNSHIP);
    const self = await act(as.township, own, { action: 'urge' });
    expect(self.statusCode).toBe(409);
    expect(self.json().message).toContain('由您办理');
    const atCounty = await problemAt('county', COUNTY);
    expect((await act(as.county, atCounty, { action: 'urge' })).statusCode).toBe(409);
    // A unit below the holder does not urge it either.
    expect((await act(as.secretary, own, { action: 'urge' })).statusCode).toBe(409);
  });

  it('answers 404 outside the scope and 400 for a note over 500 characters', async () => {
    const id = await problemAt('township', TOWNSHIP);
    expect((await act(as.outsider, id, { action: 'urge' })).statusCode).toBe(404);
    expect((await act(as.county, id, { action: 'urge', comment: '督'.repeat(501) })).statusCode).toBe(400);
    const trail = (await view(as.county, id)).events.map((e: Json) => e.action);
    expect(trail).not.toContain('urge');
  });
});
