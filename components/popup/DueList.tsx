/**
 * Today's care, recall and repurchase messages (lib/care), each ready to paste: 复制 copies it
 * (and counts as a contact), 完成 marks it done so it leaves the list.
 * Presentational: props in, JSX out.
 */
import type { JSX } from 'preact';
import type { Lang } from '@/lib/i18n';
import type { Platform } from '@/lib/schemas';
import type { CareKind } from '@/lib/care';
import { t } from '@/lib/i18n/popup';
import { ShopLine } from './ShopLine';

/** One line of the list, with its message already rendered (or why it could not be). */
export interface DueRowData {
  /** The careDone id. */
  id: string;
  customerKey: string;
  nick: string;
  platform: Platform;
  shopName: string;
  kind: CareKind;
  moment: string;
  step: number;
  daysLate: number;
  /** Repurchase: the item's title. */
  itemTitle?: string;
  /** The ready message; undefined when the template could not be rendered. */
  text?: string;
  /** Why there is no message (template errors), in the seller's language. */
  errors: string[];
  /** Things to check before sending (quiet hours, contacted recently, compliance). */
  warnings: string[];
}

/** Props of {@link DueList}. */
export interface DueListProps<R extends DueRowData = DueRowData> {
  lang: Lang;
  /** null while loading. */
  rows: R[] | null;
  /** The id last copied, to say so on its button. */
  copiedId?: string | null;
  onCopy: (row: R) => void;
  onDone: (row: R) => void;
  onOpen: (customerKey: string) => void;
}

/** What the moment is, in a few words. */
export function momentLabel(
  row: Pick<DueRowData, 'kind' | 'moment' | 'step' | 'itemTitle'>,
  lang: Lang,
): string {
  switch (row.kind) {
    case 'afterReceipt':
      return t(lang, 'moment.care', { n: row.step });
    case 'newCustomer':
      return t(lang, 'moment.newcustomer', { n: row.step });
    case 'recall':
      return t(lang, row.moment === 'recall.churned' ? 'moment.churned' : 'moment.prechurn', {
        n: row.step,
      });
    case 'repurchase':
      return t(lang, 'moment.repurchase', { item: row.itemTitle ?? '', n: row.step });
  }
}

/** The due-today list. */
export function DueList<R extends DueRowData>(props: DueListProps<R>): JSX.Element {
  const { lang, rows } = props;
  return (
    <section class="kp-due" aria-label={t(lang, 'due.title')}>
      <h2 class="kp-h2">
        {t(lang, 'due.title')}
        {rows && rows.length > 0 && <span class="kp-count">{rows.length}</span>}
      </h2>
      {rows === null ? (
        <p class="kp-muted">{t(lang, 'due.loading')}</p>
      ) : rows.length === 0 ? (
        <p class="kp-muted">{t(lang, 'due.none')}</p>
      ) : (
        <ul class="kp-due-list">
          {rows.map((row) => (
            <li key={row.id} class="kp-due-item" data-due-id={row.id}>
              <div class="kp-row-top">
                <button
                  type="button"
                  class="kp-linkbtn kp-nick"
                  onClick={() => props.onOpen(row.customerKey)}
                >
                  <bdi>{row.nick}</bdi>
                </button>
                <ShopLine class="kp-muted kp-shop" lang={lang} of={row} />
              </div>
              <div class="kp-moment">
                {momentLabel(row, lang)}
                {row.daysLate > 0 && (
                  <span class="kp-muted">{t(lang, 'due.late', { n: row.daysLate })}</span>
                )}
              </div>
              {row.text !== undefined ? (
                <p class="kp-message">{row.text}</p>
              ) : (
                <p class="kp-alert">
                  {t(lang, 'due.noMessage')} {row.errors.join('；')}
                </p>
              )}
              {row.warnings.length > 0 && (
                <ul class="kp-warnings" aria-label={t(lang, 'due.check')}>
                  {row.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
              <div class="kp-actions">
                <button
                  type="button"
                  class="kp-primary"
                  disabled={row.text === undefined}
                  onClick={() => props.onCopy(row)}
                >
                  {props.copiedId === row.id ? t(lang, 'due.copied') : t(lang, 'due.copy')}
                </button>
                <button type="button" onClick={() => props.onDone(row)}>
                  {t(lang, 'due.done')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
