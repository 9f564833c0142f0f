/**
 * What the map can colour the units by, computed from the dashboard's child rows. Pure. A unit without the
 * indicator's denominator (no households) gets null and is drawn grey rather than as a misleading 0.
 */
import type { Lang } from '../../shared/lang.ts';
import type { DashboardChildBody } from '../../shared/schemas/dashboard.ts';

export type IndicatorKey = 'povertyRate' | 'poor' | 'income' | 'membersPerHousehold';

export const INDICATOR_KEYS: readonly IndicatorKey[] = ['povertyRate', 'poor', 'income', 'membersPerHousehold'];

/** The indicator's value for one unit. */
export function indicatorValue(child: DashboardChildBody, key: IndicatorKey): number | null {
  switch (key) {
    case 'povertyRate':
      // Share of the unit's registered households that are still poor (identified or returned).
      return child.households === 0 ? null : child.poor / child.households;
    case 'poor':
      return child.poor;
    case 'income':
      return child.perCapitaMean;
    case 'membersPerHousehold':
      return child.households === 0 ? null : child.members / child.households;
  }
}

/** How the indicator's values read: a percentage, a count, yuan or a ratio. */
export function formatIndicator(key: IndicatorKey, value: number, lang: Lang): string {
  const locale = lang === 'en' ? 'en-US' : 'zh-CN';
  switch (key) {
    case 'povertyRate':
      return `${(value * 100).toFixed(1)}%`;
    case 'poor':
      return Math.round(value).toLocaleString(locale);
    case 'income':
      return `${lang === 'en' ? 'CNY ' : ''}${Math.round(value).toLocaleString(locale)}${lang === 'en' ? '' : ' 元'}`;
    case 'membersPerHousehold':
      return value.toFixed(2);
  }
}
