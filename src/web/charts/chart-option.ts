/**
 * The ECharts option type of the dashboard's charts (only the series and components it registers), colours,
 * and number formatting shared by the pure option builders. Types only from echarts: builders stay testable in
 * Node and never pull the library into a bundle by themselves.
 */

import type { BarSeriesOption, MapSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Lang } from '../../shared/lang.ts';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | PieSeriesOption
  | MapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** One labelled count (a status, a cause, an expertise …). */
export interface LabelledCount {
  code: string;
  label: string;
  count: number;
}

/** Household statuses: poverty in reds, monitoring in amber, out of poverty in greens. */
export const STATUS_COLORS: Readonly<Record<string, string>> = {
  identified: '#cf1322',
  returned: '#fa541c',
  monitored: '#faad14',
  exited: '#389e0d',
  risk_cleared: '#13c2c2',
};

export const COLORS = {
  primary: '#c0392b',
  below: '#cf1322',
  above: '#389e0d',
  neutral: '#8c8c8c',
  members: '#1677ff',
  willingness: '#722ed1',
  /** Light to dark for maps: low values pale, high values strong. */
  scale: ['#fff1f0', '#ffa39e', '#f5222d', '#820014'],
} as const;

/** Thousands separated the way the language writes them (zh and en both use commas). */
export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN');
}

/** Grid that keeps axis labels inside the chart box at any width. */
export const TIGHT_GRID: GridComponentOption = { left: 8, right: 24, top: 16, bottom: 8, containLabel: true };
