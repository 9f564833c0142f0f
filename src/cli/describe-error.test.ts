import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error.ts';

class ErrnoError {
  name = 'ErrnoError';
  constructor(readonly errno: number) {}
}

describe('describeError', () => {
  it('prints an Error by its message', () => {
    expect(describeError(new Error('county 999999 not found'))).toBe('county 999999 not found');
  });

  it("names PGlite's file-system errors instead of [object Object]", () => {
    expect(describeError(new ErrnoError(2))).toBe('permission denied (errno 2)');
    expect(describeError(new ErrnoError(999))).toBe('file system error (errno 999)');
  });

  it('prints any other thrown value by its fields, never as [object Object]', () => {
    expect(describeError({ reason: 'odd' })).toBe('Object {"reason":"odd"}');
    expect(describeError('plain text')).toBe('plain text');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeError(cyclic)).toBe('a thrown Object without a message');
    expect(describeError({})).toBe('a thrown Object without a message');
  });
});
