import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Keeps the import direction of docs/ARCHITECTURE.md true: http → services → (domain, db); web → shared;
 * domain and shared are pure. A new top-level folder under src/ fails here until it is given its place.
 * The shared vocabulary (`shared/labels/`, `shared/lang.ts`: code lists with their zh/en labels) is the bottom
 * layer: the domain's rules, the schemas, the server's messages and the web all read it, and it imports nothing.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  vocabulary: ['vocabulary'],
  domain: ['domain', 'vocabulary'],
  shared: ['shared', 'domain', 'vocabulary'],
  web: ['web', 'shared', 'vocabulary'],
  db: ['db', 'domain', 'vocabulary'],
  services: ['services', 'domain', 'db', 'shared', 'vocabulary'],
  demo: ['demo', 'services', 'domain', 'db', 'shared', 'vocabulary'],
  http: ['http', 'services', 'domain', 'db', 'shared', 'vocabulary'],
  cli: ['cli', 'server.ts', 'http', 'demo', 'services', 'domain', 'db', 'shared', 'vocabulary'],
  'server.ts': ['http', 'demo', 'services', 'domain', 'db', 'shared', 'vocabulary'],
  'architecture.test.ts': [],
};

/** Packages that do I/O or talk to the database: the pure layers and the browser code never load them. */
const IO_PACKAGE = /^(node:|kysely$|pg$|pg-|@electric-sql\/|fastify|@fastify\/)/;
const PURE_LAYERS = new Set(['vocabulary', 'domain', 'shared', 'web']);

/** Hashing is computation, not I/O: the audit chain's rule (domain/audit-chain.ts) may use it. */
const PURE_NODE_MODULES = new Set(['node:crypto']);

/**
 * The ways into Kysely's query builder: a query starts at one of these methods, or is raw `sql` (or an
 * expression built with `expressionBuilder`) imported from kysely. Outside src/db none may appear; types such as
 * `Kysely` and `Transaction` may, since services open transactions and hand them to repositories.
 */
const QUERY_START = new Set([
  'selectFrom',
  'selectNoFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
]);
const QUERY_VALUES = new Set(['sql', 'expressionBuilder']);

const srcDir = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The layer of a path relative to src/: its first folder, except the shared vocabulary. */
function layerOfPath(rel: string): string {
  return rel.startsWith('shared/labels/') || rel === 'shared/lang.ts' ? 'vocabulary' : rel.split('/')[0]!;
}

const files = sourceFiles(srcDir).map((full) => {
  const rel = path.relative(srcDir, full).split(path.sep).join('/');
  return { rel, layer: layerOfPath(rel), full, text: readFileSync(full, 'utf8') };
});

/** The layer a relative import lands in (its first folder under src/), or undefined for a package. */
function importedLayer(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = path
    .relative(srcDir, path.resolve(path.dirname(fromFile), specifier))
    .split(path.sep)
    .join('/');
  return target.startsWith('..')
    ? `outside src (${target})`
    : layerOfPath(target.endsWith('.ts') ? target : `${target}.ts`);
}

function importsOf(file: (typeof files)[number]): string[] {
  return ts.preProcessFile(file.text, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * Counts query-builder entry points in one file from its syntax tree (so comments and strings do not count):
 * calls of a query-start method plus value imports of `sql`/`expressionBuilder` from kysely.
 */
function queryUses(text: string): number {
  const source = ts.createSourceFile('file.tsx', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  let count = 0;
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      QUERY_START.has(node.expression.name.text)
    ) {
      count += 1;
    }
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      node.moduleSpecifier.text === 'kysely' &&
      !node.importClause?.isTypeOnly &&
      node.importClause?.namedBindings &&
      ts.isNamedImports(node.importClause.namedBindings)
    ) {
      for (const element of node.importClause.namedBindings.elements) {
        if (!element.isTypeOnly && QUERY_VALUES.has((element.propertyName ?? element.name).text)) count += 1;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return count;
}

describe('import direction', () => {
  it('every top-level entry under src/ has a place in the layer table', () => {
    const unknown = [...new Set(files.map((f) => f.layer))].filter((layer) => !(layer in MAY_IMPORT));
    expect(unknown).toEqual([]);
  });

  // Unit tests beside the code are exempt: cross-checking a layer against another (the domain's fit table
  // against the migrated dictionary, the shared transitions against the service) is their job, and they ship nowhere.
  it('each layer imports only the layers below it', () => {
    const wrong = files
      .filter((f) => !f.rel.endsWith('.test.ts') && !f.rel.endsWith('.test.tsx'))
      .flatMap((f) =>
        importsOf(f).flatMap((spec) => {
          const to = importedLayer(f.full, spec);
          // Routes reach the database through services; only the plugins (the database itself, record lookups) use db.
          const allowed = f.rel.startsWith('http/routes/') ? to !== 'db' : true;
          return to === undefined || (allowed && MAY_IMPORT[f.layer]?.includes(to)) ? [] : [`${f.rel} → ${spec}`];
        }),
      );
    expect(wrong).toEqual([]);
  });

  it('domain, shared and web load no I/O package', () => {
    const wrong = files
      .filter((f) => PURE_LAYERS.has(f.layer) && !/\.test\.tsx?$/.test(f.rel))
      .flatMap((f) =>
        importsOf(f)
          .filter((spec) => IO_PACKAGE.test(spec) && !PURE_NODE_MODULES.has(spec))
          .map((spec) => `${f.rel} → ${spec}`),
      );
    expect(wrong).toEqual([]);
  });
});

describe('queries live in src/db', () => {
  // Issue 14 started with 109 uses in 41 files and a shrinking allow-list; it is empty now, so none may come back.
  it('no query builder outside src/db', () => {
    const uses = files
      .filter((f) => f.layer !== 'db' && f.rel !== 'architecture.test.ts')
      .flatMap((f) => (queryUses(f.text) > 0 ? [`${f.rel}: ${queryUses(f.text)}`] : []));
    expect(uses).toEqual([]);
  });

  it('recognises the query starts and raw sql it is meant to forbid', () => {
    expect(queryUses("import { sql, type Kysely } from 'kysely';\nawait db.selectFrom('x').execute();")).toBe(2);
    expect(queryUses("import type { Kysely } from 'kysely';\n/** calls db.selectFrom('x') */")).toBe(0);
    expect(queryUses("trx\n  .updateTable('users')\n  .set({})")).toBe(1);
  });
});
