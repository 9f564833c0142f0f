/**
 * The households file in the national registry's layout: a sheet of households, a sheet of persons and a sheet of
 * income years, linked by the household's registry number (户编号). Rows become one unit per household with the
 * API's HouseholdCreate shape, each person and income year remembering its own row for problems.
 */
import type { HouseholdStatus } from '../../../db/schema.ts';
import type { HouseholdCreateBody } from '../../../shared/schemas/household.ts';
import type { ColumnSpec } from '../columns.ts';
import type { ParsedRow, Unit } from '../kind.ts';
import type { SheetSpec } from '../sheets.ts';
import type { ImportProblem } from '../types.ts';

const REGISTRY_NO: ColumnSpec = {
  field: 'registryNo',
  header: '户编号',
  en: 'Registry number',
  type: 'text',
  required: true,
  synonyms: ['户码', '贫困户编号', '家庭编号'],
};
const yes = (field: string, header: string, en: string): ColumnSpec => ({
  field,
  header,
  en,
  type: 'boolean',
  hint: '是 / 否',
});
const money = (field: string, header: string, en: string): ColumnSpec => ({
  field,
  header,
  en,
  type: 'number',
  hint: '元',
});

export const HOUSEHOLD_SHEETS: SheetSpec[] = [
  {
    name: '贫困户',
    en: 'Households',
    synonyms: ['户', '户信息', '贫困户信息', 'households'],
    columns: [
      REGISTRY_NO,
      {
        field: 'naturalVillageCode',
        header: '自然村代码',
        en: 'Natural village code',
        type: 'text',
        required: true,
        hint: '15 位，先导入村和自然村',
      },
      { field: 'address', header: '住址', en: 'Address', type: 'text', synonyms: ['家庭住址'] },
      { field: 'phone', header: '联系电话', en: 'Phone', type: 'text', synonyms: ['电话', '手机号'] },
      { field: 'bankName', header: '开户银行', en: 'Bank', type: 'text' },
      { field: 'bankAccount', header: '银行账号', en: 'Bank account', type: 'id' },
      { field: 'standard', header: '识别标准', en: 'Standard', type: 'code', dict: 'standard', required: true },
      {
        field: 'attribute',
        header: '贫困户属性',
        en: 'Attribute',
        type: 'code',
        dict: 'attribute',
        required: true,
        synonyms: ['贫困户类型'],
      },
      {
        field: 'mainCause',
        header: '主要致贫原因',
        en: 'Main cause',
        type: 'code',
        dict: 'cause',
        required: true,
        synonyms: ['致贫原因'],
      },
      {
        field: 'otherCauses',
        header: '其他致贫原因',
        en: 'Other causes',
        type: 'codes',
        dict: 'cause',
        hint: '最多两项，用顿号分隔',
      },
      { field: 'identifiedYear', header: '识别年度', en: 'Identified year', type: 'integer', required: true },
      { field: 'identifiedOn', header: '识别日期', en: 'Identified on', type: 'date' },
      { field: 'plannedExitYear', header: '计划脱贫年度', en: 'Planned exit year', type: 'integer' },
      { field: 'farmlandMu', header: '耕地面积(亩)', en: 'Farmland (mu)', type: 'number', synonyms: ['耕地面积'] },
      { field: 'forestMu', header: '林地面积(亩)', en: 'Forest (mu)', type: 'number', synonyms: ['林地面积'] },
      yes('hasPower', '是否通生产用电', 'Has power'),
      { field: 'roadDistanceKm', header: '距村主干路(公里)', en: 'Road distance (km)', type: 'number' },
      { field: 'housingArea', header: '住房面积(平方米)', en: 'Housing area (m²)', type: 'number' },
      {
        field: 'housingStructure',
        header: '住房结构',
        en: 'Housing structure',
        type: 'code',
        dict: 'housing_structure',
      },
      { field: 'housingGrade', header: '住房安全等级', en: 'Housing grade', type: 'code', dict: 'housing_grade' },
      yes('safeWater', '饮水安全', 'Safe water'),
      yes('hasToilet', '有卫生厕所', 'Has toilet'),
      yes('inCooperative', '加入合作社', 'In a co-operative'),
      yes('foodClothingSecure', '不愁吃不愁穿', 'Food and clothing secure'),
      {
        field: 'status',
        header: '贫困户状态',
        en: 'Status',
        type: 'code',
        dict: 'household_status',
        hint: '不填为贫困户',
      },
    ],
  },
  {
    name: '家庭成员',
    en: 'Persons',
    synonyms: ['成员', '家庭成员信息', 'persons'],
    columns: [
      REGISTRY_NO,
      { field: 'name', header: '姓名', en: 'Name', type: 'text', required: true },
      {
        field: 'idNumber',
        header: '身份证号',
        en: 'ID number',
        type: 'id',
        required: true,
        synonyms: ['公民身份号码', '证件号码'],
        hint: '18 位；请把该列设为“文本”',
      },
      { field: 'sex', header: '性别', en: 'Sex', type: 'code', dict: 'sex' },
      { field: 'relation', header: '与户主关系', en: 'Relation', type: 'code', dict: 'relation', required: true },
      { field: 'ethnicity', header: '民族', en: 'Ethnicity', type: 'code', dict: 'ethnicity', required: true },
      { field: 'education', header: '文化程度', en: 'Education', type: 'code', dict: 'education', required: true },
      { field: 'schoolStatus', header: '在校生状况', en: 'School status', type: 'code', dict: 'school_status' },
      { field: 'health', header: '健康状况', en: 'Health', type: 'code', dict: 'health' },
      { field: 'labour', header: '劳动技能', en: 'Labour', type: 'code', dict: 'labour', required: true },
      { field: 'monthsWorked', header: '务工时间(月)', en: 'Months worked', type: 'integer' },
      yes('hasMedicalInsurance', '参加医疗保险', 'Medical insurance'),
      yes('hasPensionInsurance', '参加养老保险', 'Pension insurance'),
    ],
  },
  {
    name: '收入',
    en: 'Income',
    synonyms: ['收入情况', '年收入', 'income'],
    columns: [
      REGISTRY_NO,
      { field: 'year', header: '年度', en: 'Year', type: 'integer', required: true },
      money('wage', '工资性收入', 'Wages'),
      money('production', '生产经营性收入', 'Production income'),
      money('property', '财产性收入', 'Property income'),
      money('dibao', '低保金', 'Dibao'),
      money('wubao', '五保金', 'Wubao'),
      money('pension', '养老金', 'Pension'),
      money('subsidy', '各类补贴', 'Subsidies'),
      money('productionCost', '生产经营性支出', 'Production costs'),
      { field: 'householdSize', header: '计算人数', en: 'Household size', type: 'integer', hint: '不填为现有人数' },
    ],
  },
];

/** A household with its persons and income years, as one unit. */
export interface HouseholdUnit extends Unit<HouseholdCreateBody> {
  status?: HouseholdStatus;
  /** A second row of the households sheet with a registry number already given. */
  repeat?: boolean;
}

type Locations = { household?: ParsedRow; persons: ParsedRow[]; income: ParsedRow[] };

function without<T extends Record<string, unknown>>(values: T, field: string): Record<string, unknown> {
  const { [field]: _dropped, ...rest } = values;
  return rest;
}

/** Where an API path of the household sits: persons.i.x and income.i.x on their own rows, the rest on the household's. */
function placeOf(at: Locations) {
  return (path: string): Omit<ImportProblem, 'code' | 'message'> => {
    const [head, index, field] = path.split('.');
    const list = head === 'persons' ? at.persons : head === 'income' ? at.income : null;
    const row =
      (list && index !== undefined ? list[Number(index)] : undefined) ?? at.household ?? at.persons[0] ?? at.income[0];
    const name = list && index !== undefined ? (field ?? '') : (head ?? '');
    const column = row?.mapped.indexOf.get(name === 'items' ? '' : name);
    return {
      sheet: row?.mapped.sheet ?? '',
      row: row?.row ?? null,
      column: column ?? null,
      header: column === undefined ? null : (row?.mapped.titles[column] ?? null),
    };
  };
}

const ORPHAN = (registryNo: string) => ({
  zh: `户编号“${registryNo}”在“贫困户”表中没有`,
  en: `Registry number "${registryNo}" is not on the households sheet`,
});

/** Groups the three sheets' rows by registry number into household units (a repeated household row is its own unit). */
export function buildHouseholds(rows: ParsedRow[]): HouseholdUnit[] {
  const byKey = new Map<string, Locations>();
  const repeats: ParsedRow[] = [];
  for (const row of rows) {
    const key = String(row.values.registryNo ?? '');
    const at = byKey.get(key) ?? { persons: [], income: [] };
    byKey.set(key, at);
    if (row.sheetIndex === 0) {
      if (at.household) repeats.push(row);
      else at.household = row;
    } else (row.sheetIndex === 1 ? at.persons : at.income).push(row);
  }
  const units = [...byKey.entries()].map(([key, at]) => unitOf(key, at));
  return [
    ...units,
    ...repeats.map((row) => ({
      ...unitOf(String(row.values.registryNo ?? ''), { household: row, persons: [], income: [] }),
      repeat: true,
    })),
  ];
}

function unitOf(key: string, at: Locations): HouseholdUnit {
  const place = placeOf(at);
  const problems = [at.household, ...at.persons, ...at.income].flatMap((r) => r?.problems ?? []);
  if (!at.household) problems.push({ ...place('persons'), code: 'household_row_missing', message: ORPHAN(key) });
  const h = at.household?.values ?? {};
  const input = {
    ...without(without(h, 'status'), 'registryNo'),
    registryNo: key,
    persons: at.persons.map((r) => without(r.values, 'registryNo')),
    income: at.income.map((r) => without(r.values, 'registryNo')),
  } as unknown as HouseholdCreateBody;
  if (input.income?.length === 0) delete input.income;
  return {
    key,
    input,
    problems,
    action: problems.length > 0 ? 'invalid' : 'create',
    place,
    ...(h.status ? { status: h.status as HouseholdStatus } : {}),
  };
}
