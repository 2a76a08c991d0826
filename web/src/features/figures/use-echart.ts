// One ECharts instance per chart element: made on mount, given the option, resized with
// its box and disposed on unmount or when the option changes. The chart modules using it
// register the ECharts parts they need.
import { init, type EChartsCoreOption } from "echarts/core";
import { useEffect, useRef } from "react";

export function useEChart(option: EChartsCoreOption) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element);
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return ref;
}
