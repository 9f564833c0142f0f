/**
 * ECharts built from its core with only what the dashboard draws (bars, doughnuts, maps), so its chunk carries
 * no line, radar, 3D or SVG code. Imported lazily through loadECharts(): the first screen's numbers and table
 * render while this downloads.
 */
import { BarChart, MapChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { init, registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  PieChart,
  MapChart,
  GridComponent,
  LegendPlainComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);

export { init, registerMap };
