/**
 * The order the template editor previews on: the most recent unpaid order of the history, else
 * any order, else a sample (and the editor says which). Reads only.
 */
import type { TemplatePreviewSource } from '@/components/options/TemplateEditor';
import { TIER_LABELS, checkShopStats, computeShopStats, tierOf } from '@/lib/customers';
import type { KezhiDb } from '@/lib/db';
import { autoCloseAtFor } from '@/lib/reminders';
import { shopKey, type Order } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';

const MINUTE_MS = 60_000;

/** A made-up order for an empty history. */
export function sampleSource(lang: Settings['language'], now: number): TemplatePreviewSource {
  const zh = lang === 'zh_CN';
  return {
    kind: 'sample',
    vars: {
      buyer: zh ? '小雨' : 'Lily',
      items: [{ title: zh ? '纯棉短袖T恤 白色 L码' : 'Cotton T-shirt, white, L', quantity: 2 }],
      amount: 16900,
      orderTime: now - 30 * MINUTE_MS,
      timeLeftMs: 23 * 60 * MINUTE_MS + 30 * MINUTE_MS,
      shop: zh ? '示例店铺' : 'Sample Shop',
      tier: TIER_LABELS.senior[lang],
      orderId: '3306183637220018070',
    },
  };
}

/** Finds the preview order and fills the template variables from it and its customer. */
export async function loadPreviewSource(
  db: KezhiDb,
  settings: Settings,
  now: number,
): Promise<TemplatePreviewSource> {
  let order: Order | undefined;
  // Unpaid orders are few; keep only the newest while walking them.
  await db.orders
    .where('status')
    .equals('unpaid')
    .each((o) => {
      if (!order || o.createdAt > order.createdAt) order = o;
    });
  const kind = order ? 'unpaid' : 'recent';
  order ??= await db.orders.toCollection().first();
  if (!order) return sampleSource(settings.language, now);

  const lang = settings.language;
  const key = shopKey(order.platform, order.shopId);
  const [customer, shop, statsRecord] = await Promise.all([
    db.customers.get(order.customerKey),
    db.shops.get(key),
    db.stats.get(key),
  ]);
  let tier: string | undefined;
  if (customer) {
    const stats =
      checkShopStats(statsRecord?.stats) ??
      computeShopStats(
        await db.customers
          .where('[platform+shopId]')
          .equals([order.platform, order.shopId])
          .toArray(),
        settings,
        now,
      );
    tier = TIER_LABELS[tierOf(customer, stats, settings.tier).tier][lang];
  }
  // An old unpaid order is long past its close time: show the platform's whole window instead.
  const left = autoCloseAtFor(order, settings.reminders) - now;
  const timeLeftMs =
    left > 0 ? left : settings.reminders.autoCloseMinutes[order.platform] * MINUTE_MS;
  return {
    kind,
    vars: {
      buyer: order.buyerNick,
      items: order.items,
      amount: order.amount,
      orderTime: order.createdAt,
      timeLeftMs,
      shop: settings.shops[key]?.name || shop?.name || order.shopId,
      ...(tier ? { tier } : {}),
      orderId: order.orderId,
    },
  };
}
