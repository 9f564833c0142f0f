import { chinaDateOf } from '../domain/dates.ts';
import { applySuggestions } from '../services/pairing/apply-suggestions.ts';
import { loadMatchInput, resolveScope } from '../services/pairing/load-match-input.ts';
import { solve } from '../services/pairing/suggest-pairings.ts';
import { withJobDatabase } from './job-database.ts';

export interface MatchCommandOptions {
  org: string;
  apply?: boolean;
  startOn?: string;
  json?: boolean;
}

function validate(options: MatchCommandOptions): string {
  if (!/^[0-9]{6}([0-9]{3}){0,3}$/.test(options.org)) {
    throw new Error(`--org must be a division code of 6, 9, 12 or 15 digits, not "${options.org}"`);
  }
  const today = chinaDateOf();
  const startOn = options.startOn ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startOn) || Number.isNaN(Date.parse(startOn)) || startOn > today) {
    throw new Error(`--start-on must be a date (YYYY-MM-DD) not after today, not "${startOn}"`);
  }
  return startOn;
}

/**
 * `lianxin match --org <code> [--apply] [--start-on YYYY-MM-DD] [--json]`: matches the unit's members to its
 * households without a helper and prints the summary with timing; `--apply` confirms every suggestion as the
 * system in one transaction.
 */
export async function matchCommand(options: MatchCommandOptions): Promise<void> {
  await withJobDatabase(async ({ db }) => {
    // Validated once the business clock is loaded: "not after today" is the business today.
    const startOn = validate(options);
    const county = options.org.slice(0, 6);
    const scope = await resolveScope(db, county, options.org);
    const loaded = await loadMatchInput(db, county, scope);
    const { result, solveMs } = solve(loaded);
    const out: Record<string, unknown> = {
      org: options.org,
      reach: scope.reach,
      ...result.summary,
      shortfallVillages: result.shortfall.length,
      loadMs: Math.round(loaded.loadMs),
      solveMs: Math.round(solveMs),
    };
    if (options.apply) {
      const started = performance.now();
      out.applied = await applySuggestions(db, county, loaded, result.suggestions, () => startOn);
      out.applyMs = Math.round(performance.now() - started);
    }
    if (options.json) console.log(JSON.stringify(out));
    else for (const [key, value] of Object.entries(out)) console.log(`${key.padEnd(24)} ${value}`);
  });
}
