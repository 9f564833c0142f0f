/**
 * The scope's units on a map coloured by a chosen indicator (share in poverty, households in poverty,
 * per-capita income, members per household); hovering names the unit and its value, clicking one drills down.
 */
import { Empty, Segmented, Skeleton } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { DashboardChildBody } from '../../shared/schemas/dashboard.ts';
import { type ChartClick, EChart } from '../charts/echart.tsx';
import { mapChartOption } from '../charts/map-chart.ts';
import { ErrorAlert } from '../components/query-state.tsx';
import { useIsPhone } from '../components/use-is-phone.ts';
import { useLang } from '../i18n/i18n.tsx';
import { formatIndicator, INDICATOR_KEYS, type IndicatorKey, indicatorValue } from './indicators.ts';
import { useScopeMap } from './use-scope-map.ts';

export interface MapMessages {
  indicator: string;
  empty: string;
  indicators: Record<IndicatorKey, string>;
}

interface Props {
  county: string;
  scope: string;
  items: DashboardChildBody[];
  m: MapMessages;
  onDrill: (code: string) => void;
  /** Told the scope once its map is drawn, or known to have nothing to draw (or to have failed). */
  onSettled?: (scope: string) => void;
}

export function ScopeMap({ county, scope, items, m, onDrill, onSettled }: Props) {
  const { lang } = useLang();
  const isPhone = useIsPhone();
  const [indicator, setIndicator] = useState<IndicatorKey>('povertyRate');
  const { mapName, features, aspectScale, query } = useScopeMap(county, scope);
  const option = useMemo(() => {
    if (!mapName) return null;
    const byCode = new Map(items.map((c) => [c.code, c]));
    const regions = features.map((f) => {
      const child = byCode.get(f.properties.code);
      return { ...f.properties, value: child ? indicatorValue(child, indicator) : null };
    });
    return mapChartOption(regions, {
      mapName,
      indicatorName: m.indicators[indicator],
      format: (v) => formatIndicator(indicator, v, lang),
      aspectScale,
      showLabels: !isPhone && features.length <= 30,
    });
  }, [mapName, features, items, indicator, m, lang, aspectScale, isPhone]);
  const onClick = (click: ChartClick) => {
    // Regions are named by code; the scope's own outline (a natural village) is not a drill target.
    if (click.componentType === 'series' && click.name !== scope && items.some((c) => c.code === click.name)) {
      onDrill(click.name);
    }
  };

  const nothingToDraw = query.isError || (query.isSuccess && features.length === 0);
  useEffect(() => {
    if (nothingToDraw) onSettled?.(scope);
  }, [nothingToDraw, onSettled, scope]);

  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (features.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.empty} />;
  return (
    <div className="scope-map">
      <Segmented
        size="small"
        aria-label={m.indicator}
        value={indicator}
        onChange={(v) => setIndicator(v as IndicatorKey)}
        options={INDICATOR_KEYS.map((k) => ({ value: k, label: m.indicators[k] }))}
        className="scope-map-indicators"
      />
      {option ? (
        <EChart
          option={option}
          height={isPhone ? 320 : 420}
          ariaLabel={m.indicators[indicator]}
          onClick={onClick}
          testId="chart-map"
          onDrawn={() => onSettled?.(scope)}
        />
      ) : (
        <Skeleton.Node active style={{ width: '100%', height: 320 }} />
      )}
    </div>
  );
}
