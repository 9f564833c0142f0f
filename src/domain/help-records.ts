/**
 * Rules of help records (帮扶纪实), pure: who records for which member, which states allow which step, and the
 * messages. A member records only for households they help now; the group leader or a cadre above verifies or
 * returns, and a returned record goes back to the member to edit and submit again.
 */
import { HELP_STATUS_LABELS, HELP_STATUSES, type HelpRecordStatus } from '../shared/labels/help-record.ts';
import { inSentence } from '../shared/lang.ts';
import type { Grant } from './access/roles.ts';
import { ROLE_PERMISSIONS } from './access/roles.ts';
import type { OwnerGrant } from './commitments.ts';
import type { Localized } from './errors.ts';

export type { HelpRecordStatus };
export type HelpAction = 'edit' | 'verify';

export const HELP_RECORD: Localized = { zh: '帮扶纪实', en: 'help record' };
export const HOUSEHOLD: Localized = { zh: '贫困户', en: 'household' };

/** Statuses as words in the messages ("the help record is verified"). */
export const STATUS_LABELS = Object.fromEntries(
  HELP_STATUSES.map((status) => [status, inSentence(HELP_STATUS_LABELS[status])]),
) as Record<HelpRecordStatus, Localized>;

const ALLOWED: Record<HelpAction, readonly HelpRecordStatus[]> = {
  edit: ['submitted', 'returned'],
  verify: ['submitted'],
};

/** Whether `action` is allowed on a record in `status`. */
export function canDoHelp(action: HelpAction, status: HelpRecordStatus): boolean {
  return ALLOWED[action].includes(status);
}

/** The 409 message for an action the record's state does not allow. */
export function wrongHelpState(action: HelpAction, status: HelpRecordStatus): Localized {
  const verb = action === 'edit' ? { zh: '修改', en: 'edited' } : { zh: '核实', en: 'verified or returned' };
  return {
    zh: `该帮扶纪实当前为“${STATUS_LABELS[status].zh}”，不能${verb.zh}`,
    en: `The help record is ${STATUS_LABELS[status].en} and cannot be ${verb.en}`,
  };
}

/** The grants of `county` whose role may write help records (the input of the ownership rule). */
export function helpWriters(grants: readonly (Grant & { memberId?: number })[], county: string): OwnerGrant[] {
  return grants.filter((g) => g.countyCode === county && ROLE_PERMISSIONS[g.role].has('help.write'));
}

/** Today's date or earlier, and not before 2013 (the start of targeted poverty alleviation). */
export function visitDateProblem(visitedOn: string, today: string): Localized | null {
  if (visitedOn > today) return { zh: '走访日期不能晚于今天', en: 'The visit date cannot be in the future' };
  if (visitedOn < '2013-01-01') return { zh: '走访日期不能早于 2013 年', en: 'The visit date cannot be before 2013' };
  return null;
}
