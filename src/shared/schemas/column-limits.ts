/**
 * The ranges of the database columns that body fields are written to, in one table, so a schema never allows a
 * value the column cannot hold (which PostgreSQL would refuse with a 500). test/column-limits.test.ts compares
 * every write route's schema with the migrated columns and fails on any field that does not fit.
 */

/** JSON-schema bounds of a numeric(precision, scale) column: every value in them fits after rounding. */
export function numericRange(precision: number, scale: number) {
  const maximum = Number((10 ** (precision - scale) - 10 ** -scale).toFixed(scale));
  return { minimum: -maximum, maximum };
}

export const SMALLINT = { minimum: -32768, maximum: 32767 };
export const INTEGER = { minimum: -2147483648, maximum: 2147483647 };
/** bigint ids: what JavaScript numbers hold exactly (the column holds more). */
export const BIGINT_ID = { minimum: 1, maximum: Number.MAX_SAFE_INTEGER };

/** Per column (named by its body field): the ranges the migrations give them. */
export const COLUMN_RANGE = {
  /** household.road_distance_km numeric(6, 2), ≥ 0 */
  roadDistanceKm: { minimum: 0, maximum: numericRange(6, 2).maximum },
  /** household.housing_area numeric(7, 2), ≥ 0 */
  housingArea: { minimum: 0, maximum: numericRange(7, 2).maximum },
  /** county_warning_setting.income_multiple numeric(3, 2) */
  incomeMultiple: numericRange(3, 2),
} as const;
