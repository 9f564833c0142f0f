import { demoLogins } from '../db/repositories/demo-accounts.ts';
import { countyCodes } from '../db/repositories/users.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { startServer } from '../server.ts';
import { ensureWebBuilt } from './build-web.ts';

/** `lianxin serve`: build the web app when stale, start the server and say where to go. */
export async function serveCommand(options: {
  port: number;
  host: string;
  seed: boolean;
  build: boolean;
}): Promise<void> {
  if (options.build) ensureWebBuilt();
  const { app, database } = await startServer({
    port: options.port,
    host: options.host,
    seedDemo: options.seed,
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
  });
  const local = `http://localhost:${options.port}`;
  const [county] = await countyCodes(database.db);
  const code = county ?? '340822';
  console.log(`\n连心 Lianxin is running (${database.backend}: ${database.location})`);
  if (database.backend === 'pglite') {
    // PGlite never fsyncs (docs/operations.md): fine for the demo, not for a county's registry.
    console.log('  Durability PGlite: a power cut can lose saved work (no fsync). For real registry data use');
    console.log('             PostgreSQL (DATABASE_URL); see docs/operations.md');
  }
  if (app.webApp.served) console.log(`  Web app    ${local}/`);
  else console.log('  Web app    not built, serving the API only (run `npm run build`)');
  console.log(`  API        ${local}/api/counties/${code}/households`);
  console.log(`  API docs   ${local}/docs   (OpenAPI: ${local}/openapi.json)`);
  console.log(`  Stats      ${local}/api/counties/${code}/stats`);
  const demo = await demoLogins(database.db);
  if (demo.length > 0 && process.env.NODE_ENV !== 'production') {
    console.log(`  Demo logins (password ${DEMO_PASSWORD}; disabled when NODE_ENV=production):`);
    for (const d of demo)
      console.log(`    ${d.username.padEnd(24)} ${d.role.padEnd(18)} ${d.org_code} ${d.name ?? ''}`);
  }
  console.log('Press Ctrl+C to stop.');
}
