/** The dashboard filters: which shop (or all) and which period. Presentational. */

/** Props of {@link Filters}. */
export interface FiltersProps {
  shopLabel: string;
  rangeLabel: string;
  /** 'all' first, then each shop. */
  shops: readonly { value: string; label: string }[];
  shop: string;
  ranges: readonly { value: string; label: string }[];
  range: string;
  onShop: (value: string) => void;
  onRange: (value: string) => void;
}

/** A shop select and a row of period buttons. */
export function Filters(props: FiltersProps) {
  const { shopLabel, rangeLabel, shops, shop, ranges, range, onShop, onRange } = props;
  return (
    <div class="filters">
      <label>
        {shopLabel}{' '}
        <select
          value={shop}
          data-testid="filter-shop"
          onChange={(e) => onShop(e.currentTarget.value)}
        >
          {shops.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <div role="group" aria-label={rangeLabel} class="ranges">
        {ranges.map((r) => (
          <button
            key={r.value}
            type="button"
            aria-pressed={r.value === range}
            data-testid={`range-${r.value}`}
            onClick={() => onRange(r.value)}
          >
            {r.label}
          </button>
        ))}
      </div>
    </div>
  );
}
