/**
 * Consistency rules about the causes of poverty (致贫原因): one main cause, at most two others that
 * do not repeat it, and causes that need evidence among the members (an ill member for 因病, a
 * student for 因学, a disabled member for 因残).
 */
import { type CauseCode, CODE_LABELS, ILL_HEALTH, STUDENT_STATUSES } from './codes.ts';
import type { PersonFacts, RuleContext, Violation, ViolationCode } from './household-facts.ts';
import { violation } from './household-facts.ts';

/** The national form allows at most two causes beside the main one. */
export const MAX_OTHER_CAUSES = 2;

/** main_cause_missing and other_causes_too_many. */
export function checkCauseCount(ctx: RuleContext): Violation[] {
  const { mainCause, otherCauses } = ctx.household;
  const out: Violation[] = [];
  if (mainCause === null) {
    out.push(
      violation('main_cause_missing', '未填写主要致贫原因', 'The main cause of poverty is missing', 'mainCause'),
    );
  }
  if (otherCauses.length > MAX_OTHER_CAUSES) {
    out.push(
      violation(
        'other_causes_too_many',
        `其他致贫原因最多填写 ${MAX_OTHER_CAUSES} 项，当前为 ${otherCauses.length} 项`,
        `At most ${MAX_OTHER_CAUSES} other causes are allowed; ${otherCauses.length} are recorded`,
        'otherCauses',
      ),
    );
  }
  return out;
}

/** other_cause_repeats_main and other_cause_duplicate, pointing at the offending entry. */
export function checkCauseRepeats(ctx: RuleContext): Violation[] {
  const { mainCause, otherCauses } = ctx.household;
  return otherCauses.flatMap((cause, i) => {
    const label = CODE_LABELS.cause[cause];
    const path = `otherCauses.${i}`;
    const found: Violation[] = [];
    if (cause === mainCause) {
      found.push(
        violation(
          'other_cause_repeats_main',
          `其他致贫原因“${label.zh}”与主要致贫原因重复`,
          `Other cause "${label.en}" repeats the main cause`,
          path,
        ),
      );
    }
    if (otherCauses.indexOf(cause) < i) {
      found.push(
        violation(
          'other_cause_duplicate',
          `其他致贫原因“${label.zh}”重复填写`,
          `Other cause "${label.en}" is listed more than once`,
          path,
        ),
      );
    }
    return found;
  });
}

/** A cause that must be backed by at least one member with some property. */
interface EvidenceRule {
  cause: CauseCode;
  code: ViolationCode;
  hasEvidence: (p: PersonFacts) => boolean;
  missing: { zh: string; en: string };
}

const EVIDENCE_RULES: readonly EvidenceRule[] = [
  {
    cause: 'illness',
    code: 'illness_without_ill_member',
    hasEvidence: (p) => ILL_HEALTH.has(p.health),
    missing: { zh: '家庭成员中没有患病者（长期慢性病或大病）', en: 'no member has a chronic or serious illness' },
  },
  {
    cause: 'schooling',
    code: 'schooling_without_student',
    hasEvidence: (p) => STUDENT_STATUSES.has(p.schoolStatus),
    missing: { zh: '家庭成员中没有在校生', en: 'no member is in school (preschool to college)' },
  },
  {
    cause: 'disability',
    code: 'disability_without_disabled_member',
    hasEvidence: (p) => p.health === 'disabled',
    missing: { zh: '家庭成员中没有残疾人', en: 'no member is disabled' },
  },
];

/** illness_without_ill_member, schooling_without_student, disability_without_disabled_member. */
export function checkCauseEvidence(ctx: RuleContext): Violation[] {
  const { mainCause, otherCauses, persons } = ctx.household;
  const out: Violation[] = [];
  for (const rule of EVIDENCE_RULES) {
    const otherIndex = otherCauses.indexOf(rule.cause);
    const isMain = mainCause === rule.cause;
    if ((!isMain && otherIndex < 0) || persons.some(rule.hasEvidence)) continue;
    const label = CODE_LABELS.cause[rule.cause];
    // One report per rule, pointing at the main cause when both name it.
    out.push(
      isMain
        ? violation(
            rule.code,
            `主要致贫原因为“${label.zh}”，但${rule.missing.zh}`,
            `Main cause is ${label.en.toLowerCase()}, but ${rule.missing.en}`,
            'mainCause',
          )
        : violation(
            rule.code,
            `其他致贫原因包含“${label.zh}”，但${rule.missing.zh}`,
            `Other causes include ${label.en.toLowerCase()}, but ${rule.missing.en}`,
            `otherCauses.${otherIndex}`,
          ),
    );
  }
  return out;
}
