/** Shares the database handle with every route as `app.db` (Kysely) and `app.database` (handle). */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/kysely.ts';
import type { Database } from '../../db/schema.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    database: DatabaseHandle;
  }
}

async function databasePlugin(app: FastifyInstance, options: { database: DatabaseHandle }): Promise<void> {
  app.decorate('database', options.database);
  app.decorate('db', options.database.db);
}

export default fp(databasePlugin, { name: 'database' });
