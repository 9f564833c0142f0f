/**
 * Draws one ECharts option into a box that follows its container's width. ECharts itself arrives as a lazy
 * chunk (echarts-setup.ts) the first time any chart mounts; callers may start the download earlier with
 * loadECharts(). Clicks on a series item or an axis label are reported with the data index and name.
 */
import type { ECharts } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import type { ChartOption } from './chart-option.ts';

type Setup = typeof import('./echarts-setup.ts');
let loading: Promise<Setup> | undefined;
let loaded: Setup | undefined;

/** Starts (once) and awaits the download of ECharts. */
export function loadECharts(): Promise<Setup> {
  loading ??= import('./echarts-setup.ts').then((setup) => {
    loaded = setup;
    return setup;
  });
  return loading;
}

/** ECharts once downloaded, else null (re-renders when it arrives). */
export function useECharts(): Setup | null {
  const [setup, setSetup] = useState<Setup | null>(loaded ?? null);
  useEffect(() => {
    if (!setup) void loadECharts().then(setSetup);
  }, [setup]);
  return setup;
}

export interface ChartClick {
  /** 'series' for a bar/slice/region, 'yAxis' or 'xAxis' for an axis label. */
  componentType: string;
  dataIndex: number;
  name: string;
}

interface Props {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (a canvas has no text). */
  ariaLabel: string;
  onClick?: (click: ChartClick) => void;
  testId?: string;
  /** Called each time the option has been handed to an initialised chart (the map's part of dashboard-ready). */
  onDrawn?: () => void;
}

export function EChart({ option, height, ariaLabel, onClick, testId, onDrawn }: Props) {
  const setup = useECharts();
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const drawnRef = useRef(onDrawn);
  drawnRef.current = onDrawn;

  useEffect(() => {
    if (!setup || !box.current) return;
    const instance = setup.init(box.current);
    instance.on('click', (p) => {
      const params = p as { componentType: string; dataIndex?: number; name?: string; value?: unknown };
      clickRef.current?.({
        componentType: params.componentType,
        dataIndex: params.dataIndex ?? -1,
        name: params.name ?? String(params.value ?? ''),
      });
    });
    // The container, not the window, decides the size (side menu, grid columns, phone rotation, height prop).
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    setChart(instance);
    return () => {
      observer.disconnect();
      instance.dispose();
      setChart(null);
    };
  }, [setup]);

  useEffect(() => {
    // Short animations: the charts settle quickly on slow phones, and the numbers are what matters.
    if (!chart) return;
    chart.setOption({ animationDuration: 500, animationDurationUpdate: 300, ...option }, { notMerge: true });
    drawnRef.current?.();
  }, [chart, option]);

  return <div ref={box} style={{ width: '100%', height }} role="img" aria-label={ariaLabel} data-testid={testId} />;
}
