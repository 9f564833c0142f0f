/** Reading a scope from the URL, without React: shared by useScope and the early requests of the first screen. */

/** The county shown before the session says where the user belongs. */
export const DEFAULT_COUNTY = '340822';

/** An org code of 6, 9, 12 or 15 digits from a `?scope=` value, else `fallback` (the user's home scope). */
export function scopeFromParam(raw: string | null, fallback: string = DEFAULT_COUNTY): string {
  return raw && /^\d{6}(\d{3}){0,3}$/.test(raw) ? raw : fallback;
}
