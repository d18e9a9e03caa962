import fc from 'fast-check';
import Papa from 'papaparse';
import { importCsv } from '../../lib/importers';
import { csvChunks, detectLayout, parseSlice, recordsEnd } from '../../lib/importers/csv';
import { OrderInput } from '../../lib/schemas';
import { collector, fixture, utf8 } from '../support/importers';

const numRuns = Number(process.env.KEZHI_FUZZ_RUNS ?? 200);

const TB_HEADER = new TextDecoder('gb18030')
  .decode(fixture('taobao-orders.csv'))
  .split('\r\n')[0]!
  .split(',');
const STATUSES = [
  '交易成功',
  '等待买家付款',
  '买家已付款，等待卖家发货',
  '交易关闭',
  '卖家已发货，等待买家确认',
];

/** A Taobao report of n synthetic orders, deterministic. */
function bigReport(n: number): Uint8Array {
  const lines = [TB_HEADER.join(',')];
  for (let i = 0; i < n; i++) {
    const cells = TB_HEADER.map(() => '');
    const set = (h: string, v: string) => (cells[TB_HEADER.indexOf(h)] = v);
    set('订单编号', `="3306183637220${String(i).padStart(6, '0')}"`);
    set('买家会员名', `tb_test_buyer${i % 997}`);
    set('买家实际支付金额', `${(i % 500) + 1}.${String(i % 100).padStart(2, '0')}`);
    set('总金额', '999.00');
    set('订单状态', STATUSES[i % STATUSES.length]!);
    set('订单创建时间', `2023-${String((i % 12) + 1).padStart(2, '0')}-15 12:00:00`);
    set('宝贝标题 ', `"测试商品${i % 37}，含逗号"`);
    set('宝贝总数量', String((i % 3) + 1));
    set('联系手机', '138****0000');
    lines.push(cells.join(','));
  }
  return utf8(lines.join('\r\n') + '\r\n');
}

// 20,000 rows on 2 shared cores: a generous limit, no timing asserted.
describe('streaming a large report', { timeout: 60_000 }, () => {
  const bytes = bigReport(20_000);

  it('sends 20,000 rows in batches with progress rising to exactly 1', async () => {
    const { opts, got } = collector({ batchSize: 2000 });
    const report = await importCsv(bytes, opts);
    expect(report).toMatchObject({ ok: true, rowsRead: 20_000, ordersOk: 20_000, rowsSkipped: 0 });
    expect(got.batches.length).toBe(10);
    for (const { batch } of got.batches)
      expect(batch.kind === 'orders' && batch.orders.length).toBe(2000);
    const progress = got.batches.map((b) => b.progress);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.fraction).toBeGreaterThan(progress[i - 1]!.fraction);
      expect(progress[i]!.rowsDone).toBeGreaterThan(progress[i - 1]!.rowsDone);
    }
    expect(progress.at(-1)).toEqual({
      rowsDone: 20_000,
      bytesDone: bytes.byteLength,
      bytesTotal: bytes.byteLength,
      fraction: 1,
    });
    expect(got.progress.at(-1)?.fraction).toBe(1);
    expect(new Set(got.orders.map((o) => o.orderId)).size).toBe(20_000);
    expect(got.orders[19_999]?.orderId).toBe('3306183637220019999');
  });

  it('is deterministic: the same file twice gives identical orders', async () => {
    const a = collector({ batchSize: 3000 });
    const b = collector({ batchSize: 3000 });
    await importCsv(bytes, a.opts);
    await importCsv(bytes.slice(), b.opts);
    expect(b.got.orders).toEqual(a.got.orders);
    for (const f of ['taobao-orders.csv', 'jd-orders.csv', 'taobao-bad-rows.csv']) {
      const x = collector();
      const y = collector();
      expect(await importCsv(fixture(f), y.opts)).toEqual(await importCsv(fixture(f), x.opts));
      expect(y.got.batches).toEqual(x.got.batches);
    }
  });

  it('stops between batches when aborted, and says it was cancelled', async () => {
    const ac = new AbortController();
    const { opts, got } = collector({
      batchSize: 2000,
      signal: ac.signal,
      onBatch: () => {
        if (got.batches.length === 2) ac.abort();
      },
    });
    const report = await importCsv(bytes, opts);
    expect(report).toMatchObject({ ok: true, cancelled: true, ordersOk: 4000 });
    expect(got.batches).toHaveLength(2);
    expect(report.ok && report.rowsRead).toBeLessThan(20_000);
  });

  it('lets a cancel that arrives as a later task (a worker message) stop the import', async () => {
    const ac = new AbortController();
    const { opts, got } = collector({
      batchSize: 2000,
      signal: ac.signal,
      // The abort is queued behind this batch, the way a worker receives "cancel" from the page.
      onBatch: () => void setTimeout(() => ac.abort(), 0),
    });
    const report = await importCsv(bytes, opts);
    expect(report).toMatchObject({ ok: true, cancelled: true });
    expect(got.batches.length).toBeLessThanOrEqual(2);
  });

  it('does nothing when aborted before it starts', async () => {
    const ac = new AbortController();
    ac.abort();
    const { opts, got } = collector({ signal: ac.signal });
    expect(await importCsv(bytes, opts)).toMatchObject({ ok: true, cancelled: true, rowsRead: 0 });
    expect(got.batches).toEqual([]);
  });

  it('stops and rejects when onBatch fails (a failed database write)', async () => {
    const { opts, got } = collector({
      onBatch: () => Promise.reject(new Error('disk full')),
    });
    await expect(importCsv(bytes, opts)).rejects.toThrow('disk full');
    expect(got.batches).toHaveLength(1);
  });

  it('reports a header-only file as an import of nothing, progress still reaching 1', async () => {
    const { opts, got } = collector();
    const report = await importCsv(utf8(TB_HEADER.join(',') + '\r\n'), opts);
    expect(report).toMatchObject({ ok: true, rowsRead: 0, ordersOk: 0, cancelled: false });
    expect(got.batches).toEqual([]);
    expect(got.progress.at(-1)?.fraction).toBe(1);
  });
});

describe('chunked CSV parsing', { timeout: 120_000 }, () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('"', '""', ',', '\r\n', '\n', '\r', ' "x" ', '="123"', '测试'),
  );

  it('cuts at record boundaries: chunks parse to the same rows as the whole text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        (rows, per) => {
          // Papa.unparse quotes properly: a well-formed file.
          const text = Papa.unparse(rows, { newline: '\r\n' });
          const layout = { delimiter: ',', newline: '\r\n' } as const;
          const whole = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' }).data;
          // papaparse reads a final line break as one more, empty record; we read it as the end
          // of the last record (blank records are skipped on import either way).
          if (text.endsWith('\r\n')) whole.pop();
          const chunked = [...csvChunks(text, 0, 1, layout, per)].flatMap((c) =>
            c.rows.map((r) => r.cells),
          );
          expect(chunked).toEqual(whole);
          expect(recordsEnd(text, 0, rows.length, layout)).toBe(text.length);
        },
      ),
      { numRuns },
    );
  });

  it('numbers records as a spreadsheet does, even across quoted line breaks', () => {
    const text = 'a,b\r\n"x\r\ny",1\r\n\r\nz,2';
    const layout = detectLayout(text);
    expect(parseSlice(text, 0, text.length, 1, layout).map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\r\ny', '1']],
      [3, ['']],
      [4, ['z', '2']],
    ]);
  });
});

describe('garbage in', { timeout: 120_000 }, () => {
  const garbage = fc.oneof(
    fc.string({ maxLength: 12, unit: 'binary' }),
    fc.constantFrom(
      '', '"', ',', '\r\n', '="', '="3306183637220018070"', '3.3E+18', '169.00', '-1', '1e9',
      '交易成功', '等待买家付款', '2024-02-30 10:00:00', '2024-03-01 10:00:00', '牛**', '\uFFFD',
      'x'.repeat(600),
    ),
  ); // prettier-ignore

  it('random cells never throw: each row is an order or a reported skip', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(garbage, { minLength: 0, maxLength: TB_HEADER.length + 2 }), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.boolean(),
        async (rows, quote) => {
          const body = rows.map((r) => (quote ? Papa.unparse([r.length ? r : ['']]) : r.join(',')));
          const bytes = utf8([TB_HEADER.join(','), ...body].join('\r\n'));
          const { opts, got } = collector({ batchSize: 7 });
          const report = await importCsv(bytes, opts);
          if (!report.ok) return; // a whole-file refusal is a clear answer too
          expect(report.rowsRead).toBe(report.rowsOk + report.rowsSkipped);
          expect(report.errors.length).toBe(Math.min(report.rowsSkipped, 1000));
          for (const e of report.errors) {
            expect(e.line).toBeGreaterThanOrEqual(2);
            expect(e.reason.zh_CN.length).toBeGreaterThan(0);
            expect(e.reason.en.length).toBeGreaterThan(0);
          }
          const lines = report.errors.map((e) => e.line);
          expect([...lines].sort((a, b) => a - b)).toEqual(lines);
          for (const o of got.orders) expect(OrderInput.safeParse(o).success).toBe(true);
        },
      ),
      { numRuns },
    );
  });

  it('random bytes never throw: a refusal or a report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const { opts } = collector();
        const got = await importCsv(bytes, opts);
        if (!got.ok) expect(got.message.zh_CN.length).toBeGreaterThan(0);
        else expect(got.rowsRead).toBe(got.rowsOk + got.rowsSkipped);
      }),
      { numRuns },
    );
  });
});
