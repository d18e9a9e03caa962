import { openDb, type KezhiDb } from '../../lib/db';
import { mergeOrder, recomputeCustomer } from '../../lib/db/aggregate';
import { deepEqual } from '../../lib/deep-equal';
import { ingestOrders } from '../../lib/db/ingest';
import { logContact, markCareDone, updateMeta } from '../../lib/db/writes';
import {
  BACKUP_TABLES,
  ENCRYPTED_FORMAT,
  RestoreRefused,
  applyRestore,
  backupFileParts,
  exportBackup,
  parseBackup,
  previewRestore,
  readBackup,
  restoreBackup,
  type Backup,
  type BackupTables,
  type RestoreRules,
} from '../../lib/backup';
import type { OrderInput } from '../../lib/schemas';

const rules: RestoreRules = { mergeOrder, recomputeCustomer, deepEqual };
const T0 = Date.UTC(2025, 0, 1);
const NOW = Date.UTC(2026, 4, 17);
// Fewer PBKDF2 rounds are not accepted on reading, so tests pay the real price once per file.

let db: KezhiDb;
beforeEach(async () => {
  db = openDb(`backup-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

function order(p: Partial<OrderInput> & { orderId: string }): OrderInput {
  return {
    platform: 'taobao',
    shopId: 'shop1',
    buyerId: 'nick:买家一',
    buyerNick: '买家一',
    identity: 'known',
    status: 'completed',
    createdAt: T0,
    paidAt: T0 + 60_000,
    amount: 16900,
    items: [{ title: '纯棉T恤 白色', sku: 'L', quantity: 2, unitPrice: 8450 }],
    receiverName: '张三',
    receiverPhone: '138****1234',
    region: '浙江省 杭州市',
    source: 'import',
    ...p,
  };
}

/** Two shops, several buyers, every table holding something. */
async function fill(target: KezhiDb): Promise<void> {
  const orders: OrderInput[] = [
    order({ orderId: '3306183637220018070' }),
    order({ orderId: '3306183637220018071', createdAt: T0 + 86_400_000 * 40, amount: 5900 }),
    order({
      orderId: '3306183637220018072',
      buyerId: 'nick:buyer2',
      buyerNick: 'buyer2',
      status: 'unpaid',
      paidAt: undefined,
    }),
    order({
      orderId: '3306183637220018073',
      buyerId: 'order:3306183637220018073',
      buyerNick: '牛**',
      identity: 'masked',
      status: 'closed',
      paidAt: undefined,
    }),
    order({
      platform: 'pinduoduo',
      shopId: 'pdd9',
      orderId: '260517-607198974342268',
      buyerId: 'nick:pdd-buyer',
      buyerNick: 'pdd-buyer',
      amount: 2990,
    }),
  ];
  const r = await ingestOrders(target, orders, NOW);
  expect(r.rejected).toEqual([]);
  await target.shops.put({
    key: 'taobao:shop1',
    platform: 'taobao',
    shopId: 'shop1',
    name: '小店',
    lastSeenAt: NOW,
    pagesRecognised: 3,
  });
  await logContact(
    target,
    {
      customerKey: 'taobao:shop1:nick:buyer2',
      orderKey: 'taobao:shop1:3306183637220018072',
      at: NOW,
      channel: 'chat',
      template: 'remind.new.chat.polite',
      staff: '小王',
      purpose: 'remind',
    },
    'c1',
  );
  await logContact(
    target,
    {
      customerKey: 'pinduoduo:pdd9:nick:pdd-buyer',
      at: NOW,
      channel: 'sms',
      template: 'care.day7.sms',
      staff: '',
      purpose: 'care',
    },
    'c2',
  );
  await updateMeta(
    target,
    'taobao:shop1:nick:买家一',
    { tags: ['高端', '活动顾客'], note: '喜欢白色', blacklisted: false },
    NOW,
  );
  await updateMeta(
    target,
    'pinduoduo:pdd9:nick:pdd-buyer',
    { blacklisted: true, blacklistReason: '差评师' },
    NOW,
  );
  await markCareDone(
    target,
    'taobao:shop1:nick:买家一|care.day7|1',
    'taobao:shop1:nick:买家一',
    NOW,
  );
}

async function snapshot(target: KezhiDb): Promise<BackupTables> {
  const sort = <T>(rows: T[], key: (r: T) => string) =>
    [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    shops: sort(await target.shops.toArray(), (r) => r.key),
    orders: sort(await target.orders.toArray(), (r) => r.key),
    customers: sort(await target.customers.toArray(), (r) => r.key),
    contacts: sort(await target.contacts.toArray(), (r) => r.id),
    meta: sort(await target.meta.toArray(), (r) => r.customerKey),
    careDone: sort(await target.careDone.toArray(), (r) => r.id),
  };
}

async function wipe(target: KezhiDb): Promise<void> {
  await target.transaction('rw', target.tables, async () => {
    for (const t of target.tables) await t.clear();
  });
}

async function fileText(backup: Backup, passphrase = ''): Promise<string> {
  return new Blob(await backupFileParts(backup, passphrase)).text();
}

describe('backup round trip', () => {
  it('exports every table, and a wiped database restores to identical data', async () => {
    await fill(db);
    const before = await snapshot(db);
    for (const name of BACKUP_TABLES) expect(before[name].length).toBeGreaterThan(0);

    const text = await fileText(await exportBackup(db, { now: NOW }));
    const head = JSON.parse(text) as Backup;
    expect(head).toMatchObject({ format: 'kezhi-backup', version: 1, exportedAt: NOW });
    expect(head.shops).toBeUndefined();

    await wipe(db);
    expect(await db.orders.count()).toBe(0);
    const read = await readBackup(text);
    if (!read.ok) throw new Error(read.message.en);
    expect(read.encrypted).toBe(false);

    const summary = await previewRestore(db, read.backup, rules);
    expect(summary.orders).toEqual({ inBackup: 5, added: 5, updated: 0, unchanged: 0 });
    expect(await db.orders.count()).toBe(0); // a preview writes nothing

    const { written } = await restoreBackup(db, JSON.parse(text), rules);
    expect(written.orders).toBe(5);
    expect(await snapshot(db)).toEqual(before);
  });

  it('round-trips an encrypted backup, and the passphrase is needed', async () => {
    await fill(db);
    const before = await snapshot(db);
    const text = await fileText(await exportBackup(db, { now: NOW }), '正确的密码 horse');
    const env = JSON.parse(text) as Record<string, unknown>;
    expect(env).toMatchObject({
      format: ENCRYPTED_FORMAT,
      v: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256' },
    });
    expect((env.kdf as { iterations: number }).iterations).toBeGreaterThanOrEqual(210_000);
    expect(text).not.toContain('买家一'); // no plaintext leaks into the envelope

    await wipe(db);
    const noPass = await readBackup(text);
    expect(noPass).toMatchObject({ ok: false, code: 'needs-passphrase' });
    const read = await readBackup(text, '正确的密码 horse');
    if (!read.ok) throw new Error(read.message.en);
    expect(read.encrypted).toBe(true);
    await applyRestore(db, read.backup, rules);
    expect(await snapshot(db)).toEqual(before);
  });

  it('exports one shop only, and restoring it leaves other shops alone', async () => {
    await fill(db);
    const backup = await exportBackup(db, { now: NOW, shopKey: 'taobao:shop1' });
    expect(backup.shops).toEqual(['taobao:shop1']);
    expect(backup.tables.orders.map((o) => o.shopId)).toEqual(['shop1', 'shop1', 'shop1', 'shop1']);
    expect(backup.tables.contacts.map((c) => c.id)).toEqual(['c1']);
    expect(backup.tables.meta).toHaveLength(1);

    const before = await snapshot(db);
    const text = await fileText(backup);
    await db.delete({ disableAutoOpen: false });
    await db.open();
    await ingestOrders(
      db,
      [
        order({
          platform: 'pinduoduo',
          shopId: 'other',
          orderId: 'x-1',
          buyerId: 'nick:o',
          buyerNick: 'o',
        }),
      ],
      NOW,
    );
    const read = await readBackup(text);
    if (!read.ok) throw new Error(read.message.en);
    await applyRestore(db, read.backup, rules);
    const after = await snapshot(db);
    const shop1 = (k: string) => k.startsWith('taobao:shop1');
    expect(after.orders.filter((o) => shop1(o.key))).toEqual(
      before.orders.filter((o) => shop1(o.key)),
    );
    expect(after.customers.filter((o) => shop1(o.key))).toEqual(
      before.customers.filter((o) => shop1(o.key)),
    );
    expect(after.orders.some((o) => o.key === 'pinduoduo:other:x-1')).toBe(true);
  });

  it('merges like ingest: an older backup never moves an order back, aggregates follow', async () => {
    await ingestOrders(db, [order({ orderId: 'A1', status: 'unpaid', paidAt: undefined })], NOW);
    const old = await exportBackup(db, { now: NOW });
    await ingestOrders(
      db,
      [order({ orderId: 'A1', status: 'completed' }), order({ orderId: 'A2', createdAt: T0 + 1 })],
      NOW + 1,
    );
    const before = await snapshot(db);

    const summary = await previewRestore(db, old, rules);
    expect(summary.orders).toEqual({ inBackup: 1, added: 0, updated: 0, unchanged: 1 });
    expect(summary.customers).toEqual({ inBackup: 1, added: 0, updated: 0, unchanged: 1 });
    await applyRestore(db, old, rules);
    expect(await snapshot(db)).toEqual(before);

    // And a newer backup into an older database updates the order and recomputes the buyer.
    const newer = await exportBackup(db, { now: NOW });
    await wipe(db);
    await ingestOrders(db, [order({ orderId: 'A1', status: 'unpaid', paidAt: undefined })], NOW);
    const s2 = await previewRestore(db, newer, rules);
    expect(s2.orders).toMatchObject({ added: 1, updated: 1 });
    expect(s2.customers).toMatchObject({ updated: 1 });
    await applyRestore(db, newer, rules);
    const c = await db.customers.get('taobao:shop1:nick:买家一');
    expect(c?.purchaseCount).toBe(2);
    expect(c).toEqual(recomputeCustomer(await db.orders.toArray()));
  });
});

describe('a bad backup writes nothing', () => {
  async function filledText(passphrase = ''): Promise<string> {
    await fill(db);
    const text = await fileText(await exportBackup(db, { now: NOW }), passphrase);
    await wipe(db);
    return text;
  }
  const empty = async () => {
    for (const t of db.tables) expect(await t.count(), t.name).toBe(0);
  };

  it('refuses a wrong passphrase', async () => {
    const text = await filledText('secret-1');
    const read = await readBackup(text, 'secret-2');
    expect(read).toMatchObject({ ok: false, code: 'wrong-passphrase' });
    if (!read.ok) expect(read.message.zh_CN).toContain('密码不正确');
    await empty();
  });

  it('refuses a tampered envelope (iteration count lowered) like a wrong passphrase', async () => {
    const env = JSON.parse(await filledText('secret-1')) as { kdf: { iterations: number } };
    env.kdf.iterations = 300_000;
    expect(await readBackup(JSON.stringify(env), 'secret-1')).toMatchObject({
      ok: false,
      code: 'wrong-passphrase',
    });
    env.kdf.iterations = 1000;
    expect(await readBackup(JSON.stringify(env), 'secret-1')).toMatchObject({
      ok: false,
      code: 'bad-envelope',
    });
  });

  it('refuses a record with a negative amount, naming it, and writes nothing', async () => {
    const raw = JSON.parse(await filledText()) as Backup;
    raw.tables.orders[2]!.amount = -100;
    const read = await readBackup(JSON.stringify(raw));
    expect(read).toMatchObject({ ok: false, code: 'invalid-records', problemCount: 1 });
    if (!read.ok) {
      expect(read.problems[0]).toMatchObject({
        table: 'orders',
        index: 2,
        key: raw.tables.orders[2]!.key,
      });
      expect(read.problems[0]!.reason).toContain('amount');
    }
    // The background refuses it too, even if the page were bypassed.
    await expect(restoreBackup(db, raw, rules)).rejects.toBeInstanceOf(RestoreRefused);
    await empty();
  });

  it('refuses a truncated file', async () => {
    const text = await filledText();
    const read = await readBackup(text.slice(0, Math.floor(text.length * 0.7)));
    expect(read).toMatchObject({ ok: false, code: 'not-json' });
    await empty();
  });

  it('refuses a truncated encrypted file', async () => {
    const text = await filledText('pw');
    const env = JSON.parse(text) as { data: string };
    env.data = env.data.slice(0, 40);
    expect(await readBackup(JSON.stringify(env), 'pw')).toMatchObject({
      ok: false,
      code: 'wrong-passphrase',
    });
    await empty();
  });

  it('refuses records that break key rules, duplicates and scope', async () => {
    const raw = JSON.parse(await filledText()) as Backup;
    const o = raw.tables.orders[0]!;
    const forged = {
      ...raw,
      tables: {
        ...raw.tables,
        orders: [...raw.tables.orders, { ...o }, { ...o, key: 'taobao:shop1:other' }],
      },
    };
    const p = parseBackup(forged);
    expect(p.ok).toBe(false);
    if (!p.ok)
      expect(p.problems.map((x) => x.reason)).toEqual([
        'duplicate key',
        'key does not match the order',
      ]);
    const scoped = parseBackup({ ...raw, shops: ['taobao:shop1'] });
    expect(scoped.ok).toBe(false);
    if (!scoped.ok)
      expect(scoped.problems.every((x) => x.reason.includes('not in this backup'))).toBe(true);
    expect(parseBackup({ format: 'dexie', data: {} })).toMatchObject({
      ok: false,
      code: 'not-a-backup',
    });
    expect(parseBackup({ ...raw, version: 2 })).toMatchObject({
      ok: false,
      code: 'unsupported-version',
    });
    await empty();
  });
});
