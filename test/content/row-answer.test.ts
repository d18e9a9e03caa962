/**
 * Unchanged answers are not sent twice (lib/row-answer). The background digests each row's
 * summary; the page names the digest it holds when it asks again, and a row whose answer is the
 * same comes back as its id alone. Checked on the digest itself (against plain text equality),
 * on the real handlers (a second sync of the same rows, then a tag that changes one), and on the
 * content script's side (what it sends and what it paints from an answer that says "same").
 */
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OrderSync } from '../../entrypoints/orders.content/order-sync';
import type { Adapter } from '../../lib/adapters/types';
import { deepEqual } from '../../lib/deep-equal';
import { answerDigest, answerRows, digestText, summaryDigest } from '../../lib/row-answer';
import type { RowSummary } from '../../lib/summary';
import { makeRow } from '../support/component-fixtures';
import { callBackground, POPUP, tabSender } from '../support/dispatch';
import { order } from '../support/make-order';

const TAB = tabSender(733);
const call = (name: string, input: unknown, sender = TAB) => callBackground(name, input, sender);

type SyncReply = { summaries: RowSummary[]; same?: string[] };

describe('digestText', () => {
  it('is equal exactly when the texts are (fixed seed)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        expect(digestText(a) === digestText(b)).toBe(a === b);
        expect(digestText(a)).toBe(digestText(`${a}`));
      }),
      { seed: 20261207, numRuns: 2000 },
    );
  });

  it('tells apart texts one character apart, and 5,000 answers one field apart', () => {
    const base = JSON.stringify(makeRow());
    for (const c of ['\u0001', 'Z', '中']) {
      const seen = new Set<string>();
      for (let i = 0; i < base.length; i++)
        if (base[i] !== c) seen.add(digestText(`${base.slice(0, i)}${c}${base.slice(i + 1)}`));
      expect(seen.size).toBe([...base].filter((x) => x !== c).length);
      expect(seen.has(digestText(base))).toBe(false);
    }
    const row = makeRow();
    const answers = new Set<string>();
    for (let i = 0; i < 5000; i++)
      answers.add(summaryDigest({ ...row, shopCustomers: row.shopCustomers + i }));
    expect(answers.size).toBe(5000);
  });
});

describe('answerRows', () => {
  const a = makeRow({ orderId: '1' });
  const b = makeRow({ orderId: '2' });

  it('sends every summary, with its digest, when the page holds none', () => {
    const r = answerRows([a, b], [{ orderId: '1' }, { orderId: '2' }]);
    expect(r.same).toEqual([]);
    expect(r.summaries.map((s) => s.digest)).toEqual([summaryDigest(a), summaryDigest(b)]);
    expect(r.summaries[0]).toMatchObject({ ...a, digest: summaryDigest(a) });
  });

  it('lists by id the rows whose held digest is still the answer, and sends the others', () => {
    const changed = { ...b, nick: `${b.nick}x` };
    const r = answerRows(
      [a, changed],
      [
        { orderId: '1', seen: summaryDigest(a) },
        { orderId: '2', seen: summaryDigest(b) },
      ],
    );
    expect(r.same).toEqual(['1']);
    expect(r.summaries.map((s) => s.orderId)).toEqual(['2']);
    expect(r.summaries[0]!.nick).toBe(changed.nick);
  });

  it('leaves the digest itself out of the digest', () => {
    expect(summaryDigest({ ...a, digest: 'anything' })).toBe(summaryDigest(a));
  });
});

/** A naive oracle: JSON with every object's keys sorted (undefined values dropped, as JSON does). */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)))
      : x,
  );
}

describe('deepEqual', () => {
  // Pairs that are often equal: a value and a copy with one leaf changed (or none).
  const pair = fc
    .tuple(fc.jsonValue({ maxDepth: 4 }), fc.nat(), fc.jsonValue({ maxDepth: 1 }), fc.boolean())
    .map(([a, pick, leaf, change]) => {
      const b = structuredClone(a) as unknown;
      if (!change) return [a, b] as const;
      const slots: [Record<string, unknown> | unknown[], string | number][] = [];
      const walk = (v: unknown) => {
        if (Array.isArray(v))
          v.forEach((x, i) => {
            slots.push([v, i]);
            walk(x);
          });
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) {
            slots.push([v as Record<string, unknown>, k]);
            walk(x);
          }
      };
      walk(b);
      if (slots.length === 0) return [a, leaf] as const;
      const [parent, key] = slots[pick % slots.length]!;
      (parent as Record<string | number, unknown>)[key] = leaf;
      return [a, b] as const;
    });

  it('agrees with sorted-key JSON on values and their near copies (fixed seed)', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(deepEqual(a, b)).toBe(canonical(a) === canonical(b));
        expect(deepEqual(b, a)).toBe(canonical(a) === canonical(b));
      }),
      { seed: 20261207, numRuns: 3000 },
    );
  });

  it('counts a key holding undefined as absent, and tells arrays from objects', () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1, c: 2 })).toBe(false);
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(true);
    expect(deepEqual({ 0: 'x' }, ['x'])).toBe(false);
    expect(deepEqual({ a: NaN }, { a: NaN })).toBe(false);
  });
});

describe('answerDigest', () => {
  // Answers of three orders, changed a field at a time (deep fields too) and asked for in turn.
  const edits: ((s: RowSummary, v: number) => RowSummary)[] = [
    (s) => s,
    (s, v) => ({ ...s, nick: `买家${v % 3}` }),
    (s, v) => ({ ...s, meta: { ...s.meta, tags: v % 2 ? ['回头客'] : [] } }),
    (s, v) => ({
      ...s,
      order: { ...s.order, items: [{ ...s.order.items[0]!, quantity: 1 + (v % 2) }] },
    }),
    (s, v) => ({ ...s, order: { ...s.order, autoCloseAt: v % 2 ? 1_800_000_000_000 : undefined } }),
    (s, v) => ({ ...s, current: { ...s.current, purchaseCount: v % 3 } }),
    (s, v) => (v % 2 ? { ...s, handledBy: { staff: '小王', at: v } } : s),
  ];
  const base = ['1', '2', '3'].map((orderId) => makeRow({ orderId }));

  it('is the digest of the answer itself, whatever was asked before (fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(2), fc.nat(edits.length - 1), fc.nat(5)), { maxLength: 30 }),
        (steps) => {
          const now = base.map((s) => structuredClone(s));
          for (const [which, edit, v] of steps) {
            now[which] = edits[edit]!(now[which]!, v);
            // A fresh copy each time, as the background builds a new answer for every ask.
            const asked = structuredClone(now[which]);
            expect(answerDigest(asked)).toBe(summaryDigest(asked));
          }
        },
      ),
      { seed: 20261207, numRuns: 400 },
    );
  });
});

describe('the background answers a repeat with ids', () => {
  const ids = ['4300000000000000101', '4300000000000000102', '4300000000000000103'];
  const rows = (seen: Map<string, string | undefined>) =>
    ids.map((orderId) => ({ orderId, seen: seen.get(orderId) }));
  const sync = async (orders: unknown[], seen = new Map<string, string | undefined>()) => {
    const r = await call('sync', {
      adapter: 'taobao-old',
      platform: 'taobao',
      shopId: 'shop1',
      orders,
      rows: rows(seen),
    });
    if (!r.ok) throw new Error(r.error);
    return r.value as SyncReply;
  };

  it('a second ask names the held digests; a change comes back in full', async () => {
    const first = await sync(
      ids.map((orderId, i) => order({ orderId, buyerId: `nick:b${i}`, buyerNick: `b${i}` })),
    );
    expect(first.summaries).toHaveLength(3);
    const held = new Map(first.summaries.map((s) => [s.orderId, s.digest]));
    expect([...held.values()].every((d) => typeof d === 'string' && d.length > 0)).toBe(true);

    const again = await sync([], held);
    expect(again.summaries).toEqual([]);
    expect(again.same).toEqual(ids);

    // A tag on the second buyer changes that row's answer only.
    const tagged = await call(
      'updateMeta',
      { customerKey: first.summaries[1]!.customerKey, tags: ['回头客'] },
      POPUP,
    );
    expect(tagged.ok).toBe(true);
    const after = await sync([], held);
    expect(after.same).toEqual([ids[0], ids[2]]);
    expect(after.summaries.map((s) => s.orderId)).toEqual([ids[1]]);
    expect(after.summaries[0]!.meta.tags).toEqual(['回头客']);
  });
});

describe('the content script holds what is the same', () => {
  const adapter = { id: 'taobao-old', platform: 'taobao' } as unknown as Adapter;

  it('sends the digest it holds and paints the held answer for an id that came back', async () => {
    const a = { ...makeRow({ orderId: '1' }), digest: 'd1' };
    const b = { ...makeRow({ orderId: '2' }), digest: 'd2' };
    const b2 = { ...b, nick: 'changed', digest: 'd2b' };
    const asked: { orderId: string; seen?: string }[][] = [];
    const replies: SyncReply[] = [{ summaries: [a, b] }, { summaries: [b2], same: ['1'] }];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((m: {
      input: { rows: { orderId: string; seen?: string }[] };
    }) => {
      asked.push(m.input.rows);
      const value = replies.shift();
      return Promise.resolve({
        ok: true,
        value: { ...value, rejected: [], overlayEnabled: true, unknown: [] },
      });
    }) as never);
    const applied: RowSummary[][] = [];
    const sync = new OrderSync(adapter, { apply: (s) => applied.push([...s]), fail: () => {} });
    await sync.sync([], ['1', '2']);
    await sync.sync([], ['1', '2']);
    expect(asked[0]!.map((r) => r.seen)).toEqual([undefined, undefined]);
    expect(asked[1]!.map((r) => r.seen)).toEqual(['d1', 'd2']);
    expect(applied[1]!.map((s) => [s.orderId, s.nick])).toEqual([
      ['2', 'changed'],
      ['1', a.nick],
    ]);
    expect(sync.summaries.get('2')).toEqual(b2);
  });
});
