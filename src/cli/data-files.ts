/**
 * `lianxin template | import | export`: spreadsheets in and out for one county, as the system (the audit trail
 * names the system as the actor). Import prints the dry run's counts and problems; without --dry-run it then
 * applies the valid units with a progress line on stderr and prints what was written.
 */
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { exportKind } from '../services/exports/export-kind.ts';
import { applyUnits } from '../services/imports/apply-import.ts';
import { checkFile } from '../services/imports/check-file.ts';
import { writeTemplate } from '../services/imports/template.ts';
import { FileRefused, IMPORT_KINDS, type ImportKind, MAX_FILE_BYTES } from '../services/imports/types.ts';
import { withJobDatabase } from './job-database.ts';

function kindOf(kind: string): ImportKind {
  if ((IMPORT_KINDS as readonly string[]).includes(kind)) return kind as ImportKind;
  throw new Error(`--kind must be one of ${IMPORT_KINDS.join(', ')}, not "${kind}"`);
}

/** `lianxin template --kind <kind> --out <file>`. */
export async function templateCommand(options: { kind: string; out: string }): Promise<void> {
  const kind = kindOf(options.kind);
  await withJobDatabase(async ({ db }) => {
    const out = createWriteStream(options.out);
    await writeTemplate(db, kind, out);
    await finished(out);
    console.log(`template ${kind} written to ${options.out}`);
  });
}

export interface ImportCommandOptions {
  kind: string;
  file: string;
  county?: string;
  dryRun?: boolean;
  json?: boolean;
  wholeFile?: boolean;
}

function readUpload(path: string): Uint8Array {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) {
    throw new Error(`${path} is ${(size / 1048576).toFixed(1)} MB, over the 50 MB limit: split it by township`);
  }
  return readFileSync(path);
}

/** `lianxin import --kind <kind> --file <path> [--county <code>] [--dry-run] [--json] [--whole-file]`. */
export async function importCommand(options: ImportCommandOptions): Promise<void> {
  const kind = kindOf(options.kind);
  const county = options.county ?? '340822';
  if (!/^[0-9]{6}$/.test(county)) throw new Error(`--county must be a 6-digit county code, not "${county}"`);
  const bytes = readUpload(options.file);
  await withJobDatabase(async ({ db }) => {
    const started = performance.now();
    const result = await checkFile(db, county, kind, bytes).catch((error) => {
      if (error instanceof FileRefused) throw new Error(`${error.localized.zh} (${error.localized.en})`);
      throw error;
    });
    const out: Record<string, unknown> = {
      kind,
      county,
      ...result.counts,
      dryRun: Boolean(options.dryRun),
      checkMs: Math.round(performance.now() - started),
    };
    if (!options.dryRun && result.counts.created + result.counts.updated > 0) {
      const applyStarted = performance.now();
      const written = await applyUnits(db, result.definition, result.ctx, result.units, {
        mode: options.wholeFile ? 'file' : 'household',
        onProgress: (done, total) => process.stderr.write(`\rimport ${kind}: ${done}/${total}`),
      });
      process.stderr.write('\n');
      Object.assign(out, written, { applyMs: Math.round(performance.now() - applyStarted) });
    } else if (!options.dryRun) Object.assign(out, { created: 0, updated: 0 });
    const problems = result.units.flatMap((u) => u.problems);
    out.problems = [...result.problems.filter((p) => !problems.includes(p)), ...problems].length;
    if (options.json) console.log(JSON.stringify({ ...out, notices: result.notices.map((n) => n.zh) }));
    else {
      for (const [key, value] of Object.entries(out)) console.log(`${key.padEnd(12)} ${value}`);
      for (const n of result.notices) console.log(`注意: ${n.zh}`);
    }
    for (const p of result.problems.slice(0, options.json ? 0 : 50)) {
      console.log(`${p.sheet} 第${p.row ?? '-'}行 ${p.header ?? ''}: ${p.message.zh}`);
    }
  });
}

/** `lianxin export --kind <kind> --org <code> --out <path>`: complete and unmasked, as the system, audited. */
export async function exportCommand(options: { kind: string; org: string; out: string }): Promise<void> {
  const kind = kindOf(options.kind);
  if (!/^[0-9]{6}([0-9]{3}){0,3}$/.test(options.org))
    throw new Error(`--org must be a division code, not "${options.org}"`);
  const format = options.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  await withJobDatabase(async ({ db }) => {
    const out = createWriteStream(options.out);
    const { rows } = await exportKind(db, options.org.slice(0, 6), kind, options.org, out, {
      format,
      mask: false,
      audit: true,
    });
    await finished(out);
    console.log(`${kind}: ${rows} rows written to ${options.out}`);
  });
}
