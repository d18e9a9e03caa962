/**
 * A dashboard card: title, the chart (or a "no data" line), a one-line takeaway, and the figures
 * as a small table whose rows open the same customer lists as a click on the chart (for keyboard
 * and screen-reader users, and for anyone who wants the exact numbers). Presentational.
 */
import type { ComponentChildren } from 'preact';

/** One row of the card's figures table. */
export interface CardRow {
  label: string;
  value: string;
  /** How many customers the row opens (0: nothing to open). */
  customers: number;
}

/** Props of {@link ChartCard}. */
export interface ChartCardProps {
  /** Stable id: the card carries data-testid `chart-<name>`. */
  name: string;
  title: string;
  takeaway: string;
  /** A second line of figures under the takeaway (e.g. the ladder's conversion rates). */
  detail?: string;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string;
  /** "Click the chart to see the customers" hint. */
  hint: string;
  /** Caption of the figures table. */
  tableLabel: string;
  rows: readonly CardRow[];
  onRow: (index: number) => void;
  /** The chart itself. */
  children?: ComponentChildren;
}

/** A titled chart card with its takeaway. */
export function ChartCard(props: ChartCardProps) {
  const { name, title, takeaway, detail, empty, hint, tableLabel, rows, onRow, children } = props;
  const titleId = `chart-${name}-title`;
  return (
    <section class="card" data-testid={`chart-${name}`} aria-labelledby={titleId}>
      <h2 id={titleId} class="card-title">
        {title}
      </h2>
      <p class="card-takeaway" data-testid={`takeaway-${name}`}>
        {takeaway}
      </p>
      {detail && <p class="card-detail">{detail}</p>}
      {empty ? <p class="card-empty">{empty}</p> : children}
      {!empty && (
        <details class="card-table">
          <summary>{tableLabel}</summary>
          <p class="card-hint">{hint}</p>
          <table>
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${i}-${r.label}`}>
                  <th scope="row">{r.label}</th>
                  <td>
                    <button
                      type="button"
                      class="link"
                      disabled={r.customers === 0}
                      data-testid={`bucket-${name}-${i}`}
                      onClick={() => onRow(i)}
                    >
                      {r.value}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
