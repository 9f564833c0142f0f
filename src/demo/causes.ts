/**
 * Attribute, causes of poverty and size of a household, drawn before its people so that the people can
 * be built to back the causes (因病 needs an ill member and so on) rather than discarded and redrawn.
 */
import type { AttributeCode, CauseCode } from '../domain/codes.ts';
import type { Evidence } from './family.ts';
import type { Rng, Weighted } from './random.ts';

const ATTRIBUTES: Weighted<AttributeCode> = [
  ['general', 70],
  ['dibao_poor', 18],
  ['tekun', 7],
  ['dibao', 5],
];

// Main cause by attribute; overall about 40 % illness and 15 % disability, as county statistics report.
const MAIN_CAUSES: Record<AttributeCode, Weighted<CauseCode>> = {
  general: [
    ['illness', 36],
    ['disability', 10],
    ['schooling', 12],
    ['disaster', 2],
    ['marriage', 1],
    ['land', 3],
    ['water', 1],
    ['skills', 14],
    ['labour', 6],
    ['capital', 11],
    ['transport', 2],
    ['drive', 3],
    ['other', 1],
  ],
  dibao_poor: [
    ['illness', 50],
    ['disability', 25],
    ['labour', 12],
    ['schooling', 4],
    ['skills', 3],
    ['capital', 3],
    ['drive', 3],
  ],
  tekun: [
    ['illness', 30],
    ['disability', 25],
    ['labour', 45],
  ],
  dibao: [
    ['illness', 45],
    ['disability', 25],
    ['labour', 15],
    ['skills', 5],
    ['drive', 5],
    ['other', 5],
  ],
};

// Secondary causes lean on the economic ones: an ill household usually also lacks labour and capital.
const OTHER_CAUSES: Weighted<CauseCode> = [
  ['illness', 10],
  ['disability', 5],
  ['schooling', 6],
  ['disaster', 2],
  ['land', 3],
  ['water', 1],
  ['skills', 20],
  ['labour', 18],
  ['capital', 25],
  ['transport', 3],
  ['drive', 5],
];
const TEKUN_OTHER_CAUSES: Weighted<CauseCode> = [
  ['illness', 4],
  ['disability', 3],
  ['labour', 5],
  ['other', 1],
];

const SIZES: Weighted<number> = [
  [1, 20],
  [2, 26],
  [3, 21],
  [4, 17],
  [5, 9],
  [6, 5],
  [7, 2],
];

/** A household's attribute, causes and size. */
export interface HouseholdProfile {
  attribute: AttributeCode;
  mainCause: CauseCode;
  otherCauses: CauseCode[];
  size: number;
  evidence: Evidence;
}

/** Draws the profile; the size is raised when the causes need more people than drawn. */
export function drawProfile(rng: Rng): HouseholdProfile {
  const attribute = rng.weighted(ATTRIBUTES);
  const mainCause = rng.weighted(MAIN_CAUSES[attribute]);
  const tekun = attribute === 'tekun';
  const pool = (tekun ? TEKUN_OTHER_CAUSES : OTHER_CAUSES).filter(([cause]) => cause !== mainCause);
  const otherCauses = rng.weightedDistinct(
    pool,
    rng.weighted([
      [0, 35],
      [1, 40],
      [2, 25],
    ]),
  );
  const all = [mainCause, ...otherCauses];
  const evidence: Evidence = {
    ill: all.includes('illness'),
    disabled: all.includes('disability'),
    student: all.includes('schooling'),
  };
  const needed = Number(evidence.ill) + Number(evidence.disabled);
  // A student needs a parent in the household; the ill and the disabled may be that parent or another.
  const minSize = evidence.student ? Math.max(2, needed + 1) : Math.max(1, needed);
  const drawn = tekun ? (rng.chance(0.85) ? 1 : 2) : rng.weighted(SIZES);
  return { attribute, mainCause, otherCauses, size: Math.max(drawn, minSize), evidence };
}
