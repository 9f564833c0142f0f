/**
 * Imports and exports (issue 17): the kinds of file, the statuses of an import job, and the code lists a sheet
 * uses that are schema enums rather than dictionary kinds (sex, membership, member status, housing grade), each
 * with its zh/en labels: the templates' dropdowns, the reader and the web read them from here.
 */
import type { Localized } from '../lang.ts';

export const IMPORT_KIND_LABELS: Record<'org-units' | 'members' | 'households', Localized> = {
  'org-units': { zh: '村和自然村', en: 'Villages and natural villages' },
  members: { zh: '党员信息卡', en: 'Party members (information cards)' },
  households: { zh: '贫困户（户、家庭成员、收入）', en: 'Households (household, persons, income)' },
};

export const IMPORT_STATUSES = ['checking', 'checked', 'applying', 'applied', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_STATUS_LABELS: Record<ImportStatus, Localized> = {
  checking: { zh: '检查中', en: 'Checking' },
  checked: { zh: '已检查，待导入', en: 'Checked, ready to apply' },
  applying: { zh: '导入中', en: 'Applying' },
  applied: { zh: '已导入', en: 'Applied' },
  failed: { zh: '失败', en: 'Failed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** Enum code lists used by sheets, as dictionary-like entries [kind, code, zh, en]. */
export const SHEET_ENUMS: ReadonlyArray<{ kind: string; code: string; zh: string; en: string }> = [
  { kind: 'sex', code: 'M', zh: '男', en: 'Male' },
  { kind: 'sex', code: 'F', zh: '女', en: 'Female' },
  { kind: 'membership', code: 'formal', zh: '正式党员', en: 'Full member' },
  { kind: 'membership', code: 'probationary', zh: '预备党员', en: 'Probationary member' },
  { kind: 'member_status', code: 'active', zh: '正常', en: 'Active' },
  { kind: 'member_status', code: 'transferred_out', zh: '已转出', en: 'Transferred out' },
  { kind: 'member_status', code: 'deceased', zh: '已去世', en: 'Deceased' },
  { kind: 'housing_grade', code: 'A', zh: 'A级', en: 'Grade A' },
  { kind: 'housing_grade', code: 'B', zh: 'B级', en: 'Grade B' },
  { kind: 'housing_grade', code: 'C', zh: 'C级', en: 'Grade C' },
  { kind: 'housing_grade', code: 'D', zh: 'D级', en: 'Grade D' },
];
