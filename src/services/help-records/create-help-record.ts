/** Record a visit or act of help (帮扶纪实: 记录), retry-safe by the client's id. */
import type { Kysely } from 'kysely';
import { type CreateFacts, createFacts } from '../../db/repositories/help-record-parts.ts';
import { idByClientId } from '../../db/repositories/help-records.ts';
import type { Database } from '../../db/schema.ts';
import { inScope } from '../../domain/access/roles.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { HELP_RECORD, HOUSEHOLD } from '../../domain/help-records.ts';
import { currentContext } from '../audit/request-context.ts';
import { createBatcher, type PreparedRecord } from './create-batcher.ts';
import { type HelpActor, resolveHelper } from './help-actor.ts';
import { checkFields, type HelpFieldsInput } from './help-fields.ts';
import { type HelpRecordDetail, loadDetail, loadNew } from './help-view.ts';

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

/** Checks household, helper and fields against the facts read (404 / 422); the row with its audit entry. */
async function prepare(
  db: Kysely<Database>,
  county: string,
  actor: HelpActor,
  writeRoots: readonly string[],
  input: CreateHelpInput,
  facts: CreateFacts,
): Promise<PreparedRecord> {
  const unit = facts.natural_village_code;
  if (unit === null || !inScope(unit, writeRoots)) throw AppError.notFound(HOUSEHOLD);
  const helper = resolveHelper(actor, unit, facts.helpers, input.memberId);
  const known = { measureOk: facts.measure_ok, needOk: facts.need_ok };
  const fields = await checkFields(db, county, input.householdId, input, chinaDateOf(), known);
  const row = { ...fields, clientId: input.clientId, householdId: input.householdId, createdBy: actor.userId };
  return {
    row: { ...row, memberId: helper.memberId, pairingId: helper.pairingId },
    context: { ...currentContext() },
    audit: {
      action: 'help_record.create',
      table: 'assistance_record',
      orgCode: unit,
      diff: {
        household_id: [null, input.householdId],
        member_id: [null, helper.memberId],
        visited_on: [null, fields.visitedOn],
        measure: [null, fields.measure],
        need_id: [null, fields.needId],
        solved_need: [null, fields.solvedNeed],
        content: [null, fields.content],
      },
    },
  };
}

/**
 * Creates the record, audited in the same transaction (group-committed with concurrent creates of the county,
 * see create-batcher.ts). The same `clientId` again returns the stored record and stores nothing: the unique
 * (county, client_id) constraint with ON CONFLICT DO NOTHING makes this hold even for concurrent retries.
 * `writeRoots` is where the actor holds help.write: a stored record outside it is 404, so client ids cannot
 * be probed.
 */
export async function createHelpRecord(
  db: Kysely<Database>,
  county: string,
  actor: HelpActor,
  writeRoots: readonly string[],
  input: CreateHelpInput,
): Promise<CreateResult> {
  const needId = input.needId ?? null;
  const facts = await createFacts(db, county, { ...input, needId });
  if (facts.existing_id !== null) {
    return { record: await storedRecord(db, county, facts.existing_id, writeRoots), created: false };
  }
  const prepared = await prepare(db, county, actor, writeRoots, input, facts);
  const id = await createBatcher(db).insert(county, prepared);
  if (id === null) {
    // A concurrent request with the same clientId won: answer with its record.
    const raced = await idByClientId(db, county, input.clientId);
    if (raced === null) throw AppError.notFound(HELP_RECORD);
    return { record: await storedRecord(db, county, raced, writeRoots), created: false };
  }
  return { record: await loadNew(db, county, id), created: true };
}

/** The stored record `id`, 404 outside the caller's write scope (client ids cannot be probed). */
async function storedRecord(db: Kysely<Database>, county: string, id: number, roots: readonly string[]) {
  const record = await loadDetail(db, county, id);
  if (!inScope(record.naturalVillageCode, roots)) throw AppError.notFound(HELP_RECORD);
  return record;
}
