/** Today's care list in the popup (lib/care), read directly from Dexie; never written. */
import type { DueRowData } from '@/components/popup/DueList';
import { composeDueMessage } from '@/components/popup/due-message';
import { careCandidateRanges, collectDue, DUE_LIST_LIMIT, pickDueToday } from '@/lib/care';
import type { KezhiDb } from '@/lib/db';
import { momentTemplateId } from '@/lib/reminders';
import { shopKey } from '@/lib/keys';
import type { Customer } from '@/lib/schemas';
import type { Settings } from '@/lib/settings';
import { describeNow, inShop, shopName, statsByShop } from './shops';

/** A due row plus what copying it needs. */
export interface DueRow extends DueRowData {
  templateId: string;
  purpose: 'care' | 'recall' | 'repurchase';
  orderKey?: string;
}

/** Customers read per care range at most (see loadDue). */
export const DUE_CANDIDATES = 2000;

/**
 * Today's list (lib/care) for one shop or all: candidates from `lastOrderAt` range queries (not
 * the whole table), blacklisted buyers left out, their orders by `customerKey`, done marks by id;
 * then each message rendered from the seller's templates with the checks to make before sending.
 *
 * Its cursors walk thousands of records (slow in a large shop), so `signal` stops them:
 * a popup that starts searching before the list is done must not queue its searches behind it.
 * An aborted load rejects with the signal's reason.
 */
export async function loadDue(
  db: KezhiDb,
  shop: string,
  settings: Settings,
  now: number,
  signal?: AbortSignal,
): Promise<DueRow[]> {
  const aborted = () => signal?.aborted ?? false;
  const ranges = careCandidateRanges(settings, now);
  const found = await Promise.all(
    ranges.map((r) =>
      // Bounded: in a large shop a range can hold tens of thousands; the most
      // recent DUE_CANDIDATES per range are plenty for a list of DUE_LIST_LIMIT.
      db.customers
        .where('lastOrderAt')
        .between(r.from, r.to, true, true)
        .reverse()
        .until(aborted)
        .limit(DUE_CANDIDATES)
        .toArray(),
    ),
  );
  signal?.throwIfAborted();
  const byKey = new Map<string, Customer>();
  for (const c of found.flat()) if (inShop(shop)(c)) byKey.set(c.key, c);
  const keys = [...byKey.keys()];
  if (keys.length === 0) return [];
  const metas = await db.meta.bulkGet(keys);
  signal?.throwIfAborted();
  const customers = [...byKey.values()].filter((_, i) => !metas[i]?.blacklisted);
  const orders = await db.orders
    .where('customerKey')
    .anyOf(customers.map((c) => c.key))
    .until(aborted)
    .toArray();
  signal?.throwIfAborted();
  const entries = collectDue({ customers, orders, now, settings });
  const marks = await db.careDone.bulkGet(entries.map((e) => e.item.id));
  const done = new Set(marks.flatMap((m) => (m ? [m.id] : [])));
  const picked = pickDueToday(entries, done, DUE_LIST_LIMIT);
  if (picked.length === 0) return [];

  const pickedCustomers = picked.map((p) => p.customer);
  const [contacts, stats, shops] = await Promise.all([
    db.contacts
      .where('customerKey')
      .anyOf(pickedCustomers.map((c) => c.key))
      .toArray(),
    statsByShop(db, pickedCustomers, settings, now),
    db.shops.toArray(),
  ]);
  const shopMap = new Map(shops.map((s) => [s.key, s]));
  return picked.map(({ customer: c, item }) => {
    const name = shopName(shopMap, settings, shopKey(c.platform, c.shopId));
    const templateId = momentTemplateId(item.moment, 'chat');
    const message = composeDueMessage({
      item,
      templateId,
      nick: c.nick,
      shopName: name,
      tier: describeNow(c, stats, settings, now).tier,
      contacts: contacts.filter((x) => x.customerKey === c.key),
      settings,
      now,
    });
    return {
      id: item.id,
      customerKey: c.key,
      nick: c.nick,
      platform: c.platform,
      shopName: name,
      kind: item.kind,
      moment: item.moment,
      step: item.step,
      daysLate: item.daysLate,
      ...(item.kind === 'repurchase' && item.items[0] ? { itemTitle: item.items[0].title } : {}),
      ...message,
      templateId,
      purpose: item.purpose,
      ...(item.orderId === undefined
        ? {}
        : { orderKey: `${c.platform}:${c.shopId}:${item.orderId}` }),
    };
  });
}
