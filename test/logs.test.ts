/** Request logs keep the path and the names of query parameters, never their values (searched ID numbers, phones). */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../src/db/kysely.ts';
import { buildApp } from '../src/http/app.ts';
import { redactQuery } from '../src/http/log-serializers.ts';
import { importDivisions } from '../src/services/import-divisions.ts';
import { type Inject, signInAs } from './app.ts';
import { createTestDatabase } from './database.ts';

// Synthetic values, shaped like a resident ID number and a mobile phone.
const ID_NUMBER = '34082219900101123X';
const PHONE = '13800138000';

describe('request logs', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let inject: Inject;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await importDivisions(database.db, '340822');
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    app = await buildApp({ database, logger: { level: 'info', stream }, trustProxy: false });
    await app.ready();
    inject = await signInAs(app, database, 'county_admin', '340822');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  test('searches by ID number or phone are logged with the parameter names only', async () => {
    lines.length = 0;
    const households = await inject({ url: `/api/counties/340822/households?q=${ID_NUMBER}&page=1` });
    expect(households.statusCode).toBe(200);
    const members = await inject({ url: `/api/counties/340822/members?q=${PHONE}` });
    expect(members.statusCode).toBe(200);
    await app.inject({ url: `/api/nowhere?phone=${PHONE}` }); // unknown routes and anonymous callers too
    const log = lines.join('');
    expect(log).toContain('/api/counties/340822/households?q=***&page=***');
    expect(log).toContain('/api/counties/340822/members?q=***');
    expect(log).toContain('/api/nowhere?phone=***');
    expect(log).not.toContain(ID_NUMBER);
    expect(log).not.toContain(PHONE);
  });

  test('redactQuery keeps the path and every parameter name, masks every value', () => {
    expect(redactQuery('/a/b')).toBe('/a/b');
    expect(redactQuery('/a?')).toBe('/a?');
    expect(redactQuery('/a?q=1&q=2&flag&x=%E4%B8%AD')).toBe('/a?q=***&q=***&flag=***&x=***');
  });
});
