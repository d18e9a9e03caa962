/**
 * Stability of buyer keys is measured, not assumed: the evidence ingest keeps per shop and kind,
 * and the verdict drawn from it. Oracles are counted by hand from the batches below.
 */
import { openDb, type KezhiDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import { judgeKind, MIN_DAYS_TO_JUDGE, MIN_ORDERS_TO_JUDGE } from '../../lib/identity';
import type { OrderInput } from '../../lib/schemas';
import { NOW, T0, order } from '../support/make-order';

const DAY = 86400_000;
let db: KezhiDb;
beforeEach(async () => {
  db = openDb(`test-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

/** A 千牛 order of a masked buyer keyed by an opaque token. */
const tok = (orderId: string, token: string, createdAt: number, p: Partial<OrderInput> = {}) =>
  order({
    orderId,
    buyerId: `tok:${token}`,
    buyerNick: '甲**',
    identity: 'token',
    source: 'json',
    createdAt,
    ...p,
  });
/** An order of an unmasked account nick (an export file, the old page). */
const nick = (orderId: string, n: string, createdAt: number) =>
  order({ orderId, buyerId: `nick:${n}`, buyerNick: n, identity: 'nick', createdAt });

const evidence = async () => (await db.shops.get('taobao:shop1'))?.identityEvidence ?? {};

describe('the evidence ingest keeps', () => {
  test('a token that comes back on a later order is a recurrence across days', async () => {
    await ingestOrders(db, [tok('1001', 'AAA', T0), tok('1002', 'BBB', T0)], NOW);
    await ingestOrders(db, [tok('1003', 'AAA', T0 + 3 * DAY)], NOW + DAY);
    const ev = (await evidence()).token!;
    expect(ev).toMatchObject({ orders: 3, keys: 2, repeatOrders: 1, crossDayRepeats: 1 });
    expect(ev.seenDays).toHaveLength(2);
    expect(judgeKind(await evidence(), 'token')).toMatchObject({
      verdict: 'yes',
      reason: 'recurs',
    });
  });

  test('the same order seen again with the same token on a later day counts as stable', async () => {
    await ingestOrders(db, [tok('1001', 'AAA', T0)], NOW);
    await ingestOrders(db, [tok('1001', 'AAA', T0)], NOW + 60_000); // the same day: not counted
    await ingestOrders(db, [tok('1001', 'AAA', T0)], NOW + DAY);
    await ingestOrders(db, [tok('1001', 'AAA', T0)], NOW + 2 * DAY);
    const ev = (await evidence()).token!;
    expect(ev).toMatchObject({ orders: 1, sameOnRevisit: 2, changedOnRevisit: 0 });
    // One revisit proves no returning buyer yet: still not known.
    expect(judgeKind(await evidence(), 'token').verdict).toBe('unknown');
  });

  test('the platform changing the token of one order proves it unstable at once', async () => {
    await ingestOrders(db, [tok('1001', 'AAA', T0)], NOW);
    await ingestOrders(db, [tok('1001', 'ZZZ', T0)], NOW + DAY);
    expect((await evidence()).token).toMatchObject({ changedOnRevisit: 1 });
    expect(judgeKind(await evidence(), 'token')).toMatchObject({
      verdict: 'no',
      reason: 'changed',
    });
  });

  test('a token with two receivers on one day is a conflict', async () => {
    await ingestOrders(
      db,
      [
        tok('1001', 'AAA', T0, { receiverName: '收件人甲' }),
        tok('1002', 'AAA', T0 + 3600_000, { receiverName: '收件人乙' }),
      ],
      NOW,
    );
    expect((await evidence()).token).toMatchObject({ conflicts: 1 });
    expect(judgeKind(await evidence(), 'token').verdict).toBe('no');
  });

  test('a token that never recurs over a shop with known repeat buyers is judged unstable', async () => {
    // The shop's nick buyers: 20 orders from 10 buyers, each buying twice (half come back).
    const nicks = Array.from({ length: 20 }, (_, i) =>
      nick(`2${i}`, `buyer${i % 10}`, T0 + i * DAY),
    );
    await ingestOrders(db, nicks, NOW);
    // 30 token orders over 10 days, no token twice.
    const tokens = Array.from({ length: 30 }, (_, i) =>
      tok(`3${String(i).padStart(3, '0')}`, `T${i}`, T0 + (i % 10) * DAY),
    );
    await ingestOrders(db, tokens.slice(0, 15), NOW);
    // Halfway: too little to judge.
    expect(judgeKind(await evidence(), 'token').verdict).toBe('unknown');
    await ingestOrders(db, tokens.slice(15), NOW + DAY);
    const ev = await evidence();
    expect(ev.nick).toMatchObject({ orders: 20, keys: 10, repeatOrders: 10 });
    expect(ev.token).toMatchObject({ orders: 30, keys: 30, repeatOrders: 0 });
    expect(ev.token!.orders).toBeGreaterThanOrEqual(MIN_ORDERS_TO_JUDGE);
    expect(ev.token!.orderDays.length).toBeGreaterThanOrEqual(MIN_DAYS_TO_JUDGE);
    expect(judgeKind(ev, 'token')).toMatchObject({
      verdict: 'no',
      reason: 'neverRecurs',
      repeatShare: 0.5,
    });
  });

  test('the same silence in a shop with no known repeat buyers is "not yet known"', async () => {
    const tokens = Array.from({ length: 30 }, (_, i) =>
      tok(`3${String(i).padStart(3, '0')}`, `T${i}`, T0 + (i % 10) * DAY),
    );
    await ingestOrders(db, tokens, NOW);
    expect(judgeKind(await evidence(), 'token')).toMatchObject({
      verdict: 'unknown',
      reason: 'tooLittle',
      days: 1,
      orders: 30,
    });
  });

  test('once tokens are judged unstable, ingest stops keying buyers by them', async () => {
    await ingestOrders(db, [tok('1001', 'AAA', T0)], NOW);
    await ingestOrders(db, [tok('1001', 'ZZZ', T0)], NOW + DAY);
    await ingestOrders(
      db,
      [tok('1005', 'AAA', T0 + DAY), tok('1006', 'AAA', T0 + 2 * DAY)],
      NOW + DAY,
    );
    const later = await db.orders.bulkGet(['taobao:shop1:1005', 'taobao:shop1:1006']);
    expect(later.map((o) => [o?.buyerId, o?.identity])).toEqual([
      ['order:1005', 'none'],
      ['order:1006', 'none'],
    ]);
  });

  test('evidence survives a health report and a re-read shop record', async () => {
    const { recordHealth } = await import('../../lib/db/writes');
    await ingestOrders(db, [tok('1001', 'AAA', T0), tok('1002', 'AAA', T0 + DAY)], NOW);
    await recordHealth(db, 'taobao', 'shop1', {
      adapter: 'taobao-json',
      ok: true,
      recognised: 2,
      at: NOW,
    });
    expect((await evidence()).token).toMatchObject({ orders: 2, repeatOrders: 1 });
  });
});
