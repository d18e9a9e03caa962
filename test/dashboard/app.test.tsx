// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { App } from '../../entrypoints/dashboard/App';
import { CHART_NAMES } from '../../entrypoints/dashboard/charts';
import { UTF8_BOM } from '../../lib/dashboard';
import { openDb, type KezhiDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import type { OrderInput } from '../../lib/schemas';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { DAY, NOW, contact } from '../support/dashboard';

/** The parts of an ECharts option these tests read, as plain JSON. */
interface Option {
  xAxis: { data: string[] };
  yAxis: { data: string[] };
  series: { type: string; data: unknown[] }[];
}

/** jsdom has no canvas: ECharts is replaced by a recorder of what the page asks of it. */
const charts = vi.hoisted(() => {
  type Handler = (p: { seriesIndex?: number; dataIndex?: number }) => void;
  class FakeChart {
    options: unknown[] = [];
    handlers = new Map<string, Handler>();
    disposed = false;
    constructor(readonly el: HTMLElement) {}
    on(event: string, fn: Handler) {
      this.handlers.set(event, fn);
    }
    setOption(option: unknown) {
      this.options.push(option);
    }
    resize() {}
    dispose() {
      this.disposed = true;
    }
    get option(): Option {
      return this.options[this.options.length - 1] as Option;
    }
    click(p: { seriesIndex?: number; dataIndex?: number }) {
      this.handlers.get('click')!(p);
    }
  }
  return { FakeChart, list: [] as InstanceType<typeof FakeChart>[] };
});

vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn((el: HTMLElement) => {
    const c = new charts.FakeChart(el);
    charts.list.push(c);
    return c;
  }),
}));
vi.mock('echarts/charts', () => ({ BarChart: {}, LineChart: {}, PieChart: {}, HeatmapChart: {} }));
vi.mock('echarts/components', () => ({
  GridComponent: {},
  TooltipComponent: {},
  LegendComponent: {},
  VisualMapComponent: {},
}));
vi.mock('echarts/renderers', () => ({ CanvasRenderer: {} }));

/** The live (not disposed) chart drawn inside the card `name`, once it has an option. */
async function chartIn(name: string) {
  return waitFor(() => {
    const card = screen.getByTestId(`chart-${name}`);
    const found = charts.list.filter((c) => !c.disposed && card.contains(c.el));
    expect(found).toHaveLength(1);
    expect(found[0]!.options.length).toBeGreaterThan(0);
    return found[0]!;
  });
}

/** The data of series `i` of an option, read as `T`. */
function dataOf<T>(option: Option, i = 0): T[] {
  const series = option.series[i];
  expect(series).toBeDefined();
  return series!.data as T[];
}

/** Values of the first series of the chart in card `name`. */
const barValues = async (name: string): Promise<number[]> =>
  dataOf<{ value: number }>((await chartIn(name)).option).map((d) => d.value);

function order(
  p: Partial<OrderInput> & { orderId: string; buyer: string; daysAgo: number },
): OrderInput {
  const { buyer, daysAgo, ...rest } = p;
  return {
    platform: 'taobao',
    shopId: 'shop1',
    buyerId: `nick:${buyer}`,
    buyerNick: buyer,
    identity: 'known',
    status: 'completed',
    createdAt: NOW - daysAgo * DAY,
    amount: 10_000,
    items: [{ title: '洗发水', itemId: 'x1', quantity: 1 }],
    source: 'import',
    ...rest,
  };
}

let db: KezhiDb;
beforeEach(async () => {
  charts.list.length = 0;
  db = openDb(`dashboard-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

async function fill(): Promise<void> {
  await ingestOrders(
    db,
    [
      order({ orderId: 'a1', buyer: 'alice', daysAgo: 200 }),
      order({ orderId: 'a2', buyer: 'alice', daysAgo: 150 }),
      order({ orderId: 'a3', buyer: 'alice', daysAgo: 100 }),
      order({ orderId: 'b1', buyer: 'bob', daysAgo: 10, amount: 8_000 }),
      order({ orderId: 'c1', buyer: 'carol', daysAgo: 400 }),
      order({ orderId: 'c2', buyer: 'carol', daysAgo: 380 }),
      order({ orderId: 'd1', buyer: 'dave', daysAgo: 1, status: 'unpaid' }),
      order({
        orderId: 'e1',
        buyer: 'erin',
        daysAgo: 5,
        amount: 120_000,
        platform: 'jd',
        shopId: 'shop2',
      }),
    ],
    NOW - 60_000,
  );
  await db.contacts.bulkAdd([
    contact({
      customerKey: 'taobao:shop1:nick:dave',
      orderKey: 'taobao:shop1:d1',
      at: NOW - DAY + 3_600_000,
      // Copied with a second click past the quiet-hours warning.
      overrode: ['quiet-hours'],
    }),
    contact({
      customerKey: 'taobao:shop1:nick:bob',
      at: NOW - 10 * DAY,
      paidAfterAt: NOW - 10 * DAY + 1_800_000,
    }),
  ]);
}

function renderApp(settings: Settings = DEFAULT_SETTINGS) {
  const download = vi.fn<(name: string, text: string) => void>();
  const openOptions = vi.fn();
  render(
    <App
      db={db}
      loadSettings={() => Promise.resolve(settings)}
      openOptions={openOptions}
      download={download}
      now={() => NOW}
      nextFrame={() => Promise.resolve()}
    />,
  );
  return { download, openOptions };
}

const ready = () =>
  waitFor(() =>
    expect(screen.getByTestId('dashboard-status').textContent).toBe('顾客 5 位 · 已购买 4 位'),
  );

describe('dashboard page', () => {
  it('renders every chart card with a takeaway and hands ECharts the metrics', async () => {
    await fill();
    renderApp();
    await ready();
    for (const name of CHART_NAMES) {
      const card = screen.getByTestId(`chart-${name}`);
      expect(screen.getByTestId(`takeaway-${name}`).textContent).not.toBe('');
      expect(card.querySelector('h2')!.textContent).not.toBe('');
    }
    expect(screen.getByTestId('takeaway-ladder').textContent).toBe(
      '50% 的顾客只买过一次；1→2 转化率 50%',
    );
    expect(
      within(screen.getByTestId('chart-ladder')).getByText('1→2 50% · 2→3 50% · 3→4 0%'),
    ).toBeTruthy();

    const ladder = (await chartIn('ladder')).option;
    expect(ladder.xAxis.data).toEqual(['1次', '2次', '3次']);
    expect(await barValues('ladder')).toEqual([2, 1, 1]);

    const stages = (await chartIn('stages')).option;
    expect(stages.xAxis.data).toEqual(['活跃', '睡眠', '预流失', '流失', '尚未付款']);
    expect(await barValues('stages')).toEqual([2, 1, 0, 1, 1]);

    const rfm = (await chartIn('rfm')).option;
    expect(rfm.series[0]!.type).toBe('heatmap');
    const cells = dataOf<[number, number, number]>(rfm);
    expect(cells).toHaveLength(25);
    // Four buyers in all (dave has not paid).
    expect(cells.reduce((s, d) => s + d[2], 0)).toBe(4);

    const repurchase = (await chartIn('repurchase')).option;
    expect(repurchase.yAxis.data).toEqual(['洗发水']);
    expect(dataOf(repurchase)).toEqual([{ value: 50, name: '洗发水' }]);

    const reminders = (await chartIn('reminders')).option;
    expect(reminders.xAxis.data).toEqual(['旺旺/聊天 50%']);
    // Paid, not paid, and (beside them) sent past a warning.
    expect(reminders.series.map((s) => s.data)).toEqual([[1], [1], [1]]);

    const monthly = (await chartIn('new-returning')).option;
    expect(monthly.series).toHaveLength(3);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(dataOf<number>(monthly, 0))).toBe(4); // first purchases: alice, bob, carol, erin
    expect(sum(dataOf<number>(monthly, 1))).toBe(3); // repeats: alice ×2, carol ×1
  });

  it('opens the customers behind a clicked bar and exports them as CSV', async () => {
    await fill();
    const { download } = renderApp();
    await ready();
    // The "1次" rung: bob and erin, the bigger spender first.
    const ladderChart = await chartIn('ladder');
    await act(() => ladderChart.click({ seriesIndex: 0, dataIndex: 0 }));
    const list = await screen.findByTestId('customer-list');
    expect(within(list).getByRole('heading').textContent).toBe('购买次数阶梯 · 1次 · 2 位顾客');
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['erin', 'shop2', '至尊VIP', '1', '¥1200.00', '2025-05-27'],
      ['bob', 'shop1', '普通会员', '1', '¥80.00', '2025-05-22'],
    ]);

    fireEvent.click(within(list).getByTestId('export-csv'));
    expect(download).toHaveBeenCalledTimes(1);
    const [name, text] = download.mock.calls[0]!;
    expect(name).toBe('kezhi-customers-购买次数阶梯-1次-2025-06-01.csv');
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toEqual([
      '昵称,店铺,等级,购买次数,累计消费 (¥),最近下单',
      'erin,shop2,至尊VIP,1,1200.00,2025-05-27',
      'bob,shop1,普通会员,1,80.00,2025-05-22',
    ]);
  });

  it('opens a heat-map cell, a pie slice and a figures-table row the same way', async () => {
    await fill();
    renderApp();
    await ready();
    // The share line of the monthly chart opens that month's repeat buyers.
    const monthlyChart = await chartIn('new-returning');
    const monthly = monthlyChart.option;
    const months: string[] = monthly.xAxis.data;
    const last = dataOf<number>(monthly, 1).findLastIndex((n) => n > 0);
    await act(() => monthlyChart.click({ seriesIndex: 2, dataIndex: last }));
    expect((await screen.findByTestId('customer-list')).textContent).toContain(
      `${months[last]} · 复购`,
    );

    fireEvent.click(screen.getByTestId('bucket-stages-4'));
    await waitFor(() =>
      expect(within(screen.getByTestId('customer-list')).getByRole('heading').textContent).toBe(
        '生命周期阶段 · 尚未付款 · 1 位顾客',
      ),
    );
    expect(screen.getByTestId('customer-list').textContent).toContain('dave');

    const groupsChart = await chartIn('groups');
    const i = dataOf<{ name: string }>(groupsChart.option).findIndex((d) => d.name === '沉睡老客');
    await act(() => groupsChart.click({ seriesIndex: 0, dataIndex: i }));
    await waitFor(() => expect(screen.getByTestId('customer-list').textContent).toContain('alice'));
    expect(screen.getByTestId('customer-list').textContent).toContain('carol');

    // A heat-map cell: [R index, F index, customers] in d.rfm order.
    const rfmChart = await chartIn('rfm');
    const cells = dataOf<[number, number, number]>(rfmChart.option);
    const cell = cells.findIndex((c) => c[2] > 0);
    const [r, f, n] = cells[cell]!;
    await act(() => rfmChart.click({ seriesIndex: 0, dataIndex: cell }));
    await waitFor(() =>
      expect(within(screen.getByTestId('customer-list')).getByRole('heading').textContent).toBe(
        `RFM 分布（R × F） · R${r + 1} · F${f + 1} · ${n} 位顾客`,
      ),
    );
    expect(within(screen.getByTestId('customer-list')).getAllByRole('row')).toHaveLength(n + 1);

    fireEvent.click(screen.getByText('关闭'));
    expect(screen.queryByTestId('customer-list')).toBeNull();
  });

  it('follows the shop and period filters with indexed reads', async () => {
    await fill();
    renderApp();
    await ready();
    fireEvent.click(screen.getByTestId('range-30d'));
    await waitFor(() =>
      expect(screen.getByTestId('dashboard-status').textContent).toBe('顾客 3 位 · 已购买 2 位'),
    );
    // The effect that hands ECharts the new option runs after paint: wait for it.
    await waitFor(async () => expect(await barValues('ladder')).toEqual([2]));

    fireEvent.change(screen.getByTestId('filter-shop'), { target: { value: 'jd:shop2' } });
    await waitFor(() =>
      expect(screen.getByTestId('dashboard-status').textContent).toBe('顾客 1 位 · 已购买 1 位'),
    );
    expect(screen.getByTestId('takeaway-reminders').textContent).toBe('暂无数据');
    expect(
      within(screen.getByTestId('chart-reminders')).getByText('暂无数据', {
        selector: '.card-empty',
      }),
    ).toBeTruthy();
  });

  it('speaks English when the seller chose it', async () => {
    await fill();
    renderApp({ ...DEFAULT_SETTINGS, language: 'en' });
    await waitFor(() =>
      expect(screen.getByTestId('dashboard-status').textContent).toBe(
        '5 customers · 4 have purchased',
      ),
    );
    expect(within(screen.getByTestId('chart-ladder')).getByRole('heading').textContent).toBe(
      'Purchase-count ladder',
    );
    expect((await chartIn('ladder')).option.xAxis.data).toEqual(['1×', '2×', '3×']);
  });

  it('points an empty history to the import in the options page', async () => {
    const { openOptions } = renderApp();
    const empty = await screen.findByTestId('dashboard-empty');
    expect(empty.textContent).toContain('还没有顾客数据');
    expect(screen.queryByTestId('chart-ladder')).toBeNull();
    fireEvent.click(within(empty).getByRole('button'));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });
});
