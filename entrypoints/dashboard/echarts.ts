/**
 * ECharts, tree-shaken: only the charts and components the dashboard draws, canvas renderer only.
 * Imported by the dashboard page alone, so no other bundle carries ECharts.
 */
import type {
  BarSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  PieSeriesOption,
} from 'echarts/charts';
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/** The option shape of the charts this page draws. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | VisualMapComponentOption
>;

export type { EChartsType };

let registered = false;

/** A chart on `el` (the parts are registered on first use, not at import time). */
export function createChart(el: HTMLElement): EChartsType {
  if (!registered) {
    use([
      BarChart,
      LineChart,
      PieChart,
      HeatmapChart,
      GridComponent,
      TooltipComponent,
      LegendComponent,
      VisualMapComponent,
      CanvasRenderer,
    ]);
    registered = true;
  }
  return init(el, undefined, { renderer: 'canvas' });
}
