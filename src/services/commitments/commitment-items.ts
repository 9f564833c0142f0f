/** The rules of a commitment's items: 1–3 of them, words not blank, due within the year, households paired. */
import type { Kysely } from 'kysely';
import { type ItemValues, pairedHouseholds } from '../../db/repositories/commitments.ts';
import type { Database } from '../../db/schema.ts';
import { MAX_COMMITMENT_ITEMS } from '../../domain/commitments.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';

export interface ItemInput {
  content: string;
  householdId?: number | undefined;
  dueOn?: string | undefined;
}

function itemProblems(item: ItemInput, i: number, year: number, paired: Set<number>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (item.content.trim() === '') {
    problems.push({
      path: `items.${i}.content`,
      code: 'blank',
      message: { zh: '承诺内容不能只有空格', en: 'The item cannot be only spaces' },
    });
  }
  if (item.householdId !== undefined && !paired.has(item.householdId)) {
    problems.push({
      path: `items.${i}.householdId`,
      code: 'household_not_paired',
      message: {
        zh: '只能选择该党员当前结对帮扶的户',
        en: 'Only a household the member is currently paired with can be named',
      },
    });
  }
  if (item.dueOn !== undefined && !item.dueOn.startsWith(`${year}-`)) {
    problems.push({
      path: `items.${i}.dueOn`,
      code: 'due_outside_year',
      message: { zh: `完成期限须在 ${year} 年内`, en: `The due date must fall in ${year}` },
    });
  }
  return problems;
}

/**
 * The items as stored (trimmed, positions by order), or a 422 listing every problem: the count (1–3), blank
 * words, a due date outside the commitment's year, a household that is not a current pairing of the member.
 */
export async function checkItems(
  db: Kysely<Database>,
  county: string,
  memberId: number,
  year: number,
  items: ItemInput[],
): Promise<ItemValues[]> {
  const problems: FieldProblem[] = [];
  if (items.length < 1 || items.length > MAX_COMMITMENT_ITEMS) {
    problems.push({
      path: 'items',
      code: 'item_count',
      message: {
        zh: `每年承诺 1–${MAX_COMMITMENT_ITEMS} 项，现有 ${items.length} 项`,
        en: `A year's commitment has 1–${MAX_COMMITMENT_ITEMS} items, not ${items.length}`,
      },
    });
  }
  const named = items.some((item) => item.householdId !== undefined);
  const paired = new Set(
    named ? (await pairedHouseholds(db, county, memberId)).map((p) => Number(p.household_id)) : [],
  );
  items.forEach((item, i) => {
    problems.push(...itemProblems(item, i, year, paired));
  });
  if (problems.length > 0) throw AppError.rules(problems);
  return items.map((item) => ({
    content: item.content.trim(),
    householdId: item.householdId ?? null,
    dueOn: item.dueOn ?? null,
  }));
}
