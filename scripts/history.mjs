// A synthetic, deterministic order history for the demo and the benchmarks: buyers who come
// back at different rhythms, a long tail of one-time buyers, realistic amounts and items.
// No real people: nicks are generated (tb_demo_0001, 演示买家…), phones are masked.

const PRODUCTS = [
  ['纯棉短袖T恤 男女同款 宽松圆领', 9900],
  ['316不锈钢保温杯 500ml', 12900],
  ['无线蓝牙耳机 降噪 长续航', 19900],
  ['手工皂 精油洁面 三块装', 5990],
  ['加厚珊瑚绒毛毯 1.5m×2m', 15800],
  ['有机绿茶 明前龙井 250g', 26800],
  ['儿童绘本 全套10册', 8800],
  ['家用多功能料理锅', 39900],
  ['运动速干袜 五双装', 3990],
  ['香薰蜡烛 礼盒', 6900],
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚';
const DAY = 86400000;

/** mulberry32: a small seeded PRNG so every run builds the same shop. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A buyer nick: half Latin-style, half Chinese names (so pinyin search has work to do). */
export function nickFor(i, rand) {
  if (i % 2 === 0) return `tb_demo_${String(i).padStart(5, '0')}`;
  const s = SURNAMES[Math.floor(rand() * SURNAMES.length)];
  const g =
    GIVEN[Math.floor(rand() * GIVEN.length)] +
    (rand() < 0.5 ? GIVEN[Math.floor(rand() * GIVEN.length)] : '');
  return `${s}${g}${i}`;
}

/**
 * Orders for one shop. `knownBuyers` (nicks from the fixture pages) get a few past purchases each
 * so the overlay has returning customers to show; the rest are generated buyers.
 */
export function generateHistory({
  platform = 'taobao',
  shopId,
  orders = 2000,
  buyers = 600,
  knownBuyers = [],
  now = Date.now(),
  seed = 7,
  idPrefix = '4250',
}) {
  const rand = rng(seed);
  const nicks = [...knownBuyers, ...Array.from({ length: buyers }, (_, i) => nickFor(i + 1, rand))];
  // A few loyal buyers buy often; most buy once (the guides' shops: ~72 % only once).
  const weight = nicks.map((_, i) =>
    i < knownBuyers.length ? 6 : rand() < 0.28 ? 1 + Math.floor(rand() * 6) : 1,
  );
  const out = [];
  let n = 0;
  for (let b = 0; b < nicks.length && n < orders; b++) {
    for (let k = 0; k < weight[b] && n < orders; k++, n++) {
      const [title, price] = PRODUCTS[Math.floor(rand() * PRODUCTS.length)];
      const qty = 1 + Math.floor(rand() * 2);
      const daysAgo = 3 + Math.floor(rand() * 700);
      const createdAt = now - daysAgo * DAY - Math.floor(rand() * DAY);
      const r = rand();
      const status =
        r < 0.8 ? 'completed' : r < 0.88 ? 'closed' : r < 0.94 ? 'shipped' : 'refunded';
      out.push({
        platform,
        shopId,
        orderId: `${idPrefix}${String(n).padStart(15 - idPrefix.length + 4, '0')}`,
        buyerId: `nick:${nicks[b]}`,
        buyerNick: nicks[b],
        identity: 'known',
        status,
        createdAt,
        paidAt: status === 'closed' ? undefined : createdAt + 60000,
        amount: price * qty,
        items: [
          {
            title,
            quantity: qty,
            unitPrice: price,
            itemId: String(600000000000 + PRODUCTS.findIndex((p) => p[0] === title)),
          },
        ],
        // Masked as the platforms show them: only the last four digits are real (and made up).
        receiverPhone: `13${b % 10}****${String(1000 + (b % 9000))}`,
        receiverName: /^[\u4e00-\u9fff]+/.exec(nicks[b])?.[0],
        source: 'import',
      });
    }
  }
  return out;
}

/**
 * The benchmark's realistic ingest workload: sightings as a seller's list pages send them.
 * Random 19-digit order ids (no key order to exploit), buyers interleaved (a skewed draw, so
 * regulars recur across the whole history), a third of the orders masked (no buyer key: each
 * stands alone, as a masked 千牛 row does), 1–4 items per order, and pages of `pageSize` newest
 * first that overlap: each page re-sends `overlap` of the previous page's orders, some with the
 * status moved on (shipped → completed). Returns the sightings in page order.
 */
export function realisticPages({
  platform = 'taobao',
  shopId,
  orders = 10000,
  buyers = 6000,
  now = Date.now(),
  seed = 23,
  pageSize = 100,
  overlap = 0.2,
}) {
  const rand = rng(seed);
  const nicks = Array.from({ length: buyers }, (_, i) => nickFor(i + 1, rand));
  const ids = new Set();
  const list = [];
  while (list.length < orders) {
    let orderId = String(1 + Math.floor(rand() * 9));
    for (let d = 0; d < 18; d++) orderId += Math.floor(rand() * 10);
    if (ids.has(orderId)) continue;
    ids.add(orderId);
    const b = Math.floor(rand() * rand() * buyers);
    const masked = rand() < 1 / 3;
    const items = Array.from({ length: 1 + Math.floor(rand() * rand() * 4) }, () => {
      const [title, price] = PRODUCTS[Math.floor(rand() * PRODUCTS.length)];
      return { title, quantity: 1 + Math.floor(rand() * 2), unitPrice: price };
    });
    const createdAt = now - Math.floor(rand() * 700 * DAY);
    const r = rand();
    const status = r < 0.7 ? 'completed' : r < 0.8 ? 'closed' : r < 0.92 ? 'shipped' : 'refunded';
    list.push({
      platform,
      shopId,
      orderId,
      buyerId: masked ? `order:${orderId}` : `nick:${nicks[b]}`,
      buyerNick: masked ? `${nicks[b].slice(0, 1)}**${nicks[b].slice(-1)}` : nicks[b],
      identity: masked ? 'none' : 'nick',
      status,
      createdAt,
      paidAt: status === 'closed' ? undefined : createdAt + 60000,
      amount: items.reduce((s, it) => s + it.unitPrice * it.quantity, 0),
      items,
      receiverPhone: `13${b % 10}****${String(1000 + (b % 9000))}`,
      receiverName: /^[\u4e00-\u9fff]+/.exec(nicks[b])?.[0],
      source: 'dom',
    });
  }
  list.sort((a, b) => b.createdAt - a.createdAt);
  const out = [];
  let previous = [];
  for (let i = 0; i < list.length; i += pageSize) {
    const page = list.slice(i, i + pageSize);
    const again = previous
      .slice(0, Math.round(previous.length * overlap))
      .map((o) => (o.status === 'shipped' && rand() < 0.5 ? { ...o, status: 'completed' } : o));
    out.push(...again, ...page);
    previous = page;
  }
  return out;
}
