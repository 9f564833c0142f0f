/** The boundaries of a scope's units as GeoJSON (map-query.ts), registered with ECharts under a name of their own. */
import { useMemo } from 'react';
import type { MapFeaturesBody } from '../../shared/schemas/dashboard.ts';
import { useECharts } from '../charts/echart.tsx';
import { aspectScaleFor } from '../charts/map-chart.ts';
import { useMapQuery } from './map-query.ts';

export interface ScopeMap {
  /** Name the map is registered under, once both the GeoJSON and ECharts are here. */
  mapName: string | null;
  features: MapFeaturesBody['features'];
  aspectScale: number;
  query: ReturnType<typeof useMapQuery>;
}

/** Latitude range of every position, for the aspect ratio. */
function latitudes(features: MapFeaturesBody['features']): [number, number] {
  let [min, max] = [90, -90];
  for (const f of features) {
    const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
    for (const ring of rings) {
      for (const [, lat = 0] of ring) [min, max] = [Math.min(min, lat), Math.max(max, lat)];
    }
  }
  return min > max ? [0, 0] : [min, max];
}

export function useScopeMap(county: string, scope: string): ScopeMap {
  const query = useMapQuery(county, scope);
  const echarts = useECharts();
  const data = query.data;
  const registered = useMemo(() => {
    const features = data?.features ?? [];
    const [minLat, maxLat] = latitudes(features);
    let mapName: string | null = null;
    if (echarts && data && features.length > 0) {
      mapName = `lianxin-${county}-${scope}`;
      // ECharts keeps registered maps by name; registering again replaces the geometry.
      echarts.registerMap(mapName, data as unknown as Parameters<typeof echarts.registerMap>[1]);
    }
    return { mapName, features, aspectScale: aspectScaleFor(minLat, maxLat) };
  }, [echarts, data, county, scope]);
  return { ...registered, query };
}
