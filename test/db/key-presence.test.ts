/**
 * The background's memory of which customers have meta or contacts (lib/db/key-presence): after
 * any sequence of writes, what it names is a superset of what the database holds (checked
 * against a second, untracked connection), and the rows' summaries read through it are the
 * ones read without it.
 */
import fc from 'fast-check';
import { openDb, trackKeyPresence, mayHaveRecords, type KezhiDb } from '../../lib/db';
import { ingestOrders } from '../../lib/db/ingest';
import { summarizeRows } from '../../lib/db/row-summaries';
import { deleteShop, forgetBuyer, logContact, updateMeta } from '../../lib/db/writes';
import { parseSettings } from '../../lib/settings';
import { order } from '../support/make-order';

const RUNS = Number(process.env.KEZHI_FUZZ_RUNS ?? 40);
const NOW = Date.UTC(2026, 10, 25);
const BUYERS = ['a', 'b', 'c', 'd', 'e'];
const key = (b: string) => `taobao:shop1:nick:${b}`;
const KEYS = BUYERS.map(key);

/** Buyer `buyer`'s order `id` (every third unpaid), days apart. */
const orderOf = (id: number, buyer: string) =>
  order({
    orderId: String(2000 + id),
    buyerId: `nick:${buyer}`,
    buyerNick: buyer,
    status: id % 3 === 0 ? 'unpaid' : 'paid',
    createdAt: NOW - (10 - id) * 86_400_000,
    amount: 1000 * (id + 1),
  });

let name: string;
let tracked: KezhiDb;
let plain: KezhiDb;
beforeEach(async () => {
  name = `presence-${Math.random()}`;
  tracked = openDb(name);
  trackKeyPresence(tracked);
  plain = openDb(name);
  await ingestOrders(
    tracked,
    BUYERS.map((b, i) => orderOf(i, b)),
    NOW,
  );
});
afterEach(async () => {
  tracked.close();
  plain.close();
  await openDb(name).delete();
});

/** What the database holds: the customers with meta, and with contacts. */
async function truth(): Promise<{ meta: string[]; contacts: string[] }> {
  const meta = await plain.meta.toCollection().primaryKeys();
  const contacts = (await plain.contacts.orderBy('customerKey').uniqueKeys()) as string[];
  return { meta, contacts };
}

type Step =
  | { op: 'meta'; b: string }
  | { op: 'contact'; b: string }
  | { op: 'forget'; b: string }
  | { op: 'deleteContacts'; b: string }
  | { op: 'deleteShop' }
  | { op: 'ask' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('meta' as const), b: fc.constantFrom(...BUYERS) }),
  fc.record({ op: fc.constant('contact' as const), b: fc.constantFrom(...BUYERS) }),
  fc.record({ op: fc.constant('forget' as const), b: fc.constantFrom(...BUYERS) }),
  fc.record({ op: fc.constant('deleteContacts' as const), b: fc.constantFrom(...BUYERS) }),
  fc.constant({ op: 'deleteShop' as const }),
  fc.constant({ op: 'ask' as const }),
);

async function run(s: Step): Promise<void> {
  if (s.op === 'meta') await updateMeta(tracked, key(s.b), { note: 'n', tags: ['VIP'] }, NOW);
  else if (s.op === 'contact')
    await logContact(tracked, {
      customerKey: key(s.b),
      channel: 'chat',
      template: 't',
      staff: '',
      purpose: 'remind',
      at: NOW,
    });
  else if (s.op === 'forget') await forgetBuyer(tracked, key(s.b));
  else if (s.op === 'deleteContacts')
    await tracked.contacts.where('customerKey').equals(key(s.b)).delete();
  else if (s.op === 'deleteShop') await deleteShop(tracked, 'taobao', 'shop1');
  else await mayHaveRecords(tracked, 'meta', KEYS); // loads the keys mid-sequence
}

describe('key presence', () => {
  it('names no one in empty tables, then exactly who got meta or contacts', async () => {
    expect(await mayHaveRecords(tracked, 'meta', KEYS)).toEqual([]);
    expect(await mayHaveRecords(tracked, 'contacts', KEYS)).toEqual([]);
    await updateMeta(tracked, key('b'), { tags: ['VIP'] }, NOW);
    await logContact(tracked, {
      customerKey: key('c'),
      channel: 'chat',
      template: 't',
      staff: '',
      purpose: 'remind',
      at: NOW,
    });
    expect(await mayHaveRecords(tracked, 'meta', KEYS)).toEqual([key('b')]);
    expect(await mayHaveRecords(tracked, 'contacts', KEYS)).toEqual([key('c')]);
    // An untracked handle (a page's) reads them all.
    expect(await mayHaveRecords(plain, 'meta', KEYS)).toEqual(KEYS);
  });

  it('forgets a deleted record (the next ask reads the keys again)', async () => {
    await updateMeta(tracked, key('a'), { tags: ['x'] }, NOW);
    expect(await mayHaveRecords(tracked, 'meta', KEYS)).toEqual([key('a')]);
    await forgetBuyer(tracked, key('a'));
    expect(await mayHaveRecords(tracked, 'meta', KEYS)).toEqual([]);
  });

  it('after any writes, names everyone who has records (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        for (const s of steps) await run(s);
        const t = await truth();
        const meta = await mayHaveRecords(tracked, 'meta', KEYS);
        const contacts = await mayHaveRecords(tracked, 'contacts', KEYS);
        for (const k of t.meta) expect(meta).toContain(k);
        for (const k of t.contacts) expect(contacts).toContain(k);
      }),
      { numRuns: RUNS },
    );
  });

  it('loses no key to a write that lands while the keys are read', async () => {
    for (const b of BUYERS) {
      await tracked.contacts.where('customerKey').equals(key('z')).delete(); // forgets the set
      const asking = mayHaveRecords(tracked, 'contacts', KEYS);
      const writing = logContact(tracked, {
        customerKey: key(b),
        channel: 'chat',
        template: 't',
        staff: '',
        purpose: 'remind',
        at: NOW,
      });
      await Promise.all([asking, writing]);
      expect(await mayHaveRecords(tracked, 'contacts', KEYS)).toContain(key(b));
    }
  });

  it("the rows' summaries read through it are those read without it", async () => {
    await updateMeta(tracked, key('b'), { tags: ['VIP'], blacklisted: true }, NOW);
    await logContact(tracked, {
      customerKey: key('a'),
      orderKey: 'taobao:shop1:2000',
      channel: 'chat',
      template: 't',
      staff: '',
      purpose: 'remind',
      at: NOW - 60_000,
    });
    const settings = parseSettings(undefined);
    const req = {
      platform: 'taobao' as const,
      shopId: 'shop1',
      rows: BUYERS.map((_, i) => ({ orderId: String(2000 + i) })),
    };
    const viaPresence = await summarizeRows(tracked, req, settings, NOW, true);
    const direct = await summarizeRows(plain, req, settings, NOW, true);
    expect(viaPresence).toEqual(direct);
    expect(viaPresence.summaries.find((s) => s.customerKey === key('b'))?.meta.blacklisted).toBe(
      true,
    );
    expect(viaPresence.summaries.find((s) => s.customerKey === key('a'))?.contacts).toHaveLength(1);
  });
});
