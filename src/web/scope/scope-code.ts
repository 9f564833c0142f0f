/** Reading a scope from the URL, without React: shared by useScope and the early requests of the first screen. */

/** The demo county until accounts (access issue) say which county a user belongs to. */
export const DEFAULT_COUNTY = '340822';

/** An org code of 6, 9, 12 or 15 digits from a `?scope=` value, else the default county. */
export function scopeFromParam(raw: string | null): string {
  return raw && /^\d{6}(\d{3}){0,3}$/.test(raw) ? raw : DEFAULT_COUNTY;
}
