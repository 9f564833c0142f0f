/** The flag thresholds a county uses: its own row (county_trust_setting) or the code defaults. */
import type { Kysely } from 'kysely';
import { findTrustSetting } from '../../db/repositories/record-flags.ts';
import type { Database } from '../../db/schema.ts';
import { TRUST_DEFAULTS, type TrustConfig } from '../../domain/record-trust/settings.ts';

/** The thresholds in force for `county` now. */
export async function countyTrustConfig(db: Kysely<Database>, county: string): Promise<TrustConfig> {
  const row = await findTrustSetting(db, county);
  if (!row) return TRUST_DEFAULTS;
  return {
    backdateDays: row.backdate_days,
    sittingMinutes: row.sitting_minutes,
    sittingRecords: row.sitting_records,
    duplicateSimilarity: Number(row.duplicate_similarity),
    duplicateMinChars: row.duplicate_min_chars,
    gpsMaxKm: Number(row.gps_max_km),
    travelMaxKmh: row.travel_max_kmh,
    verifyWindowSeconds: row.verify_window_seconds,
    verifyRecords: row.verify_records,
  };
}
