/**
 * History import: choose or drop a report, pick the shop, check the detected format, the column
 * mapping and the first rows, then import with progress and cancel, and read the report.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatMoney } from '@/lib/reminders';
import { Id, PLATFORMS, type Platform, type Shop } from '@/lib/schemas';
import type { Preview } from '@/lib/importers';
import type { ImportState } from './import-state';
import { ImportReport } from './ImportReport';
import { bound, type Lang } from '@/lib/i18n';
import { t as optionsT, type T } from '@/lib/i18n/options';
import { ActionButton, InputRow, Options, SelectRow, ShopOptions, TableHead } from './controls';
import { formatBytes } from './format';

export interface ImportPanelProps {
  lang: Lang;
  shops: readonly Shop[];
  state: ImportState;
  onFiles: (files: File[]) => void;
  onStart: (target: { shopId: string; platform: Platform }) => void;
  onCancel: () => void;
  onReset: () => void;
}

const NEW_SHOP = '__new__';

/** The import panel. */
export function ImportPanel(props: ImportPanelProps) {
  const t = bound(optionsT, props.lang);
  const { state } = props;
  const [over, setOver] = useState(false);
  const busy = state.phase === 'importing' || state.phase === 'reading';

  return (
    <section class="import" data-testid="import-panel">
      <div
        class={`dropzone${over ? ' over' : ''}`}
        data-testid="import-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const files = [...(e.dataTransfer?.files ?? [])];
          if (!busy && files.length) props.onFiles(files);
        }}
      >
        <p>{t('impDrop')}</p>
        <input
          type="file"
          multiple
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          data-testid="import-file"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length) props.onFiles(files);
          }}
        />
      </div>

      {state.phase === 'reading' ? (
        <p role="status">{t('impReading', { name: state.names.join(', ') })}</p>
      ) : null}
      {state.phase === 'refused' ? (
        <div class="field-error" role="alert" data-testid="import-refused">
          <strong>{t('impRefused')}</strong>（{state.name}）：{state.message[props.lang]}
        </div>
      ) : null}
      {state.phase === 'ready' ? (
        <Ready t={t} lang={props.lang} shops={props.shops} state={state} onStart={props.onStart} />
      ) : null}
      {state.phase === 'importing' ? (
        <div class="progress">
          <progress data-testid="import-progress" max={1} value={state.fraction} />{' '}
          <span>
            {Math.floor(state.fraction * 100)}% · {t('impProgress', { rows: state.rowsDone })} ·{' '}
            {t('impWritten')} {state.counts.written}
          </span>{' '}
          <button
            type="button"
            data-testid="import-cancel"
            disabled={state.cancelling}
            onClick={props.onCancel}
          >
            {t('impCancel')}
          </button>
        </div>
      ) : null}
      {state.phase === 'done' || state.phase === 'failed' ? (
        <ImportReport t={t} lang={props.lang} state={state} />
      ) : null}
      {state.phase === 'done' || state.phase === 'failed' || state.phase === 'refused' ? (
        <button type="button" data-testid="import-again" onClick={props.onReset}>
          {t('impAnother')}
        </button>
      ) : null}
    </section>
  );
}

function Ready(props: {
  t: T;
  lang: Lang;
  shops: readonly Shop[];
  state: Extract<ImportState, { phase: 'ready' }>;
  onStart: ImportPanelProps['onStart'];
}) {
  const { t, lang } = props;
  const p = props.state.main.preview;
  const candidates = props.shops.filter((s) => s.platform === p.platform);
  const [pick, setPick] = useState(candidates[0]?.key ?? NEW_SHOP);
  const [shopId, setShopId] = useState(p.shop?.id ?? '');
  const [platform, setPlatform] = useState<Platform>(p.platform);
  useEffect(() => {
    setPick(candidates[0]?.key ?? NEW_SHOP);
    setShopId(p.shop?.id ?? '');
    setPlatform(p.platform);
  }, [p]);

  const existing = props.shops.find((s) => s.key === pick);
  const target = existing
    ? { shopId: existing.shopId, platform: existing.platform }
    : { shopId: shopId.trim(), platform };
  const idBad = !existing && !Id.safeParse(target.shopId).success;
  const mismatch = target.platform !== p.platform;

  return (
    <div class="ready" data-testid="import-ready">
      <p>
        {t('impFormat')}：<strong data-testid="import-format">{p.label[lang]}</strong> ·{' '}
        {t('impEncoding')} {p.encoding} · {props.state.main.name}（
        {formatBytes(props.state.main.size)}）
      </p>
      {props.state.items ? (
        <p>
          {t('impItemsFile')}：{props.state.items.name} — {t('impItemsJoined')}
        </p>
      ) : null}
      {p.notes.length ? (
        <ul class="hint">
          {p.notes.map((n, i) => (
            <li key={i}>{n[lang]}</li>
          ))}
        </ul>
      ) : null}

      <details open>
        <summary>{t('impMapping')}</summary>
        <table data-testid="import-mapping">
          <TableHead labels={[t('impField'), t('impColumn')]} />
          <tbody>
            {Object.entries(p.mapping).map(([field, column]) => (
              <tr key={field}>
                <td>
                  <code>{field}</code>
                </td>
                <td>{column}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      <PreviewTable t={t} lang={lang} preview={p} />

      <div class="row shop-pick">
        <SelectRow label={t('impShop')} testId="import-shop" value={pick} onChange={setPick}>
          <ShopOptions shops={candidates} />
          <option value={NEW_SHOP}>{t('impNewShop')}</option>
        </SelectRow>
        {existing ? null : (
          <>
            <InputRow
              label={t('impShopId')}
              testId="import-shop-id"
              value={shopId}
              onInput={setShopId}
            />
            <SelectRow
              label={t('impPlatform')}
              testId="import-platform"
              value={platform}
              onChange={setPlatform}
            >
              <Options values={PLATFORMS} label={(x) => x} />
            </SelectRow>
          </>
        )}
      </div>
      {p.shop ? (
        <p class="hint">
          {t('impSuggested', { shop: [p.shop.name, p.shop.id].filter(Boolean).join(' / ') })}
        </p>
      ) : null}
      {idBad && shopId !== '' ? <p class="field-error">{t('impShopIdBad')}</p> : null}
      {mismatch ? (
        <p class="field-error">
          {t('impPlatformMismatch', { file: p.platform, shop: target.platform })}
        </p>
      ) : null}
      <ActionButton
        kind="primary"
        testId="import-start"
        label={t('impStart')}
        disabled={idBad || mismatch}
        onClick={() => props.onStart(target)}
      />
    </div>
  );
}

function PreviewTable(props: { t: T; lang: Lang; preview: Preview }) {
  const { t, lang } = props;
  return (
    <details open>
      <summary>{t('impPreview')}</summary>
      <table data-testid="import-preview">
        <TableHead
          labels={[
            t('impLine'),
            t('impOrderId'),
            t('impBuyer'),
            t('impStatus'),
            t('impCreated'),
            t('impAmount'),
            t('impItems'),
          ]}
        />
        <tbody>
          {props.preview.rows.map((r) => {
            if (r.error)
              return (
                <tr key={r.line} class="field-error">
                  <td>{r.line}</td>
                  <td colSpan={6}>{r.error[lang]}</td>
                </tr>
              );
            const o = r.order;
            const items = o?.items ?? r.items?.items ?? [];
            return (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{o?.orderId ?? r.items?.orderId}</td>
                <td>{o?.buyerNick}</td>
                <td>{o?.status}</td>
                <td>
                  {o ? new Date(o.createdAt).toLocaleString(lang === 'en' ? 'en' : 'zh-CN') : ''}
                </td>
                <td>{o ? formatMoney(o.amount, lang) : ''}</td>
                <td>{items.map((i) => `${i.title}×${i.quantity}`).join('；')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
