/** Read one help record with its edit history and photos. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type HelpRecordDetail, loadDetail } from './help-view.ts';

/** Record `id` of `county` (404 when unknown). */
export async function getHelpRecord(db: Kysely<Database>, county: string, id: number): Promise<HelpRecordDetail> {
  return loadDetail(db, county, id);
}
