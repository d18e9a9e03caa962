/**
 * The overlay's ranks (shop statistics from the figure blocks) leave uncertain buyers out, as the
 * dashboard does: a keyless order or an unproven token does not move anyone's R, F or M rank.
 * The oracle is the whole-record computation over the buyers listed by hand.
 */
import { computeShopStats } from '../../lib/customers';
import { openDb, type KezhiDb } from '../../lib/db';
import { figuresSettled } from '../../lib/db/figures-log';
import { rankedFigures } from '../../lib/db/ranks';
import { countShopStats } from '../../lib/db/shop-stats';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { buildCustomer, DAY, NOW } from '../support/make-customer';

const key = (b: string) => `taobao:shop1:${b}`;
const who = (buyerId: string, identity: 'nick' | 'token' | 'none' | 'name') => ({
  key: key(buyerId),
  buyerId,
  identity,
});
const a = buildCustomer([{ at: NOW - 10 * DAY }, { at: NOW - 5 * DAY }], who('nick:a', 'nick'));
const b = buildCustomer([{ at: NOW - 8 * DAY, amount: 50_000 }], who('nick:b', 'nick'));
const t1 = buildCustomer([{ at: NOW - 9 * DAY }, { at: NOW - 2 * DAY }], who('tok:T1', 'token'));
const t2 = buildCustomer([{ at: NOW - 3 * DAY, amount: 999_900 }], who('tok:T2', 'token'));
const o1 = buildCustomer([{ at: NOW - 1 * DAY, amount: 888_800 }], who('order:1', 'none'));
const n1 = buildCustomer([{ at: NOW - 60 * DAY }], who('name:李|order:9', 'name'));

let db: KezhiDb;
beforeEach(async () => {
  db = openDb(`ranks-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

test('uncertain buyers do not take part in the ranks the badges read', async () => {
  await db.customers.bulkPut([a, b, t1, t2, o1, n1]);
  await figuresSettled(db); // the blocks are written behind the customers (lib/db/figures-log)
  const stats = await countShopStats(db, 'taobao:shop1', DEFAULT_SETTINGS, NOW);
  expect(stats.customers).toBe(3);
  expect(stats).toEqual(computeShopStats([a, b, t1], DEFAULT_SETTINGS, NOW));
});

test('a token proven stable ranks its one-purchase buyers; proven unstable, none of them', () => {
  const keys = [a.key, t1.key, t2.key, o1.key];
  const values = Float64Array.from([
    ...[1, 2, 2, 10],
    ...[2, 2, 2, 20],
    ...[3, 1, 1, 30],
    ...[4, 1, 1, 40],
  ]);
  const at = 'taobao:shop1:'.length;
  const spend = (v: Float64Array) => [...v].filter((_, i) => i % 4 === 3);
  expect(spend(rankedFigures(keys, values, at, 'yes'))).toEqual([10, 20, 30]);
  expect(spend(rankedFigures(keys, values, at, 'unknown'))).toEqual([10, 20]);
  expect(spend(rankedFigures(keys, values, at, 'no'))).toEqual([10]);
});
