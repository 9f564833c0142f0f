/**
 * Database constraint refusals (SQLSTATE class 23) as conflict errors a clerk can act on. The constraint's
 * name identifies the rule; the ones users can actually hit get their own words and the request field they
 * concern, so a duplicate answers like every other rule: 409 (the house's status for a clash with stored data)
 * with `details[{ path: 'persons.0.idNumber', code: <constraint>, message }]`. This is the one place that maps
 * constraints to field paths (constraint-paths.ts finds the path in the request body).
 */
import { AppError, type Localized } from '../../domain/errors.ts';
import { type ConstraintField, fieldPathOf } from './constraint-paths.ts';

/** Words for a constraint and, when a request body can hit it, the field it compares. */
interface KnownConstraint extends Localized {
  field?: ConstraintField;
}

const KNOWN: Record<string, KnownConstraint> = {
  household_person_id_number: {
    zh: '该身份证号已在本县登记过，同一人不能重复登记',
    en: 'This ID number is already registered in the county; a person cannot be registered twice',
    field: { names: ['idNumber'], column: 'id_number', idNumber: true },
  },
  household_person_one_head: {
    zh: '一户只能有一位户主',
    en: 'A household has exactly one head',
    field: { names: ['relation'], value: 'head' },
  },
  party_member_county_code_id_number_key: {
    zh: '该身份证号的党员已在本县登记',
    en: 'A party member with this ID number is already registered in the county',
    field: { names: ['idNumber'], column: 'id_number', idNumber: true },
  },
  household_county_code_registry_no_key: {
    zh: '户编号已存在',
    en: 'This household registry number already exists',
    field: { names: ['registryNo'], column: 'registry_no' },
  },
  org_unit_pkey: {
    zh: '该区划代码已存在',
    en: 'This division code already exists',
    field: { names: ['code'], column: 'code' },
  },
  grid_current_name: {
    zh: '本村已有同名网格',
    en: 'The village already has a grid with this name',
    field: { names: ['name'], column: 'name' },
  },
  grid_member_current: {
    zh: '该党员已在另一个网格，请先调出',
    en: 'The member is already in another grid; move them instead',
    field: { names: ['memberId', 'memberIds'], column: 'member_id' },
  },
  grid_natural_village_current: {
    zh: '该自然村已划入另一个网格',
    en: 'The natural village already belongs to another grid',
    field: { names: ['naturalVillageCode', 'naturalVillageCodes', 'code'], column: 'natural_village_code' },
  },
  // The pairing services check capacity and duplicates first; these words cover a concurrent confirmation.
  pairing_member_slot: {
    zh: '该党员的结对名额已被占用（可能有人同时确认了结对），请刷新后重试',
    en: "The member's pairing slot was just taken (a concurrent confirmation?); reload and retry",
    field: { names: ['memberId', 'successorMemberId'], column: 'member_id' },
  },
  pairing_current: {
    zh: '该党员已与这户结对（可能有人同时确认了结对）',
    en: 'The member already helps this household (a concurrent confirmation?)',
    field: { names: ['memberId', 'successorMemberId'], column: 'member_id' },
  },
  // The household service checks these first (422 with field details); the words cover a race or an old row.
  household_county_code_natural_village_code_fkey: {
    zh: '本县没有这个自然村',
    en: 'No such natural village in the county',
    field: { names: ['naturalVillageCode'], column: 'natural_village_code' },
  },
  household_check: {
    zh: '其他致贫原因不能与主要致贫原因重复',
    en: 'An other cause of poverty cannot repeat the main cause',
    field: { names: ['otherCauses'] },
  },
  household_other_causes_check: {
    zh: '其他致贫原因最多填写 2 项',
    en: 'At most 2 other causes of poverty are allowed',
    field: { names: ['otherCauses'] },
  },
  household_check1: {
    zh: '计划脱贫年度不能早于识别年度',
    en: 'The planned exit year cannot precede the identification year',
    field: { names: ['plannedExitYear'] },
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

/** What the failed statement tells about the request: the database's detail text and the request body. */
export interface ConstraintContext {
  detail?: string | undefined;
  body?: unknown;
}

/** The known constraint, also under the shard suffix Citus adds to names in its errors (`…_102008`). */
function knownConstraint(constraint: string): KnownConstraint | undefined {
  return KNOWN[constraint] ?? KNOWN[constraint.replace(/_\d{4,}$/, '')];
}

/**
 * A conflict AppError naming the refused constraint in `details`, with the path of the request field it concerns
 * when the body has one (the entry whose value the database reported, e.g. `persons.2.idNumber`).
 */
export function describeConstraint(
  sqlState: string,
  constraint: string | undefined,
  context: ConstraintContext = {},
): AppError {
  const known = constraint ? knownConstraint(constraint) : undefined;
  const message: Localized = (known && { zh: known.zh, en: known.en }) ||
    BY_SQLSTATE[sqlState] || { zh: '数据库拒绝了该操作', en: 'The database refused the change' };
  const path = known?.field ? fieldPathOf(known.field, context.body, context.detail) : '';
  const details = constraint ? [{ path, code: constraint, message }] : [];
  return new AppError('conflict', message, details);
}
