/**
 * The roles a grant can give and their names: the one home the domain's permission table, the schemas' enum and
 * the web's role labels read.
 */
import type { Localized } from '../lang.ts';

/** The roles, in the order forms list them. */
export const ROLES = [
  'county_admin',
  'township_admin',
  'village_secretary',
  'instructor',
  'group_leader',
  'member',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, Localized> = {
  county_admin: { zh: '县管理员', en: 'County admin' },
  township_admin: { zh: '乡镇管理员', en: 'Township admin' },
  village_secretary: { zh: '村党组织书记', en: 'Village secretary' },
  instructor: { zh: '指导员', en: 'Instructor' },
  group_leader: { zh: '党小组长', en: 'Group leader' },
  member: { zh: '党员', en: 'Member' },
  auditor: { zh: '审计员', en: 'Auditor' },
};
