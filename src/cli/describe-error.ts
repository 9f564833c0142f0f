/**
 * One line for whatever a command threw: libraries also throw non-Errors (PGlite's `ErrnoError { errno }`, plain
 * objects, strings), which `String()` would print as `[object Object]`.
 */
import { describePgliteError } from '../db/pglite-open.ts';

/** The message of an Error, the errno of a file-system error, or the fields of any other object. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.name !== 'ErrnoError') return error.message || error.name;
  if (error && typeof error === 'object') {
    if (typeof (error as { errno?: unknown }).errno === 'number') return describePgliteError(error);
    const name = (error as object).constructor?.name ?? 'Object';
    try {
      const json = JSON.stringify(error);
      if (json && json !== '{}') return `${name} ${json}`;
    } catch {
      // a cycle: fall through
    }
    return `a thrown ${name} without a message`;
  }
  return String(error);
}
