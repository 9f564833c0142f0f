/**
 * Rules the assessment's writes share: who decides (never the one who asked), what a rating's stars may be (not
 * above its veto's cap), which stage a step needs, and the refusals they raise (422 naming the field).
 */
import { AppError, type Localized } from '../../domain/errors.ts';
import { VETO_CODES, type VetoCode } from '../../shared/labels/assessment.ts';

export function refuse(path: string, code: string, message: Localized): AppError {
  return new AppError('rule_violation', message, [{ path, code, message }]);
}

/** A request is decided by someone other than its requester (the four-eyes rule of manual items and vetoes). */
export function assertNotRequester(requestedBy: number | null, actorId: number | null): void {
  if (requestedBy !== null && requestedBy === actorId) {
    throw refuse('decision', 'own_request', {
      zh: '不能审批自己提出的申请，须由其他有审批权限的人员审批',
      en: 'You cannot decide your own request: someone else with the review right must',
    });
  }
}

/** Stars a reviewer gives may not exceed the cap of the rating's veto (一票否决). */
export function assertWithinVeto(stars: number, vetoCode: string | null, path = 'stars'): void {
  if (vetoCode === null || !(vetoCode in VETO_CODES)) return;
  const veto = VETO_CODES[vetoCode as VetoCode];
  if (stars > veto.maxStars) {
    throw refuse(path, 'veto_cap', {
      zh: `该党员有一票否决事项（${veto.zh}），最高只能评 ${veto.maxStars} 星`,
      en: `The member has a veto (${veto.en}): at most ${veto.maxStars} star(s)`,
    });
  }
}

const STAGE_NAMES: Record<string, Localized> = {
  none: { zh: '尚未计算', en: 'not computed yet' },
  review: { zh: '评议中', en: 'open for reviews' },
  notice: { zh: '公示中', en: 'on public notice' },
  final: { zh: '已定级', en: 'final' },
};

/** The round must be at `stage` for this step. */
export function assertStage(actual: string | undefined, wanted: string, path = 'year'): void {
  if (actual === wanted) return;
  const now = STAGE_NAMES[actual ?? 'none'] ?? STAGE_NAMES.none;
  const need = STAGE_NAMES[wanted] ?? STAGE_NAMES.none;
  throw refuse(path, 'wrong_stage', {
    zh: `本年度星级评定${now?.zh}，此操作须在${need?.zh}阶段进行`,
    en: `This year's rating is ${now?.en}; this step needs it ${need?.en}`,
  });
}
