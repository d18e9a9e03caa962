/** One ECharts canvas: created on mount, re-optioned when the option changes, disposed on unmount. */
import { useEffect, useRef } from 'preact/hooks';
import { createChart, type ChartOption, type EChartsType } from './echarts';

/** What a click on a bar, slice or cell tells us. */
export interface ChartClick {
  seriesIndex?: number;
  dataIndex?: number;
}

/** Props of {@link EChart}. */
export interface EChartProps {
  option: ChartOption;
  /** Called with the clicked element's series and data index. */
  onPick?: (click: ChartClick) => void;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label: string;
}

/** A chart that fills its box and follows its size. */
export function EChart({ option, onPick, label }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = createChart(el);
    chart.current = c;
    c.on('click', (p: ChartClick) =>
      pick.current?.({ seriesIndex: p.seriesIndex, dataIndex: p.dataIndex }),
    );
    const resize =
      typeof ResizeObserver === 'function' ? new ResizeObserver(() => c.resize()) : undefined;
    resize?.observe(el);
    return () => {
      resize?.disconnect();
      c.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} class="chart" role="img" aria-label={label} />;
}
