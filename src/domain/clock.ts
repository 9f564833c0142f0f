/**
 * The business clock: the instant the county's rules run at (deadlines, "today", overdue, warnings, month
 * windows). It is the real clock minus an offset — 0 in production and in tests, so nothing changes there — and
 * the demo county sets the offset so that its registry, which describes the county as of 2020-12-31, is seen on
 * that day rather than years late (see docs/decisions.md). Security and bookkeeping (sessions, lockout, rate
 * limits, audit, created_at/updated_at) keep the real clock: they must never be moved by a setting.
 *
 * One offset per process: the server and the CLI load it from the `demo_clock` setting at start
 * (`services/clock/business-clock.ts`).
 */

/** Where the demo clock was anchored: at real instant `realAt` the business instant was `businessAt`. */
export interface ClockAnchor {
  /** ISO instant (real time) the anchor was written. */
  realAt: string;
  /** ISO instant the business clock showed at `realAt`. */
  businessAt: string;
}

let offsetMs = 0;
let anchorRealMs: number | null = null;

/** Offset (ms, real − business) of an anchor; a malformed anchor is refused rather than guessed. */
export function anchorOffsetMs(anchor: ClockAnchor): number {
  const real = Date.parse(anchor.realAt);
  const business = Date.parse(anchor.businessAt);
  if (!Number.isFinite(real) || !Number.isFinite(business)) throw new RangeError('Malformed demo clock anchor');
  return real - business;
}

/** Sets the process's business clock from an anchor, or back to real time with null. */
export function setClockAnchor(anchor: ClockAnchor | null): void {
  offsetMs = anchor ? anchorOffsetMs(anchor) : 0;
  anchorRealMs = anchor ? Date.parse(anchor.realAt) : null;
}

/** Real − business in ms (0 without a demo clock). */
export function clockOffsetMs(): number {
  return offsetMs;
}

/** Whether a demo anchor moves the business clock. */
export function isDemoClock(): boolean {
  return anchorRealMs !== null;
}

/** The business instant at a real instant (default: now). */
export function businessNow(real: number = Date.now()): Date {
  return new Date(real - offsetMs);
}

/**
 * The business instant of a bookkeeping timestamp (created_at / updated_at, written in real time). Rows older
 * than the anchor were written by the demo seed, which already dates them in business time, so they stay as
 * they are; later rows were written by the running app and move back by the offset.
 */
export function businessTimeOf(real: Date): Date {
  if (anchorRealMs === null || real.getTime() < anchorRealMs) return real;
  return new Date(real.getTime() - offsetMs);
}
