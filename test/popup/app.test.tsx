// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { App } from '../../entrypoints/popup/App';
import { clearCountedStats } from '../../lib/db/shop-stats';
import { send } from '../../lib/browser/rpc';
import { careDoneId } from '../../lib/care';
import { openDb, type KezhiDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import type { OrderInput } from '../../lib/schemas';
import { cn } from '../support/make-customer';

vi.mock('../../lib/browser/rpc', () => ({
  send: vi.fn(() => Promise.resolve({ ok: true, value: {} })),
}));

const NOW = cn(2025, 6, 1, 12);
const DAY = 86_400_000;

type Buyer = { nick: string; receiver?: string; phone?: string };
const BUYERS: Buyer[] = [
  { nick: '张三', receiver: '张三', phone: '13800001111' },
  { nick: 'tb_lucky88', receiver: '李娜', phone: '13955667788' },
  { nick: '王小明', receiver: '王小明', phone: '13712340000' },
  { nick: '快乐小熊', receiver: '赵敏', phone: '13600002222' },
  { nick: 'moonlight', receiver: 'Anna Lee' },
  { nick: '张三丰', receiver: '张君宝', phone: '13500003333' },
];

/** A few dozen orders: every buyer several times, one order with a long platform id. */
function orders(): OrderInput[] {
  const out: OrderInput[] = [];
  let n = 0;
  BUYERS.forEach((b, bi) => {
    for (let k = 0; k < 6; k++) {
      n++;
      const days = 10 + bi * 3 + k * 40;
      out.push({
        platform: 'taobao',
        shopId: 'shop1',
        orderId: bi === 2 && k === 0 ? '3306183637220018070' : String(200000 + n),
        buyerId: `nick:${b.nick}`,
        buyerNick: b.nick,
        identity: 'known',
        status: k === 5 ? 'closed' : 'completed',
        createdAt: NOW - days * DAY,
        amount: 5_000 + bi * 1_000 + k * 100,
        items: [{ title: bi % 2 ? '龙井茶 250g' : '羊毛围巾', quantity: 1 + (k % 2) }],
        ...(b.receiver ? { receiverName: b.receiver } : {}),
        ...(b.phone ? { receiverPhone: b.phone } : {}),
        region: '浙江省杭州市西湖区',
        source: 'import',
      });
    }
  });
  // A new customer whose only order was completed 7 days ago: due for day-7 care today.
  out.push({
    platform: 'pinduoduo',
    shopId: 'pdd9',
    orderId: '250524-000111',
    buyerId: 'id:u-77',
    buyerNick: '新客小美',
    identity: 'known',
    status: 'completed',
    createdAt: NOW - 7 * DAY,
    amount: 9_900,
    items: [{ title: '保温杯', quantity: 1 }],
    source: 'json',
  });
  return out;
}

let db: KezhiDb;
beforeEach(async () => {
  clearCountedStats();
  vi.mocked(send).mockClear();
  db = openDb(`popup-${Math.random()}`);
  await db.open();
  const r = await ingestOrders(db, orders(), NOW);
  expect(r.rejected).toEqual([]);
  expect(r.written).toBe(37);
});
afterEach(() => {
  cleanup();
  db.close();
});

/** The result rows (not the shop switcher's options). */
const options = () => {
  const list = screen.queryByRole('listbox');
  return list ? within(list).queryAllByRole('option') : [];
};

async function search(q: string): Promise<string[]> {
  const input = await screen.findByRole('combobox', { name: '搜索买家' });
  fireEvent.input(input, { target: { value: q } });
  await waitFor(() => {
    expect(screen.getByText('搜索结果')).toBeTruthy();
    expect(document.querySelector('.kp-search')!.getAttribute('aria-busy')).toBe('false');
  });
  return options().map((o) => o.querySelector('.kp-nick')!.textContent);
}

describe('popup App on a real (fake-indexeddb) database', () => {
  it('finds buyers by nick, pinyin initials, order-id tail and phone tail', async () => {
    render(<App db={db} now={() => NOW} />);
    expect((await search('张三'))[0]).toBe('张三');
    expect(await search('张三')).toContain('张三丰');
    expect(await search('lucky')).toEqual(['tb_lucky88']);
    expect(await search('wxm')).toEqual(['王小明']);
    expect(await search('18070')).toEqual(['王小明']);
    expect(options()[0]!.textContent).toContain('3306183637220018070');
    expect(await search('7788')).toEqual(['tb_lucky88']);
    expect(options()[0]!.textContent).toContain('手机尾号 7788');
    expect(await search('赵敏')).toEqual(['快乐小熊']);
    expect(await search('没有这个人')).toEqual([]);
    expect(screen.getByRole('status').textContent).toContain('可以搜索');
  });

  it('opens the card with Enter, shows the history, and Esc goes back then clears', async () => {
    render(<App db={db} now={() => NOW} />);
    await search('moonlight');
    fireEvent.keyDown(screen.getByRole('combobox', { name: '搜索买家' }), { key: 'Enter' });
    const card = await waitFor(() => {
      const el = document.querySelector('.kp-card');
      expect(el?.querySelectorAll('[data-order-id]').length).toBe(6);
      return el as HTMLElement;
    });
    const times = [...card.querySelectorAll('.kp-order-top span:first-child')].map(
      (s) => s.textContent,
    );
    expect(times).toEqual([...times].sort().reverse());
    expect(within(card).getByText('moonlight')).toBeTruthy();

    fireEvent.input(within(card).getByLabelText('添加标签'), { target: { value: '高端' } });
    fireEvent.keyDown(within(card).getByLabelText('添加标签'), { key: 'Enter' });
    expect(send).toHaveBeenCalledWith('updateMeta', {
      customerKey: 'taobao:shop1:nick:moonlight',
      tags: ['高端'],
    });

    fireEvent.keyDown(card, { key: 'Escape' });
    const input = await screen.findByRole('combobox', { name: '搜索买家' });
    expect((input as HTMLInputElement).value).toBe('moonlight');
    fireEvent.keyDown(input, { key: 'Escape' });
    await waitFor(() => expect((input as HTMLInputElement).value).toBe(''));
  });

  it('shows today’s due list on an empty query; copy logs a contact, done marks it', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<App db={db} now={() => NOW} />);
    const item = await waitFor(() => {
      const el = [...document.querySelectorAll('.kp-due-item')].find((x) =>
        x.textContent.includes('新客小美'),
      );
      expect(el).toBeDefined();
      return el as HTMLElement;
    });
    expect(item.textContent).toContain('签收后第 7 天关怀');
    expect(item.textContent).toContain('保温杯');
    fireEvent.click(within(item).getByRole('button', { name: '复制' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('logContact', expect.anything()));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('保温杯'));
    expect(send).toHaveBeenCalledWith('logContact', {
      customerKey: 'pinduoduo:pdd9:id:u-77',
      orderKey: 'pinduoduo:pdd9:250524-000111',
      channel: 'chat',
      template: 'care.day7.chat',
      purpose: 'care',
    });
    fireEvent.click(within(item).getByRole('button', { name: '完成' }));
    const id = careDoneId('pinduoduo:pdd9:id:u-77', 'care.day7', NOW - 7 * DAY);
    expect(send).toHaveBeenCalledWith('markCareDone', {
      id,
      customerKey: 'pinduoduo:pdd9:id:u-77',
    });
    // The background's write (done here by hand) takes the item off the list.
    await db.careDone.put({ id, customerKey: 'pinduoduo:pdd9:id:u-77', at: NOW });
    await waitFor(() =>
      expect(
        [...document.querySelectorAll('[data-due-id]')].map((e) => e.getAttribute('data-due-id')),
      ).not.toContain(id),
    );
  });

  it("shows how much of the shop's last page was read", async () => {
    await db.shops.update('taobao:shop1', {
      health: {
        adapter: 'taobao-old',
        ok: true,
        recognised: 30,
        coverage: '28 of 30 rows; 2 without status: 订单异常',
        at: NOW,
      },
    });
    render(<App db={db} now={() => NOW} />);
    await waitFor(() =>
      expect(document.querySelector('.kp-coverage')?.textContent).toBe(
        '上次读取：28 of 30 rows; 2 without status: 订单异常',
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('filters search and due list to one shop and alerts on a broken page', async () => {
    await db.shops.update('taobao:shop1', {
      health: { adapter: 'taobao-old', ok: false, recognised: 0, problem: '找不到订单行', at: NOW },
    });
    render(<App db={db} now={() => NOW} />);
    expect((await screen.findByRole('alert')).textContent).toContain('页面结构已变化');
    fireEvent.change(screen.getByRole('combobox', { name: '店铺' }), {
      target: { value: 'taobao:shop1' },
    });
    await waitFor(() =>
      expect(document.querySelector('.kp-due')!.textContent).not.toContain('新客小美'),
    );
    // Equal substring matches: the one who ordered most recently first.
    expect(await search('小')).toEqual(['王小明', '快乐小熊']);
  });
});
