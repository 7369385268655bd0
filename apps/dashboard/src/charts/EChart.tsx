import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { echarts } from './echarts';
import type { ChartClick, ChartOption } from './options/types';

export interface EChartHandle {
  /** PNG data URL of the chart at 2× pixel ratio on white. */
  toPng(): string | null;
}

export interface EChartProps {
  option: ChartOption;
  height: number;
  /** Accessible name; also the key under which tests can reach the instance. */
  label: string;
  testId?: string;
  onClick?: (e: ChartClick) => void;
}

declare global {
  interface Window {
    /** Chart instances by test id, so browser tests can click a data item at its pixel position. */
    __loanDeskCharts?: Record<string, echarts.ECharts>;
  }
}

/** The one component that owns an ECharts instance: init, resize, setOption, dispose. */
export const EChart = forwardRef<EChartHandle, EChartProps>(function EChart({ option, height, label, testId, onClick }, ref) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const node = el.current;
    if (node === null) return;
    const instance = echarts.init(node, null, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => {
      const data = p.data as { id?: string } | null | undefined;
      clickRef.current?.({
        seriesId: p.seriesId ?? undefined,
        dataIndex: p.dataIndex,
        id: data !== null && typeof data === 'object' ? data.id : undefined,
        name: p.name,
      });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    if (testId !== undefined) (window.__loanDeskCharts ??= {})[testId] = instance;
    return () => {
      observer.disconnect();
      if (testId !== undefined && window.__loanDeskCharts?.[testId] === instance) delete window.__loanDeskCharts[testId];
      instance.dispose();
      chart.current = null;
    };
  }, [testId]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  useImperativeHandle(ref, () => ({
    toPng: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) ?? null,
  }));

  return <div ref={el} className="echart" role="img" aria-label={label} data-testid={testId} style={{ height }} />;
});
