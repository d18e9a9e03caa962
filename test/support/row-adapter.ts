/**
 * A minimal order-page adapter for the content script's tests: rows are `.order` elements with
 * their id in `data-id` and a `.buyer` cell as the anchor; orders are left out (they would go to
 * ingest, which those tests do not look at). `over` replaces any field (JSON endpoints, parseJson).
 */
import type { Adapter, PageRow } from '../../lib/adapters/types';

export function rowAdapter(over: Partial<Adapter> = {}): Adapter {
  return {
    id: 'test',
    platform: 'taobao',
    label: 'test',
    matches: () => true,
    isOrderPage: () => true,
    shopId: () => 'shop1',
    rowsHint: '.order',
    readRows(root) {
      const items: PageRow[] = [...root.querySelectorAll('.order')].map((row) => ({
        orderId: row.getAttribute('data-id')!,
        row,
        anchor: row.querySelector('.buyer')!,
      }));
      return { ok: true, items, skipped: [] };
    },
    jsonEndpoints: [],
    ...over,
  };
}
