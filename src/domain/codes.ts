/**
 * Dictionary codes of the poor-household registry (建档立卡), as stored in the database. The codes
 * are stable English snake_case keys; the Chinese labels are the national registry's wording, so
 * forms, Excel templates and reports can show what clerks are used to. The dictionary migration is
 * generated from {@link CODE_LABELS}, so the order of each array is the display order.
 */

import type { Localized } from '../shared/lang.ts';

/** A text in both UI languages. */
export type Label = Localized;

/** Causes of poverty (致贫原因): one main cause plus up to two others per household. */
export const CAUSE_CODES = [
  'illness',
  'disability',
  'schooling',
  'disaster',
  'marriage',
  'land',
  'water',
  'skills',
  'labour',
  'capital',
  'transport',
  'drive',
  'other',
] as const;
export type CauseCode = (typeof CAUSE_CODES)[number];

/** Household attribute (贫困户属性). */
export const ATTRIBUTE_CODES = ['general', 'dibao_poor', 'tekun', 'dibao'] as const;
export type AttributeCode = (typeof ATTRIBUTE_CODES)[number];

/** Health of a person (健康状况). */
export const HEALTH_CODES = ['healthy', 'chronic', 'serious', 'disabled'] as const;
export type HealthCode = (typeof HEALTH_CODES)[number];

/** Labour capacity of a person (劳动技能). */
export const LABOUR_CODES = ['ordinary', 'skilled', 'lost', 'none'] as const;
export type LabourCode = (typeof LABOUR_CODES)[number];

/** School status of a person (在校生状况). */
export const SCHOOL_STATUS_CODES = [
  'none',
  'preschool',
  'primary',
  'junior',
  'senior',
  'vocational',
  'higher',
  'dropout',
] as const;
export type SchoolStatusCode = (typeof SCHOOL_STATUS_CODES)[number];

/** Relation of a person to the household head (与户主关系). */
export const RELATION_CODES = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'sibling',
  'child_in_law',
  'other',
] as const;
export type RelationCode = (typeof RELATION_CODES)[number];

/** Every dictionary kind and its codes. */
export const CODES = {
  cause: CAUSE_CODES,
  attribute: ATTRIBUTE_CODES,
  health: HEALTH_CODES,
  labour: LABOUR_CODES,
  schoolStatus: SCHOOL_STATUS_CODES,
  relation: RELATION_CODES,
} as const;
export type CodeKind = keyof typeof CODES;
export type CodeOf<K extends CodeKind> = (typeof CODES)[K][number];

/** School statuses that count as "a student" (in education, from preschool to college). */
export const STUDENT_STATUSES: ReadonlySet<SchoolStatusCode> = new Set([
  'preschool',
  'primary',
  'junior',
  'senior',
  'vocational',
  'higher',
]);
/** Health states that count as "an ill member" for the 因病 cause. */
export const ILL_HEALTH: ReadonlySet<HealthCode> = new Set(['chronic', 'serious']);
/** Labour capacities that make a person a labourer. */
export const LABOURER_CAPACITIES: ReadonlySet<LabourCode> = new Set(['ordinary', 'skilled']);

/** Chinese and English labels of every code of every kind. */
export const CODE_LABELS: { readonly [K in CodeKind]: Readonly<Record<CodeOf<K>, Label>> } = {
  cause: {
    illness: { zh: '因病', en: 'Illness' },
    disability: { zh: '因残', en: 'Disability' },
    schooling: { zh: '因学', en: 'Schooling costs' },
    disaster: { zh: '因灾', en: 'Disaster' },
    marriage: { zh: '因婚', en: 'Marriage costs' },
    land: { zh: '缺土地', en: 'Lack of land' },
    water: { zh: '缺水', en: 'Lack of water' },
    skills: { zh: '缺技术', en: 'Lack of skills' },
    labour: { zh: '缺劳力', en: 'Lack of labour' },
    capital: { zh: '缺资金', en: 'Lack of capital' },
    transport: { zh: '交通条件落后', en: 'Poor transport' },
    drive: { zh: '自身发展动力不足', en: 'Lack of drive to develop' },
    other: { zh: '其他', en: 'Other' },
  },
  attribute: {
    general: { zh: '一般贫困户', en: 'General poor household' },
    dibao_poor: { zh: '低保贫困户', en: 'Poor household on minimum living allowance (dibao)' },
    tekun: { zh: '特困供养(五保)户', en: 'Destitute-support (wubao) household' },
    dibao: { zh: '低保户', en: 'Minimum living allowance (dibao) household' },
  },
  health: {
    healthy: { zh: '健康', en: 'Healthy' },
    chronic: { zh: '长期慢性病', en: 'Long-term chronic illness' },
    serious: { zh: '患有大病', en: 'Serious illness' },
    disabled: { zh: '残疾', en: 'Disabled' },
  },
  labour: {
    ordinary: { zh: '普通劳动力', en: 'Ordinary labour' },
    skilled: { zh: '技能劳动力', en: 'Skilled labour' },
    lost: { zh: '丧失劳动力', en: 'Lost labour capacity' },
    none: { zh: '无劳动力', en: 'No labour capacity' },
  },
  schoolStatus: {
    none: { zh: '非在校生', en: 'Not in school' },
    preschool: { zh: '学前教育', en: 'Preschool' },
    primary: { zh: '小学', en: 'Primary school' },
    junior: { zh: '初中', en: 'Junior secondary school' },
    senior: { zh: '高中', en: 'Senior secondary school' },
    vocational: { zh: '中职', en: 'Secondary vocational school' },
    higher: { zh: '大专及以上', en: 'College or above' },
    dropout: { zh: '辍学', en: 'Dropped out' },
  },
  relation: {
    head: { zh: '户主', en: 'Head of household' },
    spouse: { zh: '配偶', en: 'Spouse' },
    child: { zh: '子女', en: 'Child' },
    parent: { zh: '父母', en: 'Parent' },
    grandchild: { zh: '孙子女', en: 'Grandchild' },
    sibling: { zh: '兄弟姐妹', en: 'Sibling' },
    child_in_law: { zh: '儿媳/女婿', en: 'Daughter- or son-in-law' },
    other: { zh: '其他', en: 'Other' },
  },
};

/** Type guard for values arriving from forms or spreadsheets. */
export function isCode<K extends CodeKind>(kind: K, value: unknown): value is CodeOf<K> {
  return (CODES[kind] as readonly unknown[]).includes(value);
}

/** The label of a code, e.g. `labelOf('cause', 'illness').zh === '因病'`. */
export function labelOf<K extends CodeKind>(kind: K, code: CodeOf<K>): Label {
  return (CODE_LABELS[kind] as Record<string, Label>)[code] as Label;
}
