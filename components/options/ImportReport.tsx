/** What an import did: rows read, orders written and unchanged, and each skipped or rejected row. */
import type { Lang } from '@/lib/i18n';
import type { T } from '@/lib/i18n/options';
import { SKIPPED_SHOWN, type ImportState } from './import-state';

export function ImportReport(props: {
  t: T;
  lang: Lang;
  state: Extract<ImportState, { phase: 'done' | 'failed' }>;
}) {
  const { t, lang, state } = props;
  const report = state.phase === 'done' ? state.report : undefined;
  const c = state.counts;
  return (
    <div class="report" data-testid="import-report">
      {state.phase === 'failed' ? (
        <p class="field-error" role="alert">
          {t('impFailed')}
          {state.message}
        </p>
      ) : report?.cancelled ? (
        <p class="warning" role="status">
          {t('impCancelled')}
        </p>
      ) : (
        <p class="ok" role="status">
          {t('impDone')}
        </p>
      )}
      <dl>
        {report ? (
          <>
            <dt>{t('impRowsRead')}</dt>
            <dd data-testid="import-rows-read">{report.rowsRead}</dd>
            <dt>{t('impOrdersInFile')}</dt>
            <dd>{report.ordersOk}</dd>
          </>
        ) : null}
        <dt>{t('impWritten')}</dt>
        <dd data-testid="import-written">{c.written}</dd>
        <dt>{t('impUnchanged')}</dt>
        <dd data-testid="import-unchanged">{c.unchanged}</dd>
        {report ? (
          <>
            <dt>{t('impSkipped')}</dt>
            <dd data-testid="import-skipped">{report.rowsSkipped}</dd>
          </>
        ) : null}
      </dl>
      {report && report.errors.length > 0 ? (
        <details open>
          <summary>
            {t('impSkippedList', {
              n: Math.min(SKIPPED_SHOWN, report.errors.length),
              total: report.rowsSkipped,
            })}
          </summary>
          <ul data-testid="import-skipped-list">
            {report.errors.slice(0, SKIPPED_SHOWN).map((e) => (
              <li key={e.line}>
                {t('impLine')} {e.line}：{e.reason[lang]}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {c.rejectedCount > 0 ? (
        <details>
          <summary>
            {t('impRejected')}：{c.rejectedCount}
          </summary>
          <ul>
            {c.rejected.map((r, i) => (
              <li key={i}>
                {r.orderId}：{r.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report?.notes.length ? (
        <ul class="hint">
          {report.notes.map((n, i) => (
            <li key={i}>{n[lang]}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
