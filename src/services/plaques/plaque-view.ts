/**
 * A plaque as the API gives it, built from rows that hold no sensitive column (see repositories/plaques.ts):
 * labels for the household's codes, the helper's published number, the year's published commitments.
 */
import type { Kysely } from 'kysely';
import { dictionaryLabels, type PlaqueRow, publishedCommitmentItems } from '../../db/repositories/plaques.ts';
import type { Database } from '../../db/schema.ts';
import { maskPiiInText } from '../../domain/pii-text.ts';

type Labels = (kind: string, code: string) => { code: string; zh: string; en: string };

/** One published commitment item as a plaque shows it. */
export interface PlaqueCommitmentItem {
  position: number;
  content: string;
  dueOn: string | null;
  fulfilled: boolean;
}
/** A member's latest published commitment year up to the plaque's year, with its items. */
export type CommitmentsByMember = Map<number, { year: number; items: PlaqueCommitmentItem[] }>;

/** Label lookup for the household codes a plaque shows (one query). */
export async function plaqueLabels(db: Kysely<Database>): Promise<Labels> {
  const rows = await dictionaryLabels(db, ['attribute', 'cause', 'household_status']);
  const byKey = new Map(rows.map((r) => [`${r.kind}:${r.code}`, r]));
  return (kind, code) => {
    const row = byKey.get(`${kind}:${code}`);
    return { code, zh: row?.zh ?? code, en: row?.en ?? code };
  };
}

/** Published commitment items of each helper's latest year up to `year`, by member id. */
export async function commitmentsByMember(
  db: Kysely<Database>,
  county: string,
  rows: PlaqueRow[],
  year: number,
): Promise<CommitmentsByMember> {
  const memberIds = [...new Set(rows.map((r) => Number(r.member_id)))];
  const items = await publishedCommitmentItems(db, county, memberIds, year);
  const byMember: CommitmentsByMember = new Map();
  for (const item of items) {
    const entry = byMember.get(Number(item.member_id)) ?? { year: item.year, items: [] };
    entry.items.push({
      position: item.position,
      content: maskPiiInText(item.content),
      dueOn: item.due_on,
      fulfilled: item.fulfilled_on !== null,
    });
    byMember.set(Number(item.member_id), entry);
  }
  return byMember;
}

/** The fields shared by the printed plaque and the public page. */
export function plaqueContent(row: PlaqueRow, labels: Labels, commitments: CommitmentsByMember, year: number) {
  return {
    county: row.county_code,
    plaqueCode: row.plaque_code,
    startedOn: row.started_on,
    household: {
      headName: row.head_name,
      naturalVillageName: row.natural_village_name,
      villageName: row.village_name,
      attribute: labels('attribute', row.attribute),
      mainCause: labels('cause', row.main_cause),
      status: labels('household_status', row.status),
    },
    helper: {
      name: row.helper_name,
      workUnit: row.work_unit,
      post: row.post,
      publicPhone: row.public_phone,
    },
    // Printed on the door and served to anyone with the QR code: free texts never carry a personal number.
    measures: maskPiiInText(row.measures),
    commitmentYear: commitments.get(Number(row.member_id))?.year ?? year,
    commitments: commitments.get(Number(row.member_id))?.items ?? [],
  };
}
