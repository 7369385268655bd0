import { useRef, type ReactNode } from 'react';
import { EChart, type EChartHandle } from '../charts/EChart';
import type { ChartClick, ChartOption } from '../charts/options/types';
import { useI18n } from '../app/i18n';
import { Card } from './Card';
import { Legend, type LegendItem } from './Legend';
import { QueryState } from './states';

function slug(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'chart';
}

/** A card with one chart, its legend, loading/error/empty states and "Save PNG". */
export function ChartCard({
  title,
  subtitle,
  option,
  height,
  legend,
  loading = false,
  error,
  empty = false,
  onRetry,
  onClick,
  testId,
  fileName,
  extra,
  className,
}: {
  title: string;
  subtitle?: ReactNode;
  /** Memoise it in the caller: a new object re-renders the chart. */
  option: ChartOption | null;
  height: number;
  legend?: readonly LegendItem[];
  loading?: boolean;
  error?: unknown;
  empty?: boolean;
  onRetry?: () => void;
  onClick?: (e: ChartClick) => void;
  testId?: string;
  fileName?: string;
  extra?: ReactNode;
  className?: string;
}) {
  const { t } = useI18n();
  const chart = useRef<EChartHandle>(null);
  const ready = !loading && !error && !empty && option !== null;
  const save = () => {
    const url = chart.current?.toPng();
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName ?? slug(title)}.png`;
    a.click();
  };
  return (
    <Card
      title={title}
      subtitle={subtitle}
      className={className}
      testId={testId ? `${testId}-card` : undefined}
      actions={
        <>
          {extra}
          <button type="button" className="btn btn-ghost btn-small" onClick={save} disabled={!ready} title={t('chart.savePng')}>
            <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true">
              <path fill="currentColor" d="M12 3v10.6l3.3-3.3 1.4 1.4L11 17.4 5.3 11.7l1.4-1.4L10 13.6V3h2zM4 19h14v2H4z" />
            </svg>
            {t('chart.savePng')}
          </button>
        </>
      }
    >
      {legend && ready && <Legend items={legend} />}
      <QueryState loading={loading} error={error} empty={empty || option === null} onRetry={onRetry} height={height}>
        {() => <EChart ref={chart} option={option!} height={height} label={title} testId={testId} onClick={onClick} />}
      </QueryState>
    </Card>
  );
}
