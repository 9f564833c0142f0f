/**
 * A county's flag thresholds (核查阈值). The defaults are deliberately loose enough that honest work passes: a
 * helper who writes up a week's visits on Sunday evening is normal (back-dating needs 8 records at least 7 days old
 * in 2 hours); a village is a few kilometres across; a moped on county roads makes 60 km/h, so 120 km/h between
 * two positions is no journey at all; reading a record and its photo takes more than a second; notes written
 * from the same few phrases by honest helpers stay below 0.9 similarity (they differ in the date, the numbers and
 * what the household said), a pasted note with a word changed stays above it.
 */
import type { FieldProblem } from '../errors.ts';

export interface TrustConfig {
  /** A record is back-dated when its visit day lies at least this many days before the day it was entered. */
  backdateDays: number;
  /** A sitting: records one member entered within this many minutes of each other. */
  sittingMinutes: number;
  /** This many back-dated records in one sitting raise the flag. */
  sittingRecords: number;
  /** Jaccard similarity of character 3-shingles at or above which two texts are near-duplicates. */
  duplicateSimilarity: number;
  /** Texts shorter than this (after removing spaces and punctuation) are not compared. */
  duplicateMinChars: number;
  /** A recorded position farther than this from the household's natural village is flagged. */
  gpsMaxKm: number;
  /** Two positions of one member implying a faster journey are flagged. */
  travelMaxKmh: number;
  /** A verifier approving `verifyRecords` records within this many seconds is flagged. */
  verifyWindowSeconds: number;
  verifyRecords: number;
}

export const TRUST_DEFAULTS: TrustConfig = {
  backdateDays: 7,
  sittingMinutes: 120,
  sittingRecords: 8,
  duplicateSimilarity: 0.9,
  duplicateMinChars: 12,
  gpsMaxKm: 5,
  travelMaxKmh: 120,
  verifyWindowSeconds: 10,
  verifyRecords: 10,
};

/** Bounds of each threshold (the migration's CHECKs say the same). */
export const TRUST_BOUNDS: Record<keyof TrustConfig, { min: number; max: number; integer: boolean }> = {
  backdateDays: { min: 1, max: 90, integer: true },
  sittingMinutes: { min: 5, max: 720, integer: true },
  sittingRecords: { min: 3, max: 200, integer: true },
  duplicateSimilarity: { min: 0.5, max: 1, integer: false },
  duplicateMinChars: { min: 5, max: 200, integer: true },
  gpsMaxKm: { min: 0.5, max: 500, integer: false },
  travelMaxKmh: { min: 10, max: 1000, integer: true },
  verifyWindowSeconds: { min: 1, max: 600, integer: true },
  verifyRecords: { min: 3, max: 500, integer: true },
};

/** Every threshold out of its bounds, each under its field. */
export function checkTrustConfig(config: TrustConfig): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [field, { min, max, integer }] of Object.entries(TRUST_BOUNDS)) {
    const value = config[field as keyof TrustConfig];
    if (value >= min && value <= max && (!integer || Number.isInteger(value))) continue;
    out.push({
      path: field,
      code: 'out_of_range',
      message: {
        zh: `须在 ${min}–${max} 之间${integer ? '（整数）' : ''}`,
        en: `Must be from ${min} to ${max}${integer ? ' (a whole number)' : ''}`,
      },
    });
  }
  return out;
}
