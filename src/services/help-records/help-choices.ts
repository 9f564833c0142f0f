/**
 * The help form's choices for one household: the head's name, the open needs, the current helpers. A separate
 * read (not the household record) because the phone keeps it for offline use: only what the form shows.
 */
import type { Kysely } from 'kysely';
import { currentHelpersOf, householdOf, openNeedsOf } from '../../db/repositories/help-record-parts.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { HOUSEHOLD } from '../../domain/help-records.ts';
import type { HelpChoices } from '../../shared/schemas/help-record.ts';

export async function helpChoices(db: Kysely<Database>, county: string, householdId: number): Promise<HelpChoices> {
  const [household, needs, helpers] = await Promise.all([
    householdOf(db, county, householdId),
    openNeedsOf(db, county, householdId),
    currentHelpersOf(db, county, householdId),
  ]);
  if (!household) throw AppError.notFound(HOUSEHOLD);
  return {
    householdId,
    headName: household.head_name,
    needs: needs.map((n) => ({ id: Number(n.id), need: n.need, detail: n.detail })),
    helpers: helpers.map((h) => ({ id: Number(h.id), name: h.name })),
  };
}
