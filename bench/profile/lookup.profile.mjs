// The pure part of one sync answer (100 rows) and of a full stats rebuild, at 100k customers.
import { test } from 'vitest';
import { generateHistory } from '../../scripts/history.mjs';
import { validateOrders } from '@/lib/db/ingest';
import { applyOrder, toStoredOrder } from '@/lib/db/aggregate';
import { computeShopStats } from '@/lib/customers';
import { summarizeRow } from '@/lib/summary';
import { parseSettings } from '@/lib/settings';

test('lookup parts', () => {
  const now = Date.now();
  const raw = generateHistory({ shopId: 's', orders: 1e6, buyers: 100_000, now, seed: 3 });
  const stored = validateOrders(JSON.parse(JSON.stringify(raw))).ok.map((o) => toStoredOrder(o, 1));
  const cs = new Map();
  for (const o of stored) cs.set(o.customerKey, applyOrder(cs.get(o.customerKey), undefined, o));
  const customers = [...cs.values()];
  const settings = parseSettings(undefined);
  let t0 = performance.now();
  const stats = computeShopStats(customers, settings, now);
  console.log(
    `computeShopStats over ${customers.length}: ${(performance.now() - t0).toFixed(1)} ms`,
  );
  t0 = performance.now();
  structuredClone(customers);
  console.log(
    `structuredClone of the customers (≈ IDB read cost floor): ${(performance.now() - t0).toFixed(1)} ms`,
  );
  const rows = stored.slice(0, 100);
  for (let rep = 0; rep < 3; rep++) {
    t0 = performance.now();
    const out = rows.map((order) =>
      summarizeRow({
        order,
        customer: cs.get(order.customerKey),
        meta: undefined,
        contacts: [],
        stats,
        settings,
        now,
      }),
    );
    const ms = performance.now() - t0;
    const t1 = performance.now();
    const bytes = JSON.stringify(out).length;
    console.log(
      `summarizeRow ×100: ${ms.toFixed(1)} ms; reply JSON ${(bytes / 1024).toFixed(0)} kB (stringify ${(performance.now() - t1).toFixed(1)} ms)`,
    );
  }
});
