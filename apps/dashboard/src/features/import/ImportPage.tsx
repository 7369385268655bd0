import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { formatCount } from '@loan-desk/domain';
import type { ImportBatchesQuery, ImportFileMutation as ImportFileData, ImportKind, ImportStatus } from '../../gql/graphql';
import { useI18n } from '../../app/i18n';
import { Card } from '../../ui/Card';
import { Badge } from '../../ui/Badge';
import { DataTable, type Column } from '../../ui/DataTable';
import { QueryState } from '../../ui/states';
import { CSV_TYPE, downloadFile } from '../../lib/download';
import { ImportBatchesQuery as ImportBatchesDoc, ImportFileMutation } from './import-operations';
import {
  ACCEPTED_FILES,
  MAX_IMPORT_BYTES,
  bytesToBase64,
  elapsedSeconds,
  errorReportCsv,
  errorReportName,
  errorsCaption,
  fileSizeProblem,
  formatFileSize,
  formatMegabytes,
  formatTimestamp,
  importErrorMessage,
  outcomeHeadline,
  problemText,
  type RowError,
} from './import-logic';
import './import.css';

/** The API accepts importFile only here (16 MB body limit; `/graphql` stops at 256 kB). */
const IMPORT_URI = '/graphql/import';
const KINDS: ImportKind[] = ['CLIENTS', 'PROJECTS', 'STATEMENTS'];
const HISTORY_SIZE = 20;
/** Root fields kept in the cache after an import: the viewer (the session gate shows it). */
const KEEP_CACHED = new Set(['__typename', 'me']);
const STATUS_TONE: Record<ImportStatus, 'good' | 'warn' | 'bad'> = { COMMITTED: 'good', PARTIAL: 'warn', REJECTED: 'bad' };

type Result = ImportFileData['importFile'] & { fileName: string };
type Batch = ImportBatchesQuery['importBatches'][number];

function ResultCard({ result }: { result: Result }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatCount(v, locale);
  const headline = outcomeHeadline(result, t, locale);
  const errors = result.errors.map((e, i) => ({ ...e, key: String(i) }));
  const columns: Column<RowError & { key: string }>[] = [
    { key: 'line', header: t('import.col.line'), align: 'right', width: 80, render: (e) => n(e.line), sortValue: (e) => e.line },
    { key: 'column', header: t('import.col.column'), width: 200, render: (e) => <code>{e.column}</code>, sortValue: (e) => e.column },
    {
      key: 'reason',
      header: t('import.col.reason'),
      render: (e) => (
        <span className="wrap" data-code={e.code}>
          {problemText(e, t)}
        </span>
      ),
    },
  ];
  const stats: { key: string; label: string; value: number }[] = [
    { key: 'rowsIn', label: t('import.rowsIn'), value: result.rowsIn },
    { key: 'accepted', label: t('import.accepted'), value: result.accepted },
    { key: 'rejected', label: t('import.rejected'), value: result.rejected },
    { key: 'inserted', label: t('import.inserted'), value: result.inserted },
    { key: 'updated', label: t('import.updated'), value: result.updated },
    { key: 'unchanged', label: t('import.unchanged'), value: result.unchanged },
    { key: 'followUps', label: t(`import.followUps.${result.kind}`), value: result.followUps },
  ];
  return (
    <Card
      title={t('import.result')}
      subtitle={t('import.took', { file: result.fileName, kind: t(`import.kind.${result.kind}`), s: result.seconds.toFixed(1) })}
      testId="import-result"
    >
      <div
        className={`import-outcome import-outcome-${headline.tone}`}
        role="status"
        data-testid="import-outcome"
        data-committed={String(result.committed)}
        data-batch-id={result.batchId}
      >
        {headline.text}
      </div>
      {!result.committed && (
        <p className="muted" style={{ marginTop: 0 }}>
          {t('import.outcome.fixHint')}
        </p>
      )}
      <div className="stat-list">
        {stats.map((s) => (
          <div className="stat" key={s.key}>
            <div className="stat-label">{s.label}</div>
            <div className={`stat-value ${s.key === 'rejected' && s.value > 0 ? 'bad' : ''}`} data-testid={`import-stat-${s.key}`}>
              {n(s.value)}
            </div>
          </div>
        ))}
      </div>
      {result.errorCount > 0 && (
        <>
          <div className="import-errors-head">
            <h3>{t('import.errors.title')}</h3>
            <span className="summary-line" data-testid="import-errors-caption">
              {errorsCaption(result, t, locale)}
            </span>
            <span style={{ flex: 1 }} />
            <button
              type="button"
              className="btn btn-small"
              onClick={() => downloadFile(errorReportName(result.fileName), errorReportCsv(result.errors, t), CSV_TYPE)}
              data-testid="import-errors-csv"
            >
              {t('import.errors.download')}
            </button>
          </div>
          <DataTable columns={columns} rows={errors} rowKey={(e) => e.key} maxHeight={420} dense testId="import-errors" />
        </>
      )}
    </Card>
  );
}

function ImportForm({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const client = useApolloClient();
  const [importFile] = useMutation(ImportFileMutation);
  const [kind, setKind] = useState<ImportKind>('STATEMENTS');
  const [file, setFile] = useState<File | null>(null);
  const [allowPartial, setAllowPartial] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<{ error: unknown } | { unreadable: string } | null>(null);
  // Guards against a second submit before React re-renders the disabled button.
  const running = useRef(false);

  useEffect(() => {
    if (startedAt === null) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [startedAt]);

  const busy = startedAt !== null;
  const problem = file ? fileSizeProblem(file.size, t) : null;

  const choose = (f: File | null | undefined) => {
    if (!f || running.current) return;
    setFile(f);
    setFailure(null);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0]);
  };

  const submit = async () => {
    if (!file || problem || running.current) return;
    running.current = true;
    setStartedAt(Date.now());
    setResult(null);
    setFailure(null);
    try {
      let content: string;
      try {
        // Base64 of the bytes as they are: a BOM and UTF-8 Chinese text arrive byte-exact.
        content = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      } catch (e) {
        setFailure({ unreadable: e instanceof Error ? e.message : String(e) });
        return;
      }
      const { data } = await importFile({
        variables: { input: { kind, fileName: file.name, content, base64: true, allowPartial } },
        context: { uri: IMPORT_URI },
        fetchPolicy: 'no-cache',
      });
      const r = data?.importFile;
      if (!r) return;
      setResult({ ...r, fileName: file.name });
      if (r.committed) {
        // Imported rows change KPIs, rankings and lists of every page, also of pages not mounted now (refetching only active queries would leave theirs stale): drop every cached query result but the viewer.
        client.cache.modify({ id: 'ROOT_QUERY', fields: (value, { fieldName, DELETE }) => (KEEP_CACHED.has(fieldName) ? value : DELETE) });
        client.cache.gc();
      }
    } catch (e) {
      setFailure({ error: e });
    } finally {
      running.current = false;
      setStartedAt(null);
      onImported();
    }
  };

  const failureText =
    failure === null
      ? null
      : 'error' in failure
        ? importErrorMessage(failure.error, t)
        : t('import.fileUnreadable', { message: failure.unreadable });

  return (
    <>
      <Card title={t('import.upload')} subtitle={t('import.uploadHint', { max: formatMegabytes(MAX_IMPORT_BYTES) })} testId="import-form">
        <form
          className="import-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div className="import-field">
            <span className="import-field-label" id="import-kind-label">
              {t('import.kind')}
            </span>
            <div className="segmented" role="radiogroup" aria-labelledby="import-kind-label">
              {KINDS.map((k) => (
                <button
                  key={k}
                  type="button"
                  role="radio"
                  aria-checked={kind === k}
                  className={kind === k ? 'active' : ''}
                  disabled={busy}
                  onClick={() => setKind(k)}
                  data-testid={`import-kind-${k}`}
                >
                  {t(`import.kind.${k}`)}
                </button>
              ))}
            </div>
          </div>
          <div
            className={`import-drop ${dragging ? 'dragging' : ''} ${problem ? 'has-problem' : ''}`}
            onDragEnter={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragOver={(e) => {
              e.preventDefault();
              e.dataTransfer.dropEffect = 'copy';
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            data-testid="import-dropzone"
          >
            <span className="muted">{t('import.drop')}</span>
            <label className="btn btn-small import-choose">
              {t('import.choose')}
              <input
                type="file"
                className="sr-only"
                accept={ACCEPTED_FILES}
                disabled={busy}
                onChange={(e) => {
                  choose(e.target.files?.[0]);
                  // The same file can be chosen again (after it was changed on disk).
                  e.target.value = '';
                }}
                data-testid="import-file"
              />
            </label>
            <span style={{ flex: 1 }} />
            {file ? (
              <span data-testid="import-file-name">
                <span className="file-name">{file.name}</span> <span className="muted">({formatFileSize(file.size)})</span>
              </span>
            ) : (
              <span className="muted">{t('import.noFile')}</span>
            )}
          </div>
          {problem && (
            <div className="import-alert" role="alert" data-testid="import-file-problem">
              {problem}
            </div>
          )}
          <label className="import-check">
            <input
              type="checkbox"
              checked={allowPartial}
              disabled={busy}
              onChange={(e) => setAllowPartial(e.target.checked)}
              data-testid="import-partial"
            />
            <span>
              {t('import.allowPartial')}
              <br />
              <span className="hint" data-testid="import-partial-hint">
                {t(allowPartial ? 'import.allowPartialOn' : 'import.allowPartialOff')}
              </span>
            </span>
          </label>
          <div className="import-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={busy || !file || problem !== null}
              aria-busy={busy}
              data-testid="import-submit"
            >
              {t('import.submit')}
            </button>
            {busy && (
              <span className="import-busy" role="status" aria-live="polite" data-testid="import-busy">
                {t('import.busy', { s: elapsedSeconds(startedAt, now) })}
              </span>
            )}
          </div>
          {failureText !== null && (
            <div className="import-alert" role="alert" data-testid="import-error">
              <strong>{t('import.error.title')}:</strong> {failureText}
            </div>
          )}
        </form>
      </Card>
      {result && (
        <>
          <div style={{ height: 18 }} />
          <ResultCard result={result} />
        </>
      )}
    </>
  );
}

function HistoryCard({ history }: { history: ReturnType<typeof useImportHistory> }) {
  const { t, locale } = useI18n();
  const { data, previousData, loading, error, refetch } = history;
  const rows = (data ?? previousData)?.importBatches;
  const n = (v: number) => formatCount(v, locale);
  const columns: Column<Batch>[] = [
    {
      key: 'when',
      header: t('import.col.when'),
      render: (b) => <span className="num">{formatTimestamp(b.finishedAt)}</span>,
      sortValue: (b) => b.finishedAt,
    },
    {
      key: 'file',
      header: t('import.col.file'),
      render: (b) => <span className="name-cell">{b.fileName}</span>,
      sortValue: (b) => b.fileName,
    },
    { key: 'kind', header: t('import.col.kind'), render: (b) => t(`import.kind.${b.kind}`), sortValue: (b) => b.kind },
    { key: 'rowsIn', header: t('import.rowsIn'), align: 'right', render: (b) => n(b.rowsIn), sortValue: (b) => b.rowsIn },
    { key: 'accepted', header: t('import.accepted'), align: 'right', render: (b) => n(b.accepted), sortValue: (b) => b.accepted },
    {
      key: 'rejected',
      header: t('import.rejected'),
      align: 'right',
      render: (b) => <span className={b.rejected > 0 ? 'bad' : ''}>{n(b.rejected)}</span>,
      sortValue: (b) => b.rejected,
    },
    { key: 'inserted', header: t('import.inserted'), align: 'right', render: (b) => n(b.inserted), sortValue: (b) => b.inserted },
    { key: 'updated', header: t('import.updated'), align: 'right', render: (b) => n(b.updated), sortValue: (b) => b.updated },
    {
      key: 'status',
      header: t('col.status'),
      render: (b) => <Badge tone={STATUS_TONE[b.status]}>{t(`import.status.${b.status}`)}</Badge>,
      sortValue: (b) => b.status,
    },
    {
      key: 'by',
      header: t('import.col.by'),
      render: (b) => b.importedBy ?? <span className="muted">{b.source === 'cli' ? t('import.source.cli') : '—'}</span>,
      sortValue: (b) => b.importedBy ?? '',
    },
  ];
  return (
    <Card title={t('import.history')} subtitle={t('import.historyHint')} testId="import-history-card">
      <QueryState loading={loading && !rows} error={error} empty={rows?.length === 0} onRetry={() => void refetch()}>
        {() => <DataTable columns={columns} rows={rows!} rowKey={(b) => b.id} dense testId="import-history" />}
      </QueryState>
    </Card>
  );
}

function useImportHistory() {
  // Imports also come from the CLI and other planners: ask the API each time the page opens.
  return useQuery(ImportBatchesDoc, { variables: { first: HISTORY_SIZE }, fetchPolicy: 'cache-and-network' });
}

export default function ImportPage() {
  const history = useImportHistory();
  const { refetch } = history;
  return (
    <>
      <ImportForm onImported={() => void refetch().catch(() => undefined)} />
      <div style={{ height: 18 }} />
      <HistoryCard history={history} />
    </>
  );
}
