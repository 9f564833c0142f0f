/**
 * Migrates one template database per run of an integration project, so that each test file clones it instead
 * of running every migration again (test/database.ts):
 * - PGlite: a fresh in-memory database is migrated and its data directory dumped to a tarball, which each file
 *   loads (PGlite's `loadDataDir`); the tarball is removed after the run.
 * - PostgreSQL: a database `lianxin_template_<hash of the migrations>` is created and migrated once (kept for
 *   later runs with the same migrations, like PostgreSQL's own template1), and each file creates its database
 *   from it with CREATE DATABASE … TEMPLATE.
 * test/migrations.test.ts still migrates from scratch (createTestDatabase({ fromScratch: true })).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../src/db/migrate.ts';
import { pgliteSessionDialect } from '../src/db/pglite-driver.ts';
import { pgliteOptions } from '../src/db/pglite-options.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: the tarball of a migrated data directory. */
    pgliteTemplate: string;
    /** PostgreSQL: the name of the migrated template database. */
    postgresTemplate: string;
  }
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../src/db/migrations/', import.meta.url));

/** A short hash of every migration's source: a changed migration gets a new template. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(file);
    hash.update(readFileSync(join(MIGRATIONS_DIR, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function pgliteTemplate(): Promise<{ path: string; remove(): void }> {
  const pglite = new PGlite(pgliteOptions(undefined));
  const db = new Kysely({ dialect: pgliteSessionDialect(pglite) });
  try {
    await migrateToLatest(db);
    const tarball = await pglite.dumpDataDir('none');
    const dir = mkdtempSync(join(tmpdir(), 'lianxin-template-'));
    const path = join(dir, 'pgdata.tar');
    writeFileSync(path, Buffer.from(await tarball.arrayBuffer()));
    return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
  } finally {
    await db.destroy();
  }
}

/**
 * Creates the template database when it is missing. Runs of other checkouts may share the server, so the
 * work is done under an advisory lock, in a database of a temporary name that is renamed only once migrated:
 * a template that exists is always complete.
 */
async function postgresTemplate(): Promise<string> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set for the PostgreSQL suite');
  const name = `lianxin_template_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`select pg_advisory_lock(hashtext('lianxin test template'))`);
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return name;
    const building = `${name}_building`;
    await admin.query(`drop database if exists ${building} with (force)`);
    await admin.query(`create database ${building}`);
    const url = new URL(base);
    url.pathname = `/${building}`;
    const db = new Kysely({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }),
    });
    try {
      await migrateToLatest(db);
    } finally {
      await db.destroy();
    }
    await admin.query(`alter database ${building} rename to ${name}`);
    await admin.query(`alter database ${name} is_template true`);
    return name;
  } finally {
    await admin.query(`select pg_advisory_unlock(hashtext('lianxin test template'))`).catch(() => {});
    await admin.end();
  }
}

export default async function setup(project: TestProject) {
  if (project.config.env?.LIANXIN_TEST_BACKEND === 'postgres') {
    project.provide('postgresTemplate', await postgresTemplate());
    return;
  }
  const template = await pgliteTemplate();
  project.provide('pgliteTemplate', template.path);
  return () => template.remove();
}
