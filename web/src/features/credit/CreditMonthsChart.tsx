// Points by month (of the trades' creation, in the shop's zone) as bars — counted goods,
// counted bads, and what the caps took — with the running score as a line.
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from "echarts/components";
import { use, type ComposeOption } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { useEChart } from "../figures/use-echart";
import type { MonthCredit } from "./credit-api";

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export interface MonthsLabels {
  title: string;
  good: string;
  bad: string;
  capped: string;
  score: string;
}

export function CreditMonthsChart({ months, labels }: { months: MonthCredit[]; labels: MonthsLabels }) {
  const option = useMemo<Option>(
    () => ({
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: months.map((m) => m.month) },
      yAxis: [
        { type: "value", minInterval: 1 },
        { type: "value", minInterval: 1 },
      ],
      series: [
        { type: "bar", name: labels.good, stack: "points", data: months.map((m) => m.good), barMaxWidth: 28, itemStyle: { color: "#52c41a" } },
        { type: "bar", name: labels.bad, stack: "points", data: months.map((m) => -m.bad), barMaxWidth: 28, itemStyle: { color: "#f5222d" } },
        { type: "bar", name: labels.capped, data: months.map((m) => m.cappedGood + m.sameItemGood), barMaxWidth: 18, itemStyle: { color: "#d9d9d9" } },
        { type: "line", name: labels.score, yAxisIndex: 1, data: months.map((m) => m.score), itemStyle: { color: "#1677ff" } },
      ],
    }),
    [months, labels],
  );
  const ref = useEChart(option);
  return <div ref={ref} role="img" aria-label={labels.title} data-testid="credit-months" style={{ width: "100%", height: 280 }} />;
}
