/**
 * The popup's customer lists: search as you type and the most recent buyers. Pages read Dexie
 * directly (inside liveQuery, so they re-run when the background writes) and never write. Every
 * read is an indexed lookup or range.
 */
import Dexie from 'dexie';
import { ALL_SHOPS } from '@/components/popup/ShopBar';
import type { ResultRowData } from '@/components/popup/SearchPanel';
import { describeMatch } from '@/components/popup/format';
import type { KezhiDb } from '@/lib/db';
import { observeSearchTerms, rawSearchTable } from '@/lib/db/raw-search';
import { isUncertain, judgeKind } from '@/lib/identity';
import { shopKey } from '@/lib/keys';
import type { Customer } from '@/lib/schemas';
// Not the lib/search barrel: it loads pinyin-pro, which search.ts imports only when a query needs it.
import { searchCustomers } from '@/lib/search/search';
import type { Settings } from '@/lib/settings';
import {
  readRowContext,
  readTogether,
  readRecent,
  type RecentRead,
  type RowContext,
} from './recent-read';
import { describeNow, inShop, shopName, statsByShop } from './shops';

/** How many rows the search list shows. */
export const RESULT_LIMIT = 20;

async function toRows(
  db: KezhiDb,
  customers: readonly { customer: Customer; matched?: string }[],
  settings: Settings,
  now: number,
  context: RowContext,
): Promise<ResultRowData[]> {
  const list = customers.map((x) => x.customer);
  const withMeta = list.filter((c) => context.metaKeys.has(c.key)).map((c) => c.key);
  const shopMap = new Map(context.shops.map((s) => [s.key, s]));
  const [stats, metas] = await Promise.all([
    statsByShop(db, list, settings, now, false, shopMap),
    withMeta.length > 0 ? db.meta.bulkGet(withMeta) : [],
  ]);
  const blacklisted = new Set(metas.flatMap((m) => (m?.blacklisted ? [m.customerKey] : [])));
  return customers.map(({ customer: c, matched }) => {
    const view = describeNow(c, stats, settings, now);
    return {
      key: c.key,
      nick: c.nick,
      platform: c.platform,
      shopName: shopName(shopMap, settings, shopKey(c.platform, c.shopId)),
      identity: c.identity,
      uncertain: isUncertain(
        c.identity,
        c.purchaseCount,
        judgeKind(shopMap.get(shopKey(c.platform, c.shopId))?.identityEvidence ?? {}, 'token')
          .verdict,
      ),
      tier: view.tier,
      segment: view.segment,
      kind: view.kind,
      lastOrderAt: c.lastOrderAt,
      blacklisted: blacklisted.has(c.key),
      ...(matched === undefined ? {} : { matched }),
    };
  });
}

/**
 * Search as you type: lib/search's indexed prefix lookups and ranking over every shop's
 * customers, then the shop filter. With a filter, more candidates are ranked so that other shops'
 * matches do not crowd the list out.
 */
export async function searchRows(
  db: KezhiDb,
  q: string,
  shop: string,
  settings: Settings,
  now: number,
): Promise<ResultRowData[]> {
  const lang = settings.language;
  const [ranked, context] = await readTogether(db, () =>
    Promise.all([
      searchCustomers<Customer>(
        rawSearchTable(db),
        q,
        shop === ALL_SHOPS ? RESULT_LIMIT : RESULT_LIMIT * 10,
        // A 张s query imports pinyin-pro on the way: Dexie.waitFor keeps the transaction open
        // and liveQuery tracking across that await.
        (p) => Dexie.waitFor(p),
      ),
      readRowContext(db),
      observeSearchTerms(db),
    ]),
  );
  const hits = ranked.filter((r) => inShop(shop)(r.customer)).slice(0, RESULT_LIMIT);
  return toRows(
    db,
    hits.map((r) => ({
      customer: r.customer,
      matched: describeMatch(r.customer, q, r.match, lang),
    })),
    settings,
    now,
    context,
  );
}

/**
 * The customers who ordered most recently (the `lastOrderAt` index, newest first). `read`: the
 * records already read for this list (main.tsx's prefetch of every shop's), else they are read.
 */
export async function recentRows(
  db: KezhiDb,
  shop: string,
  settings: Settings,
  now: number,
  read?: Promise<RecentRead>,
): Promise<ResultRowData[]> {
  const { customers, context } = await (read ??
    readRecent(db, shop === ALL_SHOPS ? undefined : inShop(shop)));
  return toRows(
    db,
    customers.map((customer) => ({ customer })),
    settings,
    now,
    context,
  );
}
