/**
 * The import worker stages each batch's JSON text (lib/importers/staging) and the options page
 * passes on only its key (importBatch `staged`), so the page's main thread never holds the orders.
 * The background takes the text (once: a key is good for one batch) and reads it as it reads a
 * list of orders; text that is not a JSON list of at most 5000 orders, or a key with nothing
 * staged, gets a sentence that says so, and nothing of it is written. Batches a closed page left
 * behind are dropped.
 */
import { getDb } from '../../lib/db';
import {
  clearJob,
  dropStale,
  stageBatch,
  STAGED_MAX_AGE_MS,
  takeBatch,
} from '../../lib/importers/staging';
import { IMPORT_BATCH_MAX } from '../../lib/messaging';
import { callBackground, pageSender } from '../support/dispatch';
import { order as base, T0 } from '../support/make-order';

const PAGE = pageSender('options.html');

const order = (i: number) =>
  base({
    orderId: `42700000000000${String(i).padStart(5, '0')}`,
    buyerId: `nick:buyer${i % 5}`,
    buyerNick: `buyer${i % 5}`,
    createdAt: T0 + i * 60_000,
    amount: 1000 + i,
    source: 'import',
  });

const importStaged = (staged: string) => callBackground('importBatch', { staged }, PAGE);

let batches = 0;
/** Stages the text as the worker does, then sends its key as the page does. */
async function importJson(text: string) {
  const key = `job-${batches}:${batches++}`;
  await stageBatch(key, text);
  return importStaged(key);
}

describe('importBatch from a staged batch', () => {
  it('writes what the same orders sent as a list write, and answers rejects by index', async () => {
    const db = getDb();
    const orders: unknown[] = Array.from({ length: 20 }, (_, i) => order(i));
    orders[3] = { ...order(3), status: 'teleported' };
    const r = await importJson(JSON.stringify(orders));
    expect(r).toMatchObject({ ok: true, value: { written: 19 } });
    const value = r.ok ? (r.value as { rejected: { index: number }[] }) : undefined;
    expect(value?.rejected.map((x) => x.index)).toEqual([3]);
    expect(await db.orders.count()).toBe(19);
    expect((await db.customers.toArray()).map((c) => c.nick).sort()).toEqual([
      'buyer0',
      'buyer1',
      'buyer2',
      'buyer3',
      'buyer4',
    ]);
    // The same batch again, as a list: nothing new.
    const again = await callBackground('importBatch', { orders }, PAGE);
    expect(again).toMatchObject({ ok: true, value: { written: 0, unchanged: 19 } });
  });

  it.each([
    ['cut-off text', JSON.stringify([order(1), order(2)]).slice(0, -7), /not JSON/],
    ['an object, not a list', JSON.stringify({ orders: [order(1)] }), /not a list of orders/],
    [
      'too many orders',
      JSON.stringify(new Array(IMPORT_BATCH_MAX + 1).fill(order(1))),
      /5001 orders in one batch \(at most 5000\)/,
    ],
  ])('%s: a sentence that says so, nothing written', async (_what, text, error) => {
    const before = await getDb().orders.count();
    const r = await importJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
    expect(await getDb().orders.count()).toBe(before);
  });

  it('takes a staged batch once: the same key again is refused and writes nothing', async () => {
    const before = await getDb().orders.count();
    await stageBatch('job-a:0', JSON.stringify([order(101), order(102)]));
    expect(await importStaged('job-a:0')).toMatchObject({ ok: true, value: { written: 2 } });
    const again = await importStaged('job-a:0');
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatch(/no batch staged as job-a:0/);
    expect(await getDb().orders.count()).toBe(before + 2);
  });

  it('refuses a key that is not a batch key, and a batch with neither orders nor key', async () => {
    for (const input of [
      { staged: 42 },
      { staged: '../x' },
      { staged: 'job:1; drop' },
      { ordersJson: '[]' },
      {},
    ]) {
      const r = await callBackground('importBatch', input, PAGE);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^invalid importBatch/);
    }
  });
});

describe('the staging store', () => {
  it("a job's end drops its batches and no other job's", async () => {
    await stageBatch('job-a:0', '[1]');
    await stageBatch('job-a:12', '[2]');
    await stageBatch('job-ab:0', '[3]');
    await stageBatch('job-b:0', '[4]');
    await clearJob('job-a');
    expect(await takeBatch('job-a:0')).toBeUndefined();
    expect(await takeBatch('job-a:12')).toBeUndefined();
    expect(await takeBatch('job-ab:0')).toBe('[3]');
    expect(await takeBatch('job-b:0')).toBe('[4]');
  });

  it('drops what was staged more than an hour ago, and keeps the rest', async () => {
    const now = Date.UTC(2026, 11, 7, 12);
    await stageBatch('old:0', '[1]', now - STAGED_MAX_AGE_MS - 1);
    await stageBatch('new:0', '[2]', now - STAGED_MAX_AGE_MS + 60_000);
    expect(await dropStale(now)).toBe(1);
    expect(await takeBatch('old:0')).toBeUndefined();
    expect(await takeBatch('new:0')).toBe('[2]');
  });
});
