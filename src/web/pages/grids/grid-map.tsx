/**
 * A village's grids on a map, coloured by members per grid (the dashboard's map chart, regions keyed by grid
 * ID); hovering names the grid, clicking opens it.
 */
import { Empty, Skeleton } from 'antd';
import { useMemo } from 'react';
import { type ChartClick, EChart, useECharts } from '../../charts/echart.tsx';
import { aspectScaleFor, mapChartOption } from '../../charts/map-chart.ts';
import { ErrorAlert } from '../../components/query-state.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { type GridMapBody, useGridMap } from './grid-api.ts';

interface Props {
  county: string;
  village: string;
  label: string;
  empty: string;
  onOpen: (gridId: number) => void;
}

/** Mean-latitude aspect of the features' bounding box. */
function aspectOf(features: GridMapBody['features']): number {
  const lats = features.flatMap((f) =>
    (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()).flatMap((ring) =>
      ring.map((p) => p[1] ?? 0),
    ),
  );
  return lats.length ? aspectScaleFor(Math.min(...lats), Math.max(...lats)) : 1;
}

export function GridMap({ county, village, label, empty, onOpen }: Props) {
  const query = useGridMap(county, village);
  const echarts = useECharts();
  const isPhone = useIsPhone();
  const data = query.data;
  const option = useMemo(() => {
    if (!echarts || !data || data.features.length === 0) return null;
    const mapName = `lianxin-grids-${village}`;
    // The chart matches regions by `code`, so each area is registered under its grid ID.
    const geo = {
      ...data,
      features: data.features.map((f) => ({
        ...f,
        properties: { ...f.properties, code: String(f.properties.gridId) },
      })),
    };
    echarts.registerMap(mapName, geo as unknown as Parameters<typeof echarts.registerMap>[1]);
    const regions = data.features.map((f) => ({
      code: String(f.properties.gridId),
      name: f.properties.name,
      value: f.properties.members,
    }));
    return mapChartOption(regions, {
      mapName,
      indicatorName: label,
      format: (v) => String(Math.round(v)),
      aspectScale: aspectOf(data.features),
      showLabels: !isPhone || data.features.length <= 8,
    });
  }, [echarts, data, village, label, isPhone]);

  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (data?.features.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  if (!option) return <Skeleton.Node active style={{ width: '100%', height: 320 }} />;
  const onClick = (click: ChartClick) => {
    const id = Number(click.name);
    if (click.componentType === 'series' && Number.isInteger(id) && id > 0) onOpen(id);
  };
  return <EChart option={option} height={isPhone ? 300 : 400} ariaLabel={label} onClick={onClick} testId="grid-map" />;
}
