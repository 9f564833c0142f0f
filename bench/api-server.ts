/**
 * The benchmark server: the real app (built by buildApp, same database set-up as `npm start`: PGlite in a
 * worker thread, or PostgreSQL) plus reference routes on the same server:
 * - /bench/constant — no database: the HTTP ceiling;
 * - /bench/bare/households — the list route's SQL (same repository function, same driver) with no validation,
 *   mapping, masking or response schema: what the full route's extra layers cost;
 * - /bench/bare/households/:id — the record route's queries, likewise bare.
 * The API routes need a session: the server opens one for a county admin and tells the parent its port and
 * cookie over IPC.
 */
import { databaseOptionsFromEnv, openDatabase } from '../src/db/kysely.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import * as parts from '../src/db/repositories/household-parts.ts';
import * as households from '../src/db/repositories/households.ts';
import { buildApp } from '../src/http/app.ts';
import { benchSession } from './lib/bench-session.ts';

const county = process.env.BENCH_COUNTY ?? '340822';
const database = await openDatabase({ ...databaseOptionsFromEnv(), pgliteThread: 'worker' });
await migrateToLatest(database.db);
const app = await buildApp({ database, logger: false });
const db = database.db;

// A county admin's session: the full route pays for authentication, scope and masking.
const session = await benchSession(db, county);
const cookie = `${session.name}=${session.value}`;

app.get('/bench/constant', async () => ({ ok: true }));
app.get('/bench/bare/households', async (req) => {
  const page = Number((req.query as { page?: string }).page ?? 1);
  return households.listHouseholds(db, county, { page, pageSize: 20 });
});
app.get('/bench/bare/households/:id', async (req) => {
  const id = Number((req.params as { id: string }).id);
  const [household, persons, income, needs, events] = await Promise.all([
    households.findHousehold(db, county, id),
    parts.listPersons(db, county, id),
    parts.listIncome(db, county, id),
    parts.listNeeds(db, county, id),
    parts.listStatusEvents(db, county, id),
  ]);
  return { household, persons, income, needs, events };
});

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0, cookie });
process.once('SIGTERM', () => {
  app
    .close()
    .then(() => database.close())
    .finally(() => process.exit(0));
});
