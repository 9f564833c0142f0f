import { describe, expect, it } from 'vitest';
import {
  addDays,
  EXIT_NOTICE_DAYS,
  nextStep,
  noticeWindow,
  stepDateProblems,
  stepOrderMessage,
} from './exit-workflow.ts';

describe('exit workflow rules', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-27', 3)).toBe('2024-03-01');
    expect(addDays('2023-12-30', 5)).toBe('2024-01-04');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('ends the default notice on its fifth day and completes from the sixth (notice_from + notice_days)', () => {
    expect(EXIT_NOTICE_DAYS.default).toBe(5);
    expect(noticeWindow('2026-11-01', EXIT_NOTICE_DAYS.default)).toEqual({
      lastDay: '2026-11-05',
      completableOn: '2026-11-06',
    });
  });

  it('names the expected step when one is taken out of order, and closed exits', () => {
    expect(nextStep('assessed')).toBe('verify');
    expect(nextStep('notice')).toBe('complete');
    expect(nextStep('exited')).toBeNull();
    expect(stepOrderMessage('verified', 'sign')).toBeNull();
    expect(stepOrderMessage('assessed', 'notice')?.zh).toBe('下一步应为“村级核实”，不能进行“公示”');
    expect(stepOrderMessage('withdrawn', 'verify')?.en).toBe('This exit has been withdrawn');
  });

  it('refuses future days and days before the previous step', () => {
    const previous = { date: '2026-11-10', previous: { zh: '村级核实', en: 'village verification' } };
    expect(stepDateProblems('on', '2026-11-10', '2026-11-20', previous)).toEqual([]);
    expect(stepDateProblems('on', '2026-11-21', '2026-11-20', previous).map((p) => p.code)).toEqual(['date_in_future']);
    const early = stepDateProblems('on', '2026-11-09', '2026-11-20', previous);
    expect(early).toEqual([
      {
        path: 'on',
        code: 'date_before_previous_step',
        message: {
          zh: '日期不能早于村级核实（2026-11-10）',
          en: 'The date cannot precede the village verification (2026-11-10)',
        },
      },
    ]);
  });
});
