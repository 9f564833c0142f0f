/**
 * The server's business clock in the browser: form defaults, "not in the future" limits and "due in" use it, not
 * the device's clock, because the demo county runs on a demo clock years back (and a phone's clock may be wrong).
 * Synced from every GET /api/auth/me, which every page inside the shell waits for; until then it is the device's.
 */
let offsetMs = 0;

/** Remembers how far the server's business instant (ISO) is from this device's clock. */
export function syncBusinessClock(serverNow: string, receivedAt: number = Date.now()): void {
  const at = Date.parse(serverNow);
  if (Number.isFinite(at)) offsetMs = at - receivedAt;
}

/** The business instant now, in ms. */
export function businessNowMs(): number {
  return Date.now() + offsetMs;
}

/** The business date in China (UTC+8), YYYY-MM-DD: what the server calls today. */
export function businessToday(): string {
  return new Date(businessNowMs() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The business year in China. */
export function businessYear(): number {
  return Number(businessToday().slice(0, 4));
}
