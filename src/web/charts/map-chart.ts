/**
 * The scope's units on a map registered from GeoJSON, coloured by an indicator through a continuous visualMap.
 * Regions are matched by code (nameProperty), so names may repeat across townships without colliding.
 */
import { type ChartOption, COLORS } from './chart-option.ts';

export interface MapRegion {
  code: string;
  name: string;
  /** null when the indicator has no value (e.g. no households): drawn grey. */
  value: number | null;
}

export interface MapChartOptions {
  mapName: string;
  indicatorName: string;
  format: (value: number) => string;
  /** cos(latitude): how much narrower a degree of longitude is than one of latitude there. */
  aspectScale: number;
  showLabels: boolean;
}

/** Mean latitude of the bounding box → ECharts' aspectScale, so the county is not squashed or stretched. */
export function aspectScaleFor(minLat: number, maxLat: number): number {
  return Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
}

export function mapChartOption(regions: readonly MapRegion[], opts: MapChartOptions): ChartOption {
  const values = regions.map((r) => r.value).filter((v): v is number => v !== null);
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const nameOf = (code: string) => names.get(code) ?? code;
  const max = Math.max(0, ...values);
  const min = Math.min(max, ...values);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, value } = p as { name: string; value: number | undefined };
        const shown = typeof value === 'number' && !Number.isNaN(value) ? opts.format(value) : '—';
        return `${nameOf(name)}<br/>${opts.indicatorName}: ${shown}`;
      },
    },
    visualMap: {
      type: 'continuous',
      min,
      max: max === min ? min + 1 : max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      // The ends of the scale in the indicator's own units (ECharts would print raw numbers).
      text: [opts.format(max), opts.format(min)],
      inRange: { color: [...COLORS.scale] },
      formatter: (v: unknown) => opts.format(Number(v)),
    },
    series: [
      {
        type: 'map',
        map: opts.mapName,
        nameProperty: 'code',
        aspectScale: opts.aspectScale,
        roam: false,
        selectedMode: false,
        top: 8,
        bottom: 40,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1, areaColor: '#f0f0f0' },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd666' } },
        label: {
          show: opts.showLabels,
          fontSize: 11,
          color: '#262626',
          // A white halo keeps names readable on the darkest reds.
          textBorderColor: '#ffffff',
          textBorderWidth: 2,
          formatter: (p: unknown) => nameOf((p as { name: string }).name),
        },
        data: regions.map((r) => ({ name: r.code, value: r.value ?? Number.NaN })),
      },
    ],
  };
}
