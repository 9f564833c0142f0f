/**
 * Writes the units a dry run found valid, through the write envelope in batches. Mode 'household' (default): each
 * unit is all-or-nothing — a batch that fails is retried unit by unit, so one bad household never takes others
 * with it; mode 'file': the whole file in one transaction, or nothing. Cancelling stops between batches (household
 * mode keeps the batches committed, never half a household; file mode rolls everything back). The remembered
 * reads (memos, dashboard summary) are told once at the end, not after every batch.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { announce, type Topic } from '../county-memo.ts';
import { dashboardTouched } from '../dashboard/dashboard-touched.ts';
import { type WriteContext, write } from '../write.ts';
import type { KindContext, KindDefinition, Unit } from './kind.ts';
import type { ImportCounts } from './types.ts';

export type ApplyMode = 'household' | 'file';

export interface ApplyOptions {
  mode?: ApplyMode;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  cancelled?: () => boolean;
}

class Cancelled extends Error {}

/** A write context whose announcements are collected for the end instead of after each batch. */
function collecting(w: WriteContext, topics: Set<Topic>, villages: Set<string>): WriteContext {
  return {
    tx: w.tx,
    county: w.county,
    audit: (entry, context) => w.audit(entry, context),
    changed: (...names) => {
      for (const name of names) topics.add(name);
    },
    touched: (...codes) => {
      for (const code of codes) if (typeof code === 'string') villages.add(code);
    },
  };
}

const writeFailed = (unit: Unit<unknown>, error: unknown) => {
  const message =
    error instanceof AppError
      ? error.localized
      : { zh: '写入数据库时被拒绝', en: String((error as Error)?.message ?? error) };
  unit.problems.push({ ...unit.place(''), code: 'write_failed', message });
  unit.action = 'invalid';
};

/** Writes the valid units; answers the counts of what was written (invalid ones include units refused at write). */
export async function applyUnits(
  db: Kysely<Database>,
  definition: KindDefinition,
  ctx: KindContext,
  units: Unit<unknown>[],
  options: ApplyOptions = {},
): Promise<Pick<ImportCounts, 'created' | 'updated' | 'invalid'>> {
  const todo = units.filter((u) => u.action === 'create' || u.action === 'update');
  const size = options.batchSize ?? 200;
  const topics = new Set<Topic>();
  const villages = new Set<string>();
  const batches: Unit<unknown>[][] = [];
  for (let i = 0; i < todo.length; i += size) batches.push(todo.slice(i, i + size));
  let done = 0;
  const step = async (w: WriteContext, batch: Unit<unknown>[]) =>
    definition.apply(collecting(w, topics, villages), ctx, batch as never);
  if (options.mode === 'file') {
    await write(db, ctx.county, async (w) => {
      for (const batch of batches) {
        if (options.cancelled?.()) throw new Cancelled();
        await step(w, batch);
        done += batch.length;
        options.onProgress?.(done, todo.length);
      }
    });
  } else {
    for (const batch of batches) {
      if (options.cancelled?.()) break;
      try {
        await write(db, ctx.county, (w) => step(w, batch));
      } catch {
        for (const unit of batch) {
          await write(db, ctx.county, (w) => step(w, [unit])).catch((error) => writeFailed(unit, error));
        }
      }
      done += batch.length;
      options.onProgress?.(done, todo.length);
    }
  }
  announce(ctx.county, topics);
  if (villages.size > 0) await dashboardTouched(db, ctx.county, [...villages]);
  const written = todo.slice(0, done);
  return {
    created: written.filter((u) => u.action === 'create').length,
    updated: written.filter((u) => u.action === 'update').length,
    invalid: units.filter((u) => u.action === 'invalid').length,
  };
}

/** Whether an error is the cancellation of a whole-file apply (rolled back). */
export const isCancelled = (error: unknown): boolean => error instanceof Cancelled;
