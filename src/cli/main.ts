/**
 * `lianxin` — the command line: serve, migrate, seed, clock, import-divisions, stats, coverage, match, escalate, stars, flags,
 * user create, audit verify.
 * Batch jobs open PGlite inline in their own process (nothing else waits on them).
 */
import { Command } from 'commander';
import { describeError } from './describe-error.ts';

/**
 * An action that loads its command's module when it runs: `lianxin migrate` need not load the web server, nor
 * `lianxin seed` the matcher (every command used to load all of them, ~3.5 s of CPU before doing anything; the
 * tests start the CLI as a child process some twenty times a run).
 */
function lazy<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return async (...args: unknown[]): Promise<void> => {
    const command = (await load())[name] as (...a: unknown[]) => unknown;
    await command(...args);
  };
}

const program = new Command('lianxin')
  .description('连心 Lianxin — grid Party groups helping poor households (county registries)')
  .showHelpAfterError();

program
  .command('serve')
  .description('serve the API (and web app) on http://localhost:3000; seeds the demo county on first start')
  .option('-p, --port <port>', 'port', (v) => Number(v), Number(process.env.PORT ?? 3000))
  .option('--host <host>', 'address to bind', process.env.HOST ?? '0.0.0.0')
  .option('--no-seed', 'do not seed the demo county when the database is empty')
  .option('--no-build', 'do not build the web app even when dist/web is missing or stale')
  .action(lazy(() => import('./serve.ts'), 'serveCommand'));

program
  .command('migrate')
  .description('apply database migrations')
  .action(lazy(() => import('./migrate.ts'), 'migrateCommand'));

program
  .command('seed')
  .description('build the synthetic demo county (deterministic from --seed)')
  .option('--demo', 'seed the demo county (the only kind of seed for now)')
  .option('--seed <n>', 'random seed', (v) => Number(v), 20171)
  .option('--county <code>', 'county code (6 digits)', '340822')
  .option('--scale <x>', 'size relative to Huaining (1 = ~21,000 members)', (v) => Number(v), 1)
  .option('--if-empty', 'do nothing when the database already has org units')
  .option('--no-clock', 'do not anchor the demo clock (business time stays real time)')
  .action(lazy(() => import('./seed.ts'), 'seedCommand'));

program
  .command('clock')
  .description('the business date and whether the demo clock is on; --real removes the demo anchor, --demo sets it')
  .option('--real', 'remove the demo clock anchor (global, audited in every county)')
  .option('--demo', 'anchor the demo clock now at the demo date 2020-12-31 09:00 China (global, audited)')
  .option('--json', 'print one JSON object')
  .action(lazy(() => import('./clock.ts'), 'clockCommand'));

program
  .command('import-divisions')
  .description('create a county and its real townships from the shipped NBS division codes')
  .requiredOption('--county <code>', 'county code (6 digits), e.g. 340822')
  .action(lazy(() => import('./import-divisions.ts'), 'importDivisionsCommand'));

program
  .command('stats')
  .description('registry counts (townships, villages, members, households …)')
  .option('--json', 'print one JSON object')
  .option('--county <code>', 'only this county')
  .action(lazy(() => import('./stats.ts'), 'statsCommand'));

program
  .command('coverage')
  .description('gaps in the grid organisation: grids without a group, groups without a leader or instructors …')
  .option('--org <code>', 'a county, township or village code (default: every county in the database)')
  .option('--json', 'print one JSON object')
  .action(lazy(() => import('./coverage.ts'), 'coverageCommand'));

program
  .command('match')
  .description('suggest helpers for every household without one (optimal matching); --apply confirms them')
  .requiredOption('--org <code>', 'a county, township, village or natural village code')
  .option('--apply', 'confirm every suggestion as the system, in one transaction')
  .option('--start-on <date>', 'start date of the confirmed pairings (YYYY-MM-DD, default today)')
  .option('--json', 'print one JSON object')
  .action(lazy(() => import('./match.ts'), 'matchCommand'));

program
  .command('escalate')
  .description(
    'problems: --sweep escalates every overdue problem one level (county: flagged) and prints {checked, escalated}',
  )
  .option('--sweep', 'run the overdue sweep once')
  .option('--county <code>', 'only this county')
  .action(lazy(() => import('./escalate.ts'), 'escalateCommand'));

program
  .command('stars')
  .description('recompute a county-year of member points and star ratings from the records and print the figures')
  .requiredOption('--county <code>', 'county code (6 digits)')
  .requiredOption('--year <yyyy>', 'the year to rate')
  .option('--json', 'print one JSON object')
  .action(lazy(() => import('./stars.ts'), 'starsCommand'));

program
  .command('flags')
  .description("recompute the anomaly flags of a county's help records and print {records, flagged, byKind, …}")
  .requiredOption('--county <code>', 'county code (6 digits)')
  .option('--json', 'print one JSON object')
  .action(lazy(() => import('./flags.ts'), 'flagsCommand'));

program
  .command('template')
  .description('write the .xlsx import template of a kind (org-units | members | households)')
  .requiredOption('--kind <kind>', 'org-units | members | households')
  .requiredOption('--out <file>', 'the .xlsx file to write')
  .action(lazy(() => import('./data-files.ts'), 'templateCommand'));

program
  .command('import')
  .description(
    'check (and unless --dry-run, apply) a spreadsheet of a kind; prints {rows, valid, invalid, created, updated, unchanged}',
  )
  .requiredOption('--kind <kind>', 'org-units | members | households')
  .requiredOption('--file <path>', '.xlsx or .csv file (at most 50 MB)')
  .option('--county <code>', 'county code (6 digits)', '340822')
  .option('--dry-run', 'check only: write nothing')
  .option('--whole-file', 'apply the whole file in one transaction (default: each household all-or-nothing)')
  .option('--json', 'print one JSON object')
  .action(lazy(() => import('./data-files.ts'), 'importCommand'));

program
  .command('export')
  .description('export a kind under a division as .xlsx or .csv (by the file name): complete, unmasked, audited')
  .requiredOption('--kind <kind>', 'org-units | members | households')
  .requiredOption('--org <code>', 'a county, township, village or natural village code')
  .requiredOption('--out <path>', 'the .xlsx or .csv file to write')
  .action(lazy(() => import('./data-files.ts'), 'exportCommand'));

const user = program.command('user').description('accounts');
user
  .command('create')
  .description('create an account with one role granted on an org unit (e.g. the first county admin)')
  .requiredOption('--username <name>', 'login name (3–40 letters, digits, _ . -)')
  .requiredOption(
    '--role <role>',
    'county_admin | township_admin | village_secretary | instructor | group_leader | member | auditor',
  )
  .requiredOption('--org <code>', 'org unit code the role covers (with its subtree), e.g. 340822')
  .option('--password <password>', 'initial password (8+ characters, a letter and a digit); generated when absent')
  .option('--phone <phone>', 'mobile number, also usable to log in')
  .option('--name <name>', 'display name')
  .option('--member <id>', 'roles member and group_leader: the Party member the user is (a leader leads a group there)')
  .action(lazy(() => import('./user.ts'), 'userCreateCommand'));

const audit = program.command('audit').description('the tamper-evident audit trail');
audit
  .command('verify')
  .description('re-compute the hash chains; reports the first broken link (exit code 1)')
  .option('--county <code>', 'only this county')
  .option('--json', 'one JSON report per county')
  .action(lazy(() => import('./audit.ts'), 'auditVerifyCommand'));

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`lianxin: ${describeError(error)}`);
  process.exit(1);
});
