/** Record a visit or act of help (帮扶纪实: 记录), retry-safe by the client's id. */

import type { Kysely } from 'kysely';
import { type CreateFacts, createFacts } from '../../db/repositories/help-record-parts.ts';
import { type InsertedRecord, idByClientId, insertRecordsOnce } from '../../db/repositories/help-records.ts';
import type { Database } from '../../db/schema.ts';
import { inScope } from '../../domain/access/roles.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { HELP_RECORD, HOUSEHOLD } from '../../domain/help-records.ts';
import type { Actor } from '../access/actor.ts';
import { currentContext, type RequestContext } from '../audit/request-context.ts';
import { flagNewRecords, type StoredRecord } from '../record-trust/flag-records.ts';
import { write } from '../write.ts';
import { CountyBatcher, type Settled } from './create-batcher.ts';
import { resolveHelper } from './help-actor.ts';
import { checkedFields, type HelpFieldsInput } from './help-fields.ts';
import { type HelpRecordDetail, loadDetail, toView } from './help-view.ts';

export interface CreateHelpInput extends HelpFieldsInput {
  clientId: string;
  householdId: number;
  memberId?: number | undefined;
}

/** The stored record, and whether this call created it (false: a retry of an earlier create). */
export interface CreateResult {
  record: HelpRecordDetail;
  created: boolean;
}

/** One create as its request asked for it. */
interface CreateRequest {
  county: string;
  actor: Actor;
  writeRoots: readonly string[];
  input: CreateHelpInput;
  context: RequestContext;
  today: string;
}

/** What a batch answers a create: the new record, or the id of the one stored already under its clientId. */
type CreateOutcome = { created: true; record: HelpRecordDetail } | { created: false; id: number | null };

/**
 * Creates the record, audited in the same transaction, group-committed with the county's concurrent creates
 * (see create-batcher.ts). The same `clientId` again returns the stored record and stores nothing: the unique
 * (county, client_id) constraint with ON CONFLICT DO NOTHING makes this hold even for concurrent retries.
 * `writeRoots` is where the actor holds help.write: a stored record outside it is 404, so client ids cannot
 * be probed.
 */
export async function createHelpRecord(
  db: Kysely<Database>,
  county: string,
  actor: Actor,
  writeRoots: readonly string[],
  input: CreateHelpInput,
): Promise<CreateResult> {
  const request = { county, actor, writeRoots, input, context: { ...currentContext() }, today: chinaDateOf() };
  const outcome = await batcherOf(db).submit(county, request);
  if (outcome.created) return outcome;
  // Stored before, or a concurrent request with the same clientId won.
  const id = outcome.id ?? (await idByClientId(db, county, input.clientId));
  if (id === null) throw AppError.notFound(HELP_RECORD);
  const record = await loadDetail(db, county, id);
  if (!inScope(record.naturalVillageCode, writeRoots)) throw AppError.notFound(HELP_RECORD);
  return { record, created: false };
}

/**
 * Creates several records (an offline queue syncing), each on its own: one record's refusal does not stop the
 * others. They join the same group commit, so a batch costs about one round trip and one transaction.
 */
export function createHelpRecords(
  db: Kysely<Database>,
  county: string,
  actor: Actor,
  writeRoots: readonly string[],
  inputs: readonly CreateHelpInput[],
): Promise<PromiseSettledResult<CreateResult>[]> {
  return Promise.allSettled(inputs.map((input) => createHelpRecord(db, county, actor, writeRoots, input)));
}

const batchers = new WeakMap<Kysely<Database>, CountyBatcher<CreateRequest, CreateOutcome>>();

/** The create batcher of a database handle (one per app). */
function batcherOf(db: Kysely<Database>): CountyBatcher<CreateRequest, CreateOutcome> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new CountyBatcher((county, batch) => createBatch(db, county, batch));
    batchers.set(db, batcher);
  }
  return batcher;
}

/** A create that passed its checks, with the facts it was checked against. */
interface Ready {
  index: number;
  request: CreateRequest;
  facts: CreateFacts;
  helper: { memberId: number; pairingId: number };
  fields: ReturnType<typeof checkedFields>;
}

/**
 * One batch: the facts of every create in one query, each checked on its own (404 / 422 answer only that
 * create), then one transaction inserting the new rows and appending their audit entries. The answers are
 * built from the inserted rows and the facts: no read after the write.
 */
async function createBatch(
  db: Kysely<Database>,
  county: string,
  batch: CreateRequest[],
): Promise<Settled<CreateOutcome>[]> {
  const facts = await createFacts(
    db,
    county,
    batch.map(({ input }) => ({ ...input, needId: input.needId ?? null })),
  );
  const answers: Settled<CreateOutcome>[] = [];
  const ready: Ready[] = [];
  batch.forEach((request, index) => {
    const f = facts[index] as CreateFacts;
    if (f.existing_id !== null) answers[index] = { ok: true, value: { created: false, id: f.existing_id } };
    else {
      try {
        ready.push({ index, request, facts: f, ...check(request, f) });
      } catch (error) {
        answers[index] = { ok: false, error };
      }
    }
  });
  if (ready.length === 0) return answers;
  // Each entry carries the context of the request it came from: one transaction serves the whole batch.
  const { rows: inserted, flags } = await write(db, county, async (ctx) => {
    const rows = await insertRecordsOnce(
      ctx.tx,
      county,
      ready.map((r) => newRow(r)),
    );
    const firsts = ready.filter(
      (r, i) => ready.findIndex((s) => s.request.input.clientId === r.request.input.clientId) === i,
    );
    const stored: StoredRecord[] = [];
    for (const r of firsts) {
      const row = rows.get(r.request.input.clientId);
      if (!row) continue;
      ctx.audit(auditOf(r, Number(row.id)), r.request.context);
      stored.push(storedOf(r, Number(row.id)));
    }
    const flags = flagOnIngest ? await flagNewRecords(ctx, stored) : new Map();
    return { rows, flags };
  });
  const answered = new Set<string>();
  for (const r of ready) {
    const clientId = r.request.input.clientId;
    const row = inserted.get(clientId);
    // The same clientId twice in one batch: the first is the creation, the others are retries.
    answers[r.index] = {
      ok: true,
      value:
        row && !answered.has(clientId)
          ? { created: true, record: detailOf(row, r, flags.get(Number(row.id)) ?? []) }
          : { created: false, id: row ? Number(row.id) : null },
    };
    answered.add(clientId);
  }
  return answers;
}

/** Checks household, helper and fields against the facts read (404 / 422). */
function check({ county, actor, writeRoots, input, today }: CreateRequest, facts: CreateFacts) {
  const unit = facts.natural_village_code;
  if (unit === null || !inScope(unit, writeRoots)) throw AppError.notFound(HOUSEHOLD);
  const helper = resolveHelper(actor, county, unit, facts.helpers, input.memberId);
  const fields = checkedFields(input, today, { measureOk: facts.measure_ok, needOk: facts.need_ok });
  return { helper, fields };
}

/**
 * Whether new records are flagged as they are stored (default on). The ingest benchmark turns it off to measure
 * what flagging adds; `LIANXIN_FLAG_ON_INGEST=0` does the same for a server.
 */
let flagOnIngest = process.env.LIANXIN_FLAG_ON_INGEST !== '0';

/** Turns flagging on ingest on or off (bench/record-flags.ts). */
export function setFlagOnIngest(on: boolean): void {
  flagOnIngest = on;
}

function storedOf({ request, facts, helper, fields }: Ready, id: number): StoredRecord {
  return {
    id,
    visitedOn: fields.visitedOn,
    memberId: helper.memberId,
    householdId: request.input.householdId,
    naturalVillageCode: facts.natural_village_code as string,
  };
}

function newRow({ request, helper, fields }: Ready) {
  const { clientId, householdId } = request.input;
  return { ...fields, clientId, householdId, createdBy: request.actor.userId, ...helper };
}

function auditOf({ request, facts, helper, fields }: Ready, recordId: number) {
  return {
    action: 'help_record.create',
    table: 'assistance_record',
    recordId,
    orgCode: facts.natural_village_code as string,
    diff: {
      household_id: [null, request.input.householdId],
      member_id: [null, helper.memberId],
      visited_on: [null, fields.visitedOn],
      measure: [null, fields.measure],
      need_id: [null, fields.needId],
      solved_need: [null, fields.solvedNeed],
      content: [null, fields.content],
    } satisfies Record<string, [unknown, unknown]>,
  };
}

/** The new record as the API shows it, from its inserted row and the facts it was checked against. */
function detailOf(row: InsertedRecord, { facts, helper }: Ready, flags: HelpRecordDetail['flags']): HelpRecordDetail {
  const memberName = facts.helpers.find((h) => h.memberId === helper.memberId)?.memberName ?? '';
  const view = toView({
    ...row,
    head_name: facts.head_name as string,
    natural_village_code: facts.natural_village_code as string,
    member_name: memberName,
    need: facts.need,
  });
  return { ...view, versions: [], photos: [], flags };
}
