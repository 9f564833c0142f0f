import { describe, expect, it } from 'vitest';
import { refusalReason } from './offline-sender.ts';

describe('the reason a refused help record is kept with', () => {
  it("is the server's message with each field's problem, so the user knows what to fix", () => {
    const reason = refusalReason(
      {
        message: '提交的数据有误',
        details: [{ path: 'records.0.visitedOn', message: '走访日期不能晚于今天（2020-12-31）' }],
      },
      422,
    );
    expect(reason).toBe('提交的数据有误；走访日期不能晚于今天（2020-12-31）');
  });

  it('says a message once and falls back to the status when the server said nothing', () => {
    expect(refusalReason({ message: 'Not found', details: [{ message: 'Not found' }] }, 404)).toBe('Not found');
    expect(refusalReason(undefined, 403)).toBe('HTTP 403');
    expect(refusalReason({ message: '  ', details: [] }, 409)).toBe('HTTP 409');
  });
});
