// @vitest-environment jsdom
import { File as NodeFile } from 'node:buffer';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useEffect, useState } from 'preact/hooks';
import { ImportPanel } from '../../components/options/ImportPanel';
import type { ImportState } from '../../components/options/import-state';
import {
  ImportController,
  type ImportDeps,
  type WorkerLike,
} from '../../entrypoints/options/import-controller';
import { BATCH_SIZE, createImportJob } from '../../entrypoints/options/import-job';
import { openDb, type KezhiDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import { batchOrders } from '../../lib/messaging';
import { takeStaged } from '../../lib/importers/staging';
import type { Shop } from '../../lib/schemas';

const NOW = Date.UTC(2026, 4, 17);

const HEADER =
  '订单编号,买家会员名,买家支付宝账号,支付交易号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,订单付款时间 ,宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,是否手机订单,退款金额,';

function row(i: number, opts: { amount?: string; status?: string } = {}): string {
  const id = `33061836372200${String(10000 + i)}`;
  const day = String(1 + (i % 28)).padStart(2, '0');
  return `="${id}",tb_test_buyer${i % 7},test***@example.com,="2024${i}",20.00,0.00,0,20.00,0,${opts.amount ?? '20.00'},0,${opts.status ?? '交易成功'},,测试收件人,江苏省 南京市 玄武区 测试路${i}号,快递,,133****0005,2024-04-${day} 10:00:00,2024-04-${day} 10:01:00,测试杯子${i},1,="SF${i}",测试快递,,1,="100000001",客知测试旗舰店,订单未关闭,手机订单,0.00,`;
}

/** A Taobao order report (UTF-8, as a re-saved export would be) with `n` good rows and two bad. */
function report(n: number): NodeFile {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    if (i === 2) lines.push(row(9000, { amount: '二十元' }));
    if (i === 4) lines.push(row(9001, { status: '火星状态' }));
    lines.push(row(i));
  }
  return new NodeFile([lines.join('\r\n') + '\r\n'], 'ExportOrderList202405171030.csv', {
    type: 'text/csv',
  });
}

/** Runs the worker's job in this thread, with message passing as asynchronous as a Worker's. */
function inProcessWorker(): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => setTimeout(() => handle(m), 0),
    terminate: () => undefined,
  };
  const handle = createImportJob((m) => setTimeout(() => w.onmessage?.({ data: m }), 0));
  return w;
}

let db: KezhiDb;
let batches: number[];
let gate: Promise<void> | undefined;
beforeEach(async () => {
  db = openDb(`import-${Math.random()}`);
  await db.open();
  batches = [];
  gate = undefined;
});
afterEach(() => {
  cleanup();
  db.close();
});

/** What the background's importBatch handler does. */
const sendBatch: ImportDeps['sendBatch'] = async (staged) => {
  const orders = batchOrders(await takeStaged(staged));
  batches.push(orders.length);
  if (gate) await gate;
  const r = await ingestOrders(db, orders, NOW);
  return { ok: true, value: { written: r.written, unchanged: r.unchanged, rejected: r.rejected } };
};

function Harness(props: { controller: ImportController; shops?: Shop[] }) {
  const [state, setState] = useState<ImportState>(props.controller.current);
  useEffect(() => props.controller.subscribe(setState), []);
  return (
    <ImportPanel
      lang="zh_CN"
      shops={props.shops ?? []}
      state={state}
      onFiles={(f) => props.controller.choose(f)}
      onStart={(t) => props.controller.start(t)}
      onCancel={() => props.controller.cancel()}
      onReset={() => props.controller.reset()}
    />
  );
}

const choose = (file: NodeFile) =>
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });

describe('history import', () => {
  it('previews the format, mapping and first rows, imports in the worker, and reports', async () => {
    const controller = new ImportController({ createWorker: inProcessWorker, sendBatch });
    render(<Harness controller={controller} />);
    choose(report(6));
    await screen.findByTestId('import-ready');
    expect(screen.getByTestId('import-format').textContent).toBe('淘宝订单报表');
    expect(screen.getByTestId('import-mapping').textContent).toContain('买家实际支付金额');
    const preview = screen.getByTestId('import-preview').textContent;
    expect(preview).toContain('3306183637220010000');
    expect(preview).toContain('「二十元」不是有效的金额');
    // No shop of this platform yet: a new shop, with the id the file names suggested.
    expect(screen.getByTestId<HTMLInputElement>('import-shop-id').value).toBe('100000001');

    fireEvent.click(screen.getByTestId('import-start'));
    const done = await screen.findByTestId('import-report');
    expect(done.textContent).toContain('导入完成');
    expect(screen.getByTestId('import-rows-read').textContent).toBe('8');
    expect(screen.getByTestId('import-written').textContent).toBe('6');
    expect(screen.getByTestId('import-skipped').textContent).toBe('2');
    const skipped = screen.getByTestId('import-skipped-list').textContent;
    expect(skipped).toContain('行 4：');
    expect(skipped).toContain('火星状态');
    expect(await db.orders.count()).toBe(6);
    expect((await db.orders.toArray()).every((o) => o.shopId === '100000001')).toBe(true);

    // The same file again changes nothing: ingest is idempotent.
    fireEvent.click(screen.getByTestId('import-again'));
    choose(report(6));
    await screen.findByTestId('import-ready');
    fireEvent.click(screen.getByTestId('import-start'));
    await screen.findByTestId('import-report');
    expect(screen.getByTestId('import-written').textContent).toBe('0');
    expect(screen.getByTestId('import-unchanged').textContent).toBe('6');
    controller.dispose();
  });

  it('imports into an existing shop of the same platform', async () => {
    const shop: Shop = {
      key: 'taobao:myshop',
      platform: 'taobao',
      shopId: 'myshop',
      name: '我的店',
      lastSeenAt: 0,
      pagesRecognised: 0,
    };
    const controller = new ImportController({ createWorker: inProcessWorker, sendBatch });
    render(<Harness controller={controller} shops={[shop]} />);
    choose(report(3));
    await screen.findByTestId('import-ready');
    expect(screen.getByTestId<HTMLSelectElement>('import-shop').value).toBe('taobao:myshop');
    fireEvent.click(screen.getByTestId('import-start'));
    await screen.findByTestId('import-report');
    expect((await db.orders.toArray()).map((o) => o.shopId)).toEqual([
      'myshop',
      'myshop',
      'myshop',
    ]);
  });

  it('refuses a file that is not an order report, saying why', async () => {
    const controller = new ImportController({ createWorker: inProcessWorker, sendBatch });
    render(<Harness controller={controller} />);
    choose(new NodeFile(['姓名,年龄\r\n张三,30\r\n'], 'people.csv'));
    const refused = await screen.findByTestId('import-refused');
    expect(refused.textContent).toContain('people.csv');
    expect(refused.textContent.length).toBeGreaterThan(20);
    expect(screen.queryByTestId('import-start')).toBeNull();
    expect(batches).toEqual([]);
  });

  it('shows progress and cancels between batches, keeping what was written', async () => {
    let open!: () => void;
    gate = new Promise((r) => (open = r));
    const controller = new ImportController({ createWorker: inProcessWorker, sendBatch });
    render(<Harness controller={controller} />);
    choose(report(BATCH_SIZE * 3));
    await screen.findByTestId('import-ready');
    fireEvent.click(screen.getByTestId('import-start'));
    await waitFor(() => expect(batches).toHaveLength(1)); // the first batch is being written
    expect(screen.getByTestId('import-progress')).toBeTruthy();
    fireEvent.click(screen.getByTestId('import-cancel'));
    expect(screen.getByTestId<HTMLButtonElement>('import-cancel').disabled).toBe(true);
    open();
    const done = await screen.findByTestId('import-report');
    expect(done.textContent).toContain('导入已取消');
    expect(batches).toEqual([BATCH_SIZE]);
    expect(await db.orders.count()).toBe(BATCH_SIZE);
    expect(screen.getByTestId('import-written').textContent).toBe(String(BATCH_SIZE));
  });

  it('stops with a clear message when the background refuses a batch', async () => {
    const controller = new ImportController({
      createWorker: inProcessWorker,
      sendBatch: () =>
        Promise.resolve({ ok: false, error: 'QuotaExceededError: 浏览器存储空间已满' }),
    });
    render(<Harness controller={controller} />);
    choose(report(3));
    await screen.findByTestId('import-ready');
    fireEvent.click(screen.getByTestId('import-start'));
    const failed = await screen.findByTestId('import-report');
    expect(failed.textContent).toContain('导入中断');
    expect(failed.textContent).toContain('存储空间已满');
  });

  it('parses a batch ahead while the background stores one, and sends them one at a time in order', async () => {
    let open!: () => void;
    gate = new Promise((r) => (open = r));
    const posted: number[] = [];
    // The in-process worker, with the batches it posts counted.
    const counting = (): WorkerLike => {
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage: (m) => setTimeout(() => handle(m), 0),
        terminate: () => undefined,
      };
      const handle = createImportJob((m) => {
        if (m.type === 'batch') posted.push(m.seq);
        setTimeout(() => w.onmessage?.({ data: m }), 0);
      });
      return w;
    };
    let inFlight = 0;
    let most = 0;
    const order: string[] = [];
    const controller = new ImportController({
      createWorker: counting,
      sendBatch: async (staged) => {
        inFlight++;
        most = Math.max(most, inFlight);
        order.push(staged.split(':').at(-1)!);
        try {
          return await sendBatch(staged);
        } finally {
          inFlight--;
        }
      },
    });
    render(<Harness controller={controller} />);
    choose(report(BATCH_SIZE * 3));
    await screen.findByTestId('import-ready');
    fireEvent.click(screen.getByTestId('import-start'));
    // The first batch is held in the background; the second is parsed and staged meanwhile.
    await waitFor(() => expect(posted).toEqual([0, 1]));
    await new Promise((r) => setTimeout(r, 100));
    expect(posted).toEqual([0, 1]); // and no further: two out at most
    expect(batches).toEqual([BATCH_SIZE]);
    open();
    const done = await screen.findByTestId('import-report');
    expect(done.textContent).toContain('导入完成');
    expect(order).toEqual(['0', '1', '2']);
    expect(most).toBe(1);
    expect(await db.orders.count()).toBe(BATCH_SIZE * 3);
    expect(screen.getByTestId('import-written').textContent).toBe(String(BATCH_SIZE * 3));
  });

  it('a refused batch stops the import: the batch parsed behind it is not sent', async () => {
    const sent: string[] = [];
    const controller = new ImportController({
      createWorker: inProcessWorker,
      sendBatch: (staged) => {
        sent.push(staged);
        return Promise.resolve({ ok: false, error: 'QuotaExceededError: 浏览器存储空间已满' });
      },
    });
    render(<Harness controller={controller} />);
    choose(report(BATCH_SIZE * 3));
    await screen.findByTestId('import-ready');
    fireEvent.click(screen.getByTestId('import-start'));
    const failed = await screen.findByTestId('import-report');
    expect(failed.textContent).toContain('存储空间已满');
    await new Promise((r) => setTimeout(r, 100));
    expect(sent).toHaveLength(1);
  });
});
