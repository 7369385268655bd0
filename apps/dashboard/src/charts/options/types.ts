import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  TooltipComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  DataZoomComponentOption,
} from 'echarts/components';

/** The option type of every chart the dashboard draws (matches the registration in echarts.ts). */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | DataZoomComponentOption
>;

/** Payload of a click on a data item; `id` is what the builder put in the item. */
export interface ChartClick {
  seriesId?: string;
  dataIndex: number;
  id?: string;
  name?: string;
}
