// Where the service worker's ingest time goes, per 2,000-order batch, in Node (same V8).
import { test } from 'vitest';
import { generateHistory } from '../../scripts/history.mjs';
import { validateOrders } from '@/lib/db/ingest';
import { applyOrder, toStoredOrder } from '@/lib/db/aggregate';
import { searchTermsFor } from '@/lib/search';

const time = (label, fn, reps = 5) => {
  fn();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  console.log(`${label}: ${((performance.now() - t0) / reps).toFixed(1)} ms per 2000`);
};

test('ingest parts', () => {
  const raw = generateHistory({
    shopId: 's',
    orders: 2000,
    buyers: 2000,
    now: Date.now(),
    seed: 3,
  });
  const json = JSON.parse(JSON.stringify(raw));
  time('validateOrders (zod)', () => void validateOrders(json));
  const ok = validateOrders(json).ok;
  const stored = ok.map((o) => toStoredOrder(o, 1));
  time('toStoredOrder', () => void ok.map((o) => toStoredOrder(o, 1)));
  time('applyOrder (incl. searchTerms)', () => {
    const m = new Map();
    for (const o of stored) m.set(o.customerKey, applyOrder(m.get(o.customerKey), undefined, o));
  });
  time('searchTermsFor only', () => {
    for (const o of stored)
      searchTermsFor({
        nick: o.buyerNick,
        receiverNames: o.receiverName ? [o.receiverName] : [],
        phoneTails: o.phoneTail ? [o.phoneTail] : [],
        orderIds: [o.orderId],
      });
  });
  const c = new Map();
  for (const o of stored) c.set(o.customerKey, applyOrder(c.get(o.customerKey), undefined, o));
  const terms = [...c.values()].reduce((s, x) => s + x.searchTerms.length, 0);
  console.log(`customers ${c.size}, search terms per customer ${(terms / c.size).toFixed(1)}`);
  time('structuredClone orders+customers', () => void structuredClone([stored, [...c.values()]]));
});
