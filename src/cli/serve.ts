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
  const county = await database.db
    .selectFrom('org_unit')
    .where('level', '=', 'county')
    .select('code')
    .executeTakeFirst();
  const code = county?.code ?? '340822';
  console.log(`\n连心 Lianxin is running (${database.backend}: ${database.location})`);
  if (app.webApp.served) console.log(`  Web app    ${local}/`);
  else console.log('  Web app    not built, serving the API only (run `npm run build`)');
  console.log(`  API        ${local}/api/counties/${code}/households`);
  console.log(`  API docs   ${local}/docs   (OpenAPI: ${local}/openapi.json)`);
  console.log(`  Stats      ${local}/api/counties/${code}/stats`);
  console.log('Press Ctrl+C to stop.');
}
