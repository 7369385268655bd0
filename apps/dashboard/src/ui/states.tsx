import type { ReactNode } from 'react';
import { useI18n } from '../app/i18n';

export function Loading({ height = 160, label }: { height?: number; label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state-loading" style={{ minHeight: height }} role="status" aria-live="polite">
      <div className="skeleton" />
      <span className="sr-only">{label ?? t('state.loading')}</span>
    </div>
  );
}

export function Empty({ height = 160, children }: { height?: number; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="state state-empty" style={{ minHeight: height }}>
      <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true">
        <path fill="currentColor" d="M4 5h16v2H4zm0 6h16v2H4zm0 6h10v2H4z" opacity=".35" />
      </svg>
      <span>{children ?? t('state.empty')}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry, height = 160 }: { error: unknown; onRetry?: () => void; height?: number }) {
  const { t } = useI18n();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="state state-error" style={{ minHeight: height }} role="alert">
      <strong>{t('state.error')}</strong>
      <span className="state-detail">{message}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

/** Renders loading / error / empty, or the children when there is data. */
export function QueryState({
  loading,
  error,
  empty,
  onRetry,
  height,
  children,
}: {
  loading: boolean;
  error: unknown;
  empty?: boolean;
  onRetry?: () => void;
  height?: number;
  children: () => ReactNode;
}) {
  if (error) return <ErrorState error={error} onRetry={onRetry} height={height} />;
  if (loading) return <Loading height={height} />;
  if (empty) return <Empty height={height} />;
  return <>{children()}</>;
}
