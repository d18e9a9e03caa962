/**
 * Forgetting a buyer (privacy): every trace of them goes: the personal fields of their orders,
 * their nick wherever it was stored (order, customer record, search terms, and the keys built
 * from it), tags and note, contact log and care marks. The orders stay, anonymous, so the shop's
 * totals hold, and every remaining customer aggregate still equals a recompute from its orders.
 * The check is a scan of every record of every table for the buyer's strings.
 */
import { openDb, type KezhiDb } from '../../lib/db';
import { recomputeCustomer } from '../../lib/db/aggregate';
import { figuresSettled } from '../../lib/db/figures-log';
import { ingestOrders } from '../../lib/db/ingest';
import { forgetBuyer, logContact, markCareDone, updateMeta } from '../../lib/db/writes';
import type { OrderInput } from '../../lib/schemas';

const NOW = Date.UTC(2026, 5, 1);
const T0 = Date.UTC(2026, 0, 1);

/** The buyer to forget, and what identifies them. */
const TARGET = {
  nick: 'zhangsan_tb88',
  name: '张三丰',
  phone: '13912348765',
  region: '浙江省杭州市西湖区文三路 100 号',
};
const OTHER = { nick: 'lisi_tb99', name: '李四', phone: '13600001111', region: '上海市' };

function orderOf(
  who: typeof TARGET,
  i: number,
  status: OrderInput['status'] = 'completed',
): OrderInput {
  return {
    platform: 'taobao',
    shopId: 'shop1',
    orderId: `${who === TARGET ? 1 : 2}${String(i).padStart(18, '0')}`,
    buyerId: `nick:${who.nick}`,
    buyerNick: who.nick,
    identity: 'known',
    status,
    createdAt: T0 + i * 86400_000,
    paidAt: T0 + i * 86400_000 + 60_000,
    amount: 10_000 + i,
    items: [{ title: '龙井茶', quantity: 1 + (i % 3) }],
    receiverName: who.name,
    receiverPhone: who.phone,
    region: who.region,
    source: 'dom',
  };
}

async function everything(db: KezhiDb): Promise<Record<string, unknown[]>> {
  // The figure blocks of earlier writes are written behind them (lib/db/figures-log).
  await figuresSettled(db);
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

describe('forgetBuyer', () => {
  let db: KezhiDb;
  beforeEach(async () => {
    db = openDb('forget-test');
    const orders = [
      ...[1, 2, 3, 4].map((i) => orderOf(TARGET, i, i === 4 ? 'unpaid' : 'completed')),
      ...[1, 2, 3].map((i) => orderOf(OTHER, i)),
    ];
    const r = await ingestOrders(db, orders, NOW);
    expect(r.rejected).toEqual([]);
    for (const who of [TARGET, OTHER]) {
      const key = `taobao:shop1:nick:${who.nick}`;
      await updateMeta(
        db,
        key,
        {
          tags: ['回头客'],
          note: `${who.name} 爱喝绿茶 ${who.phone}`,
          blacklisted: true,
          blacklistReason: who.name,
        },
        NOW,
      );
      await logContact(db, {
        customerKey: key,
        orderKey: `taobao:shop1:${orderOf(who, 4).orderId}`,
        at: NOW,
        channel: 'chat',
        template: 'remind.new.chat.polite',
        staff: '客服',
        purpose: 'remind',
      });
      await logContact(db, {
        customerKey: key,
        at: NOW,
        channel: 'sms',
        template: 'care.day7',
        staff: '客服',
        purpose: 'care',
      });
      await markCareDone(db, `${key}|care.day7|${T0}`, key, NOW);
    }
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('leaves no trace of the buyer in any table', async () => {
    const before = await everything(db);
    const otherBefore = JSON.stringify(before).match(new RegExp(OTHER.nick, 'g'))?.length ?? 0;
    // The buyer really was everywhere before.
    for (const s of Object.values(TARGET)) expect(JSON.stringify(before)).toContain(s);

    const r = await forgetBuyer(db, `taobao:shop1:nick:${TARGET.nick}`);
    expect(r).toEqual({ ordersCleared: 4, contactsDeleted: 2 });

    const after = await everything(db);
    const dump = JSON.stringify(after);
    for (const [field, s] of Object.entries(TARGET))
      expect(dump, `${field} still stored`).not.toContain(s);
    // Search terms are derived (pinyin, tails): none of the buyer's may survive.
    expect(dump).not.toContain(TARGET.phone.slice(-4));
    expect(dump).not.toContain('zhang san feng'.replace(/ /g, ''));
    // The other buyer is untouched.
    expect(dump.match(new RegExp(OTHER.nick, 'g'))?.length ?? 0).toBe(otherBefore);
    expect(after.contacts).toHaveLength(2);
    expect(after.meta).toHaveLength(1);
    expect(after.careDone).toHaveLength(1);
  });

  it('keeps the orders, anonymous, so the shop totals hold; aggregates equal a recompute', async () => {
    const totalBefore = (await db.orders.toArray()).reduce((s, o) => s + o.amount, 0);
    await forgetBuyer(db, `taobao:shop1:nick:${TARGET.nick}`);
    const orders = await db.orders.toArray();
    expect(orders).toHaveLength(7);
    expect(orders.reduce((s, o) => s + o.amount, 0)).toBe(totalBefore);
    for (const o of orders.filter((x) => x.orderId.startsWith('1'))) {
      expect(o.receiverName).toBeUndefined();
      expect(o.receiverPhone).toBeUndefined();
      expect(o.phoneTail).toBeUndefined();
      expect(o.region).toBeUndefined();
    }
    const customers = await db.customers.toArray();
    expect(customers).toHaveLength(2);
    for (const c of customers)
      expect(c).toEqual(recomputeCustomer(orders.filter((o) => o.customerKey === c.key)));
    // Every order belongs to a stored customer (nothing orphaned by a re-key).
    const keys = new Set(customers.map((c) => c.key));
    for (const o of orders) expect(keys.has(o.customerKey)).toBe(true);
  });

  it('forgetting is idempotent and forgetting an unknown key changes nothing', async () => {
    await forgetBuyer(db, `taobao:shop1:nick:${TARGET.nick}`);
    const once = await everything(db);
    await forgetBuyer(db, `taobao:shop1:nick:${TARGET.nick}`);
    await forgetBuyer(db, 'taobao:shop1:nick:nobody');
    expect(await everything(db)).toEqual(once);
  });
});
