/** What this desk holds for a queued outbox record, as the entry a push sends. */
import type { KezhiDb } from '../db';
import type { Forgotten } from './apply';
import { sharedOrder, type SyncEntry } from './docs';
import { clockOfMeta } from './meta-clock';
import type { OutboxItem, SyncStore } from './store';

/** What this desk holds for a queued record: an entry, a deletion, or nothing to send. */
export async function localEntry(
  item: OutboxItem,
  ctx: { db: KezhiDb; store: SyncStore; forgotten: Forgotten; device: string },
): Promise<SyncEntry | 'delete' | undefined> {
  const { db, store, forgotten, device } = ctx;
  switch (item.kind) {
    case 'order': {
      const o = await db.orders.get(item.key);
      return o && { kind: 'order', key: item.key, data: sharedOrder(o) };
    }
    case 'meta': {
      if (await forgotten.of(item.key)) return 'delete';
      let clock = await store.clocks.get(item.key);
      if (!clock) {
        const m = await db.meta.get(item.key);
        if (!m) return undefined;
        clock = clockOfMeta(m, device);
        await store.clocks.put(clock);
      }
      return { kind: 'meta', key: item.key, data: clock };
    }
    case 'contact': {
      const c = await db.contacts.get(item.key);
      if (!c || (await forgotten.of(c.customerKey))) return 'delete';
      return { kind: 'contact', key: item.key, data: c };
    }
    case 'shop': {
      const s = await db.shops.get(item.key);
      return (
        s && {
          kind: 'shop',
          key: item.key,
          data: {
            platform: s.platform,
            shopId: s.shopId,
            name: s.name,
            s: [s.lastSeenAt, device],
          },
        }
      );
    }
    case 'forget': {
      const t = await store.tombstones.get(item.key);
      return t && { kind: 'forget', key: item.key, data: t };
    }
    case 'claim': {
      const c = await store.claims.get(item.key);
      return c && { kind: 'claim', key: item.key, data: c };
    }
  }
}
