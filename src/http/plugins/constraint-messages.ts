/**
 * Database constraint refusals (SQLSTATE class 23) as conflict errors a clerk can act on. The constraint's
 * name identifies the rule; the ones users can actually hit get their own words.
 */
import { AppError, type Localized } from '../../domain/errors.ts';

const KNOWN: Record<string, Localized> = {
  household_person_id_number: {
    zh: '该身份证号已在本县登记过，同一人不能重复登记',
    en: 'This ID number is already registered in the county; a person cannot be registered twice',
  },
  household_person_one_head: { zh: '一户只能有一位户主', en: 'A household has exactly one head' },
  party_member_county_code_id_number_key: {
    zh: '该身份证号的党员已在本县登记',
    en: 'A party member with this ID number is already registered in the county',
  },
  household_county_code_registry_no_key: {
    zh: '户编号已存在',
    en: 'This household registry number already exists',
  },
  org_unit_pkey: { zh: '该区划代码已存在', en: 'This division code already exists' },
  grid_current_name: { zh: '本村已有同名网格', en: 'The village already has a grid with this name' },
  grid_member_current: {
    zh: '该党员已在另一个网格，请先调出',
    en: 'The member is already in another grid; move them instead',
  },
  grid_natural_village_current: {
    zh: '该自然村已划入另一个网格',
    en: 'The natural village already belongs to another grid',
  },
  // The pairing services check capacity and duplicates first; these words cover a concurrent confirmation.
  pairing_member_slot: {
    zh: '该党员的结对名额已被占用（可能有人同时确认了结对），请刷新后重试',
    en: "The member's pairing slot was just taken (a concurrent confirmation?); reload and retry",
  },
  pairing_current: {
    zh: '该党员已与这户结对（可能有人同时确认了结对）',
    en: 'The member already helps this household (a concurrent confirmation?)',
  },
  // The household service checks these first (422 with field details); the words cover a race or an old row.
  household_county_code_natural_village_code_fkey: {
    zh: '本县没有这个自然村',
    en: 'No such natural village in the county',
  },
  household_check: {
    zh: '其他致贫原因不能与主要致贫原因重复',
    en: 'An other cause of poverty cannot repeat the main cause',
  },
  household_other_causes_check: {
    zh: '其他致贫原因最多填写 2 项',
    en: 'At most 2 other causes of poverty are allowed',
  },
  household_check1: {
    zh: '计划脱贫年度不能早于识别年度',
    en: 'The planned exit year cannot precede the identification year',
  },
  household_need_check1: {
    zh: '需求的关闭日期不能早于提出日期',
    en: 'A need cannot be closed before it was raised',
  },
};

const BY_SQLSTATE: Record<string, Localized> = {
  '23505': { zh: '与已有记录重复', en: 'Duplicates an existing record' },
  '23503': { zh: '引用的记录不存在或仍被引用', en: 'A referenced record is missing or still in use' },
  '23514': { zh: '数据不符合登记规则', en: 'The data breaks a registry rule' },
  '23502': { zh: '缺少必填数据', en: 'Required data is missing' },
};

/** A conflict AppError naming the refused constraint in `details`. */
export function describeConstraint(sqlState: string, constraint: string | undefined): AppError {
  const message = (constraint && KNOWN[constraint]) ||
    BY_SQLSTATE[sqlState] || { zh: '数据库拒绝了该操作', en: 'The database refused the change' };
  const details = constraint ? [{ path: '', code: constraint, message }] : [];
  return new AppError('conflict', message, details);
}
