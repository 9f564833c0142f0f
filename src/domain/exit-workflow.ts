/**
 * The household exit workflow (贫困户退出程序): assessment → village verification → the household signs →
 * public notice (公示) with objections → exit. Each step happens on a day that is not in the future and not
 * before the step before it; the exit may complete only once the notice period has run. Pure rules: the
 * services call these, the database CHECKs back them.
 */
import { EXIT_STEP_LABELS, type ExitStatus, type ExitStepName } from '../shared/labels/exit.ts';
import { inSentence } from '../shared/lang.ts';
import { formatIsoDate, parseIsoDate } from './dates.ts';
import type { FieldProblem, Localized } from './errors.ts';

/** Public notice length in days: the default and the bounds (the table's CHECK holds the same bounds). */
export const EXIT_NOTICE_DAYS = { default: 5, min: 1, max: 30 } as const;

export type { ExitStatus };
/** The steps after the assessment, in order. */
export type ExitStep = 'verify' | 'sign' | 'notice' | 'complete';

const NEXT: Record<ExitStatus, ExitStep | null> = {
  assessed: 'verify',
  verified: 'sign',
  signed: 'notice',
  notice: 'complete',
  exited: null,
  withdrawn: null,
};

/** Each step's name as a message says it ("before the village verification"). */
export const STEP_LABEL = Object.fromEntries(
  Object.entries<Localized>(EXIT_STEP_LABELS).map(([step, label]) => [step, inSentence(label)]),
) as Record<ExitStepName, Localized>;

/** The step that comes next for an exit in `status`, or null once it has exited or been withdrawn. */
export function nextStep(status: ExitStatus): ExitStep | null {
  return NEXT[status];
}

/** `date` plus `days` calendar days ('YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`not a date: ${date}`);
  const utc = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days));
  return formatIsoDate({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
}

/** The notice's last day and the first day the exit may complete (notice_from + notice_days, as the CHECK). */
export function noticeWindow(from: string, days: number): { lastDay: string; completableOn: string } {
  return { lastDay: addDays(from, days - 1), completableOn: addDays(from, days) };
}

/**
 * Why `step` cannot be taken now, or null when it is the next one. Closed exits name their end; open ones
 * name the step expected instead.
 */
export function stepOrderMessage(status: ExitStatus, step: ExitStep): Localized | null {
  if (status === 'exited') return { zh: '该户已完成脱贫退出，不能再办理', en: 'This exit is already complete' };
  if (status === 'withdrawn') return { zh: '该退出已撤回，不能再办理', en: 'This exit has been withdrawn' };
  const expected = NEXT[status];
  if (expected === step || expected === null) return null;
  const [want, got] = [STEP_LABEL[expected], STEP_LABEL[step]];
  return {
    zh: `下一步应为“${want.zh}”，不能进行“${got.zh}”`,
    en: `The next step is the ${want.en}, not the ${got.en}`,
  };
}

/**
 * Problems with a step's date: not after `today`, not before `earliest` (the previous step's day, named by
 * `previous`). `path` is the request field.
 */
export function stepDateProblems(
  path: string,
  on: string,
  today: string,
  earliest?: { date: string; previous: Localized },
): FieldProblem[] {
  if (on > today) {
    return [
      { path, code: 'date_in_future', message: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' } },
    ];
  }
  if (earliest && on < earliest.date) {
    const { date, previous } = earliest;
    const message = {
      zh: `日期不能早于${previous.zh}（${date}）`,
      en: `The date cannot precede the ${previous.en} (${date})`,
    };
    return [{ path, code: 'date_before_previous_step', message }];
  }
  return [];
}
