/**
 * Forget means forgotten (issue 13, part 7). A buyer first seen masked (`order:` key) collects a
 * note, a contact and a care mark under that key; the same order is later seen with the real
 * buyer and moves to their key. Forgetting the buyer must reach those records too (every key any
 * of their orders had), and free text in items' sku; a scan of every table finds none of the
 * buyer's strings afterwards, and the other buyer is untouched.
 */
import { openDb, type KezhiDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import { forgetBuyer, logContact, markCareDone, updateMeta } from '../../lib/db/writes';
import type { OrderInput } from '../../lib/schemas';
import { NOW, T0 } from '../support/make-order';

const NICK = 'zhangsan_tb88';
const PHONE = '13912348765';
const MASKED_NOTE = '先打电话给张三丰再发货';
const KNOWN_NOTE = '张三丰爱喝龙井';
const SKU = `刻字：${NICK} ${PHONE}`;
const OTHER_NOTE = '李四只要顺丰';

const base = (p: Partial<OrderInput> & { orderId: string }): OrderInput => ({
  platform: 'taobao',
  shopId: 'shop1',
  buyerId: `nick:${NICK}`,
  buyerNick: NICK,
  identity: 'known',
  status: 'paid',
  createdAt: T0,
  amount: 12_300,
  items: [{ title: '龙井茶', quantity: 1 }],
  receiverName: '张三丰',
  receiverPhone: PHONE,
  source: 'dom',
  ...p,
});

async function everything(db: KezhiDb): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return JSON.stringify(out);
}

let db: KezhiDb;
beforeEach(async () => {
  db = openDb(`forget-reach-${Math.random()}`);
  const A = '300000000000000001';
  const maskedKey = `taobao:shop1:order:${A}`;
  const knownKey = `taobao:shop1:nick:${NICK}`;
  // 1. The order first seen masked: the seller notes and reminds under the masked key.
  await ingestOrders(
    db,
    [
      base({
        orderId: A,
        buyerId: `order:${A}`,
        buyerNick: 'zh***88',
        identity: 'masked',
        status: 'unpaid',
      }),
    ],
    NOW,
  );
  await updateMeta(db, maskedKey, { note: MASKED_NOTE, tags: ['急'] }, NOW);
  await logContact(db, {
    customerKey: maskedKey,
    orderKey: `taobao:shop1:${A}`,
    at: NOW,
    channel: 'chat',
    template: 'remind.new.chat.polite',
    staff: '',
    purpose: 'remind',
  });
  await markCareDone(db, `${maskedKey}|care.day7|${T0}`, maskedKey, NOW);
  // 2. Seen again with the real buyer (re-keyed), plus a second order with a personal sku.
  await ingestOrders(
    db,
    [
      base({ orderId: A, status: 'paid' }),
      base({
        orderId: '300000000000000002',
        createdAt: T0 + 86400_000,
        items: [{ title: '龙井茶', sku: SKU, quantity: 1 }],
      }),
      base({
        orderId: '300000000000000003',
        buyerId: 'nick:lisi_tb99',
        buyerNick: 'lisi_tb99',
        receiverName: '李四',
        receiverPhone: '13600001111',
      }),
    ],
    NOW + 1,
  );
  await updateMeta(db, knownKey, { note: KNOWN_NOTE }, NOW);
  await updateMeta(db, 'taobao:shop1:nick:lisi_tb99', { note: OTHER_NOTE }, NOW);
});
afterEach(() => db.close());

describe('forgetBuyer reaches every key their orders ever had', () => {
  it('leaves none of the nick, phone tail, notes or sku in any table', async () => {
    const before = await everything(db);
    for (const s of [NICK, PHONE.slice(-4), MASKED_NOTE, KNOWN_NOTE, SKU])
      expect(before, `${s} stored before`).toContain(s);

    await forgetBuyer(db, `taobao:shop1:nick:${NICK}`);

    const after = await everything(db);
    for (const s of [NICK, PHONE.slice(-4), MASKED_NOTE, KNOWN_NOTE, '张三丰', 'zh***88'])
      expect(after, `${s} still stored`).not.toContain(s);
    expect(await db.meta.count()).toBe(1);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.careDone.count()).toBe(0);
    // The other buyer is whole.
    expect(after).toContain(OTHER_NOTE);
    expect(after).toContain('lisi_tb99');
    expect(after).toContain('1111');
  });
});
