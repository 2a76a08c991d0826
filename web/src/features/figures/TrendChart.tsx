// The trend of a period by day, week or month: inquiring and paying buyers as bars, the
// inquiry→payment and 3-minute response rates as lines on a percentage axis. Only the
// ECharts parts used are registered (see ConversionChart).
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from "echarts/components";
import { use, type ComposeOption } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import type { Dashboard } from "./figures-api";
import { useEChart } from "./use-echart";

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export interface TrendLabels {
  inquiringBuyers: string;
  payingBuyers: string;
  inquiryToPaymentRate: string;
  responseWithin3MinRate: string;
  title: string;
}

const percent = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 100);

export function TrendChart({ trend, labels }: { trend: Dashboard["trend"]; labels: TrendLabels }) {
  const option = useMemo<Option>(
    () => ({
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: trend.map((b) => (b.from === b.to ? b.from.slice(5) : `${b.from.slice(5)}~${b.to.slice(5)}`)) },
      yAxis: [
        { type: "value", min: 0, minInterval: 1 },
        { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      ],
      series: [
        { type: "bar", name: labels.inquiringBuyers, data: trend.map((b) => b.figures.inquiringBuyers), barMaxWidth: 28, itemStyle: { color: "#91caff" } },
        { type: "bar", name: labels.payingBuyers, data: trend.map((b) => b.figures.payingBuyers), barMaxWidth: 28, itemStyle: { color: "#1677ff" } },
        { type: "line", name: labels.inquiryToPaymentRate, yAxisIndex: 1, connectNulls: true, data: trend.map((b) => percent(b.figures.inquiryToPaymentRate)), itemStyle: { color: "#52c41a" } },
        { type: "line", name: labels.responseWithin3MinRate, yAxisIndex: 1, connectNulls: true, data: trend.map((b) => percent(b.figures.responseWithin3MinRate)), itemStyle: { color: "#fa8c16" } },
      ],
    }),
    [trend, labels],
  );
  const ref = useEChart(option);
  return <div ref={ref} role="img" aria-label={labels.title} data-testid="figures-trend" style={{ width: "100%", height: 300 }} />;
}
