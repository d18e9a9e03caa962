// @vitest-environment jsdom
/**
 * The shapes platforms.md "Variants seen in public code" lists, one fixture each (sources in
 * test/fixtures/<platform>/EVIDENCE.md). Each parse equals its committed expected object, and the
 * facts the variant is about are asserted by hand, from the fixture, not from the adapter.
 */
import { ADAPTERS } from '../../lib/adapters';
import type { Adapter } from '../../lib/adapters/types';
import type { OrderInput } from '../../lib/schemas';
import { contextFor, readFixtureJson } from './helpers';

const adapter = (id: string): Adapter => ADAPTERS.find((a) => a.id === id)!;
const expectedOf = (dir: string, file: string) =>
  readFixtureJson(dir, file.replace(/\.\w+$/, '.expected.json'));
function parse(id: string, dir: string, file: string, url: string) {
  const r = adapter(id).parseJson!(readFixtureJson(dir, file), contextFor(url, 'kezhi-test'));
  expect(r).toEqual(expectedOf(dir, file));
  if (!r.ok) throw new Error(r.problem);
  return new Map(r.items.map((o) => [o.orderId, o]));
}
const pick = (o: OrderInput | undefined, ...keys: (keyof OrderInput)[]) =>
  Object.fromEntries(keys.map((k) => [k, o?.[k]]));

describe('taobao: 千牛 2024-2026 asyncSold body', () => {
  const QN = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold';
  test('masked buyers, postType, snapshot links with itemInfo.id, per-item refunds', () => {
    const m = parse('taobao-qn', 'taobao-qn', 'asyncSold-qn2025.json', QN);
    expect(m.size).toBe(5);
    // Every buyer is masked (甲**, id 0): keyed by the order, never by the masked nick.
    for (const [id, o] of m) expect(o.buyerId).toBe(`order:${id}`);
    // A snapshot link carries no id: itemInfo.id stands in; no link and no id: no itemId.
    expect(m.get('4261201000000000201')!.items[0]!.itemId).toBe('610000000201');
    expect(m.get('4261201000000000203')!.items[0]!.itemId).toBeUndefined();
    // realTotal without priceInfo.original is no unit price (it runs above actualFee).
    for (const o of m.values()) for (const i of o.items) expect(i.unitPrice).toBeUndefined();
    // One item 退款成功, the other not: partially refunded; an item 退款中: refunding.
    expect(m.get('4261201000000000202')!.status).toBe('partially_refunded');
    expect(m.get('4261201000000000203')!.status).toBe('refunding');
    expect(pick(m.get('4261201000000000205'), 'status', 'rawStatus')).toEqual({
      status: 'unknown',
      rawStatus: '订单异常',
    });
  });
});
