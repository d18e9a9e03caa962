/**
 * The customers behind a bucket: a table (nick, shop, tier, purchases, spend, last order), the
 * first rows only for a big bucket, and an export of the whole list. Presentational.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { DisplayRow } from '@/lib/dashboard';

/** A row as shown (already formatted), keyed by its customer. */
export type CustomerListRow = DisplayRow & { key: string };

/** Props of {@link CustomerList}. */
export interface CustomerListProps {
  title: string;
  /** Column headers: nick, shop, tier, purchases, spend, last order. */
  columns: readonly [string, string, string, string, string, string];
  rows: readonly CustomerListRow[];
  /** Shown when only some rows are on screen, e.g. "showing the first 200". */
  more?: string;
  emptyText: string;
  exportLabel: string;
  closeLabel: string;
  onExport: () => void;
  onClose: () => void;
}

/** The list panel; Escape or the close button closes it. */
export function CustomerList(props: CustomerListProps) {
  const { title, columns, rows, more, emptyText, exportLabel, closeLabel, onExport, onClose } =
    props;
  const heading = useRef<HTMLHeadingElement>(null);
  // Move focus to the list so keyboard users land where the result is.
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <section
      class="list"
      data-testid="customer-list"
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header class="list-head">
        <h2 tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <div class="list-actions">
          <button
            type="button"
            onClick={onExport}
            disabled={rows.length === 0}
            data-testid="export-csv"
          >
            {exportLabel}
          </button>
          <button type="button" onClick={onClose}>
            {closeLabel}
          </button>
        </div>
      </header>
      {rows.length === 0 ? (
        <p>{emptyText}</p>
      ) : (
        <div class="list-scroll">
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <td>{r.nick}</td>
                  <td>{r.shop}</td>
                  <td>{r.tier}</td>
                  <td class="num">{r.purchases}</td>
                  <td class="num">{r.spend}</td>
                  <td>{r.lastOrder}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more && <p class="list-more">{more}</p>}
    </section>
  );
}
