/**
 * The audit viewer's readable text: an entry's action, table and diff fields by their labels in the chosen
 * language (the household and member forms' own field labels first, then the audit table's), the raw code only
 * for what no table knows, and a sign-in's outcome in words.
 */
import {
  AUDIT_ACTION_LABELS,
  AUDIT_FIELD_LABELS,
  AUDIT_TABLE_LABELS,
  camelCaseField,
  LOGIN_OUTCOME_LABELS,
} from '../../../shared/audit-labels.ts';
import type { AuditDiff } from '../../../shared/schemas/access.ts';
import type { Lang } from '../../i18n/stored-lang.ts';
import { householdMessages } from '../households/household-messages.ts';
import { memberMessages } from '../members/member-messages.ts';

/** Field labels the forms already show, by camelCase field name (household's win over member's). */
function formFieldLabels(lang: Lang): Record<string, string> {
  return { ...memberMessages[lang].fields, ...householdMessages[lang].fields };
}

const EMPTY = '—';

/** The readable texts of audit entries in `lang`. */
export function auditText(lang: Lang) {
  const formFields = formFieldLabels(lang);
  const [yes, no] = lang === 'zh' ? (['是', '否'] as const) : (['yes', 'no'] as const);
  const field = (name: string): string => {
    const key = camelCaseField(name);
    return formFields[key] ?? AUDIT_FIELD_LABELS[key]?.[lang] ?? name;
  };
  const value = (name: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return EMPTY;
    if (name === 'outcome' && typeof v === 'string') return LOGIN_OUTCOME_LABELS[v]?.[lang] ?? v;
    if (typeof v === 'boolean') return v ? yes : no;
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  return {
    action: (code: string): string => AUDIT_ACTION_LABELS[code]?.[lang] ?? code,
    table: (name: string): string => AUDIT_TABLE_LABELS[name]?.[lang] ?? name,
    field,
    /** `field: before → after` per changed field; a created value (no before) shows only the after. */
    diff: (diff: unknown): string =>
      Object.entries((diff ?? {}) as AuditDiff)
        .map(([name, [before, after]]) =>
          before === null || before === undefined
            ? `${field(name)}: ${value(name, after)}`
            : `${field(name)}: ${value(name, before)} → ${value(name, after)}`,
        )
        .join('; '),
  };
}

/** Options for the action filter: every known action by its label. */
export function auditActionOptions(lang: Lang): { value: string; label: string }[] {
  return Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label: `${label[lang]} (${value})` }));
}
