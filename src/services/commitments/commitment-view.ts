/** Maps commitment rows to the API shapes (camelCase, ISO timestamps, numbers for ids). */
import type { CommitmentListRow } from '../../db/repositories/commitment-list.ts';
import type { CommitmentRow, ItemRow } from '../../db/repositories/commitments.ts';
import type { Localized } from '../../domain/errors.ts';

export const COMMITMENT: Localized = { zh: '公开承诺', en: 'commitment' };

const iso = (value: Date | string) => new Date(value).toISOString();
const idOrNull = (value: number | null) => (value === null ? null : Number(value));

function member(row: CommitmentListRow | CommitmentRow) {
  return {
    memberId: Number(row.member_id),
    memberName: row.member_name,
    memberPost: row.member_post,
    naturalVillageCode: row.natural_village_code,
    naturalVillageName: row.natural_village_name ?? null,
    villageName: row.village_name ?? null,
  };
}

/** One list row. */
export function toListItem(row: CommitmentListRow) {
  return {
    id: Number(row.id),
    ...member(row),
    year: Number(row.year),
    status: row.status,
    items: Number(row.items ?? 0),
    fulfilled: Number(row.fulfilled ?? 0),
    publishedOn: row.published_on,
    evaluationGrade: row.evaluation_grade,
    updatedAt: iso(row.updated_at),
  };
}

/** One item with its household's head. */
export function toItem(row: ItemRow) {
  return {
    id: Number(row.id),
    position: Number(row.position),
    content: row.content,
    householdId: idOrNull(row.household_id),
    householdHeadName: row.household_head_name ?? null,
    dueOn: row.due_on,
    fulfilledOn: row.fulfilled_on,
    evidence: row.evidence,
  };
}

/** One commitment with its items. */
export function toDetail(row: CommitmentRow, items: ItemRow[]) {
  return {
    id: Number(row.id),
    ...member(row),
    year: Number(row.year),
    status: row.status,
    items: items.map(toItem),
    reviewComment: row.review_comment,
    reviewedOn: row.reviewed_on,
    publishedOn: row.published_on,
    evaluationGrade: row.evaluation_grade,
    evaluation: row.evaluation,
    evaluatedOn: row.evaluated_on,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export type CommitmentView = ReturnType<typeof toDetail>;
