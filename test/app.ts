/** A built app on a fresh test database, for app.inject() tests. */
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../src/db/kysely.ts';
import { buildApp } from '../src/http/app.ts';
import { importDivisions } from '../src/services/import-divisions.ts';
import { createTestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** Fresh database (with Huaining's county and townships unless `divisions: false`) and an app on it. */
export async function createTestApp(options: { divisions?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  if (options.divisions !== false) await importDivisions(database.db, '340822');
  const app = await buildApp({ database, logger: false });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
