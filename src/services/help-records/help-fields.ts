/** The checks create and edit share: visit date, measure code, the need (of this household), position. */
import type { Kysely } from 'kysely';
import { isMeasure, needOf } from '../../db/repositories/help-record-parts.ts';
import type { HelpRecordEdit } from '../../db/repositories/help-records.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';
import { visitDateProblem } from '../../domain/help-records.ts';

/** What the client sends for the editable fields. */
export interface HelpFieldsInput {
  visitedOn: string;
  measure: string;
  needId?: number | null | undefined;
  solvedNeed?: boolean | undefined;
  content: string;
  lat?: number | null | undefined;
  lng?: number | null | undefined;
}

/** Whether the measure code and the named need exist (read from the database). */
export interface CodesValid {
  measureOk: boolean;
  needOk: boolean;
}

/** The checked fields ready to store; 422 with every problem found. */
export async function checkFields(
  db: Kysely<Database>,
  county: string,
  householdId: number,
  input: HelpFieldsInput,
  today: string = chinaDateOf(),
): Promise<HelpRecordEdit> {
  const needId = input.needId ?? null;
  const valid = {
    measureOk: await isMeasure(db, input.measure),
    needOk: needId === null || (await needOf(db, county, householdId, needId)) !== undefined,
  };
  return checkedFields(input, today, valid);
}

/** The checked fields when the codes' validity is known (create reads it with its other facts); 422 or fields. */
export function checkedFields(input: HelpFieldsInput, today: string, valid: CodesValid): HelpRecordEdit {
  const problems: FieldProblem[] = [];
  const date = visitDateProblem(input.visitedOn, today);
  if (date) problems.push({ path: 'visitedOn', code: 'bad_date', message: date });
  if (!valid.measureOk) {
    problems.push({
      path: 'measure',
      code: 'unknown_code',
      message: { zh: '帮扶措施不在字典中', en: 'Unknown measure' },
    });
  }
  const needId = input.needId ?? null;
  if (!valid.needOk) {
    problems.push({
      path: 'needId',
      code: 'not_a_need',
      message: { zh: '该需求不属于此户', en: 'The need is not this household’s' },
    });
  }
  const solvedNeed = input.solvedNeed ?? false;
  if (solvedNeed && needId === null) {
    problems.push({
      path: 'solvedNeed',
      code: 'need_required',
      message: { zh: '解决了需求须选择所解决的需求', en: 'Name the need that was solved' },
    });
  }
  const lat = input.lat ?? null;
  const lng = input.lng ?? null;
  if ((lat === null) !== (lng === null)) {
    problems.push({
      path: 'lat',
      code: 'position_incomplete',
      message: { zh: '位置须同时有纬度和经度', en: 'A position needs both latitude and longitude' },
    });
  }
  const content = input.content.trim();
  if (content.length === 0) {
    problems.push({ path: 'content', code: 'required', message: { zh: '请填写帮扶内容', en: 'Describe the help' } });
  }
  if (problems.length > 0) throw AppError.rules(problems);
  return { visitedOn: input.visitedOn, measure: input.measure, needId, solvedNeed, content, lat, lng };
}
