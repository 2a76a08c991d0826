// A bar chart of the inquiry→payment rate per agent. Only ECharts' core, the bar series,
// the grid and the tooltip are registered, so the chunk carries nothing else of ECharts;
// the module is reached only through the lazily loaded figures page.
import { BarChart, type BarSeriesOption } from "echarts/charts";
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from "echarts/components";
import { use, type ComposeOption } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { formatRate } from "./figures-format";
import { useEChart } from "./use-echart";

// A renderer is required for anything to be drawn; canvas is the smaller one.
use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface ChartBar {
  name: string;
  rate: number | null;
}

export function ConversionChart({ bars, label }: { bars: readonly ChartBar[]; label: string }) {
  const option = useMemo<Option>(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: {
        trigger: "axis",
        valueFormatter: (value) => formatRate(typeof value === "number" ? value : null),
      },
      xAxis: { type: "category", data: bars.map((b) => b.name), axisLabel: { interval: 0, overflow: "truncate", width: 80 } },
      yAxis: { type: "value", min: 0, axisLabel: { formatter: (value: number) => `${Math.round(value * 100)}%` } },
      // An agent without a rate (no inquiring buyers) gets no bar rather than a zero one.
      series: [{ type: "bar", name: label, data: bars.map((b) => b.rate), barMaxWidth: 40, itemStyle: { color: "#1677ff" } }],
    }),
    [bars, label],
  );
  const ref = useEChart(option);
  return <div ref={ref} role="img" aria-label={label} data-testid="figures-chart" style={{ width: "100%", height: 260 }} />;
}
