/**
 * The background's one door: dispatch() checks who sent a message before it parses the input,
 * and answers every bad message with a typed error. It never throws, whatever arrives, and a
 * handler never runs for a refused message.
 */
import fc from 'fast-check';
import {
  contract,
  describeError,
  dispatch,
  type Handlers,
  type SenderInfo,
} from '../../lib/messaging';

const SELF = {
  extensionId: 'kezhiextensionid',
  extensionOrigin: 'chrome-extension://kezhiextensionid/',
};
const PAGE: SenderInfo = { id: SELF.extensionId, url: `${SELF.extensionOrigin}popup.html` };
/** Our popup opened as a tab still counts as a page (it has our origin). */
const PAGE_IN_TAB: SenderInfo = { ...PAGE, tab: { id: 9 } };
const CONTENT: SenderInfo = {
  id: SELF.extensionId,
  url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
  tab: { id: 3 },
};

const VALID = {
  sync: { adapter: 'taobao-old', platform: 'taobao', shopId: 'shop1', orders: [], rows: [] },
  lookup: { platform: 'taobao', shopId: 'shop1', orders: [], rows: [] },
  logContact: { customerKey: 'k', channel: 'chat', template: 't', purpose: 'remind' },
  updateMeta: { customerKey: 'k', note: 'n' },
  importBatch: { orders: [] },
  markCareDone: { id: 'x', customerKey: 'k' },
  forgetBuyer: { customerKey: 'k' },
  deleteShop: { shopKey: 'taobao:shop1' },
  mergeCustomers: { from: 'a', into: 'b' },
  splitCustomer: { customerKey: 'k' },
  restore: { backup: {} },
  syncTest: {
    url: 'https://couch.example.com',
    db: 'shop',
    user: 'li',
    password: 'p',
    passphrase: 'x',
    encrypt: true,
  },
  syncNow: {},
  claimOrder: { orderKey: 'taobao:shop1:1', customerKey: 'k' },
  search: { q: 'zs', limit: 20 },
  refreshStats: { shopKey: 'taobao:shop1' },
} as const;

function fakeHandlers() {
  const calls: string[] = [];
  const h = Object.fromEntries(
    Object.keys(contract).map((name) => [
      name,
      vi.fn(() => {
        calls.push(name);
        return Promise.resolve({ ran: name });
      }),
    ]),
  ) as unknown as Handlers;
  return { h, calls };
}

const env = (name: string, input: unknown) => ({ kezhi: 1, name, input });

describe('dispatch: who may send what', () => {
  it('runs each message for its allowed sender', async () => {
    const { h, calls } = fakeHandlers();
    for (const [name, input] of Object.entries(VALID)) {
      const from = contract[name as keyof typeof contract].from;
      const sender = from === 'content' ? CONTENT : PAGE;
      expect(await dispatch(h, env(name, input), sender, SELF)).toEqual({
        ok: true,
        value: { ran: name },
      });
    }
    expect(calls).toHaveLength(Object.keys(VALID).length);
  });

  it.each([
    ['another extension', { ...PAGE, id: 'otherextensionid' }],
    ['another extension posing as a content script', { ...CONTENT, id: 'otherextensionid' }],
    ['no id at all (a web page through externally_connectable)', { url: PAGE.url }],
    ['an empty id', { ...PAGE, id: '' }],
  ])('refuses %s, for every message', async (_what, sender) => {
    const { h, calls } = fakeHandlers();
    for (const [name, input] of Object.entries(VALID)) {
      const r = await dispatch(h, env(name, input), sender, SELF);
      expect(r).toEqual({ ok: false, error: 'sender is not this extension' });
    }
    expect(calls).toEqual([]);
  });

  it('refuses a content message (sync) from an extension page, even one open in a tab', async () => {
    const { h, calls } = fakeHandlers();
    for (const sender of [PAGE, PAGE_IN_TAB]) {
      const r = await dispatch(h, env('sync', VALID.sync), sender, SELF);
      expect(r).toEqual({ ok: false, error: 'sync may not be sent from here' });
    }
    expect(calls).toEqual([]);
  });

  it('refuses every page message from a content script', async () => {
    const { h, calls } = fakeHandlers();
    const pageOnly = Object.entries(contract).filter(([, c]) => c.from === 'page');
    expect(pageOnly.map(([n]) => n).sort()).toEqual(
      [
        'deleteShop',
        'forgetBuyer',
        'importBatch',
        'markCareDone',
        'mergeCustomers',
        'restore',
        'splitCustomer',
        'updateMeta',
        'syncTest',
        'syncNow',
        'search',
        'refreshStats',
      ].sort(),
    );
    for (const [name] of pageOnly) {
      const r = await dispatch(h, env(name, VALID[name as keyof typeof VALID]), CONTENT, SELF);
      expect(r).toEqual({ ok: false, error: `${name} may not be sent from here` });
    }
    expect(calls).toEqual([]);
  });

  it('refuses a sender that is neither a tab nor our page (e.g. an offscreen document of ours at another origin)', async () => {
    const { h, calls } = fakeHandlers();
    const nowhere = { id: SELF.extensionId, url: 'https://evil.example/' };
    for (const name of Object.keys(VALID))
      expect(
        (await dispatch(h, env(name, VALID[name as keyof typeof VALID]), nowhere, SELF)).ok,
      ).toBe(false);
    expect(calls).toEqual([]);
  });

  it('an origin that only starts like ours is not ours', async () => {
    const { h, calls } = fakeHandlers();
    const lookalike = {
      id: SELF.extensionId,
      url: 'chrome-extension://kezhiextensionid.evil/popup.html',
    };
    const r = await dispatch(h, env('forgetBuyer', VALID.forgetBuyer), lookalike, SELF);
    expect(r.ok).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('dispatch: bad messages get typed errors', () => {
  it.each([
    ['not an envelope', 'hello', 'not a Kezhi message'],
    ['null', null, 'not a Kezhi message'],
    ['wrong tag', { kezhi: 2, name: 'sync', input: {} }, 'not a Kezhi message'],
    ['unknown name', env('dropDatabase', {}), 'unknown message dropDatabase'],
    ['inherited name', env('toString', {}), 'unknown message toString'],
    ['prototype name', env('__proto__', {}), 'unknown message __proto__'],
    ['constructor', env('constructor', {}), 'unknown message constructor'],
  ])('%s', async (_what, message, error) => {
    const { h, calls } = fakeHandlers();
    expect(await dispatch(h, message, PAGE, SELF)).toEqual({ ok: false, error });
    expect(calls).toEqual([]);
  });

  it.each([
    ['sync', CONTENT, { ...VALID.sync, platform: 'evil' }],
    ['sync', CONTENT, { ...VALID.sync, orders: new Array(2001).fill({}) }],
    ['sync', CONTENT, { ...VALID.sync, shopId: 'x'.repeat(65) }],
    ['importBatch', PAGE, { orders: new Array(5001).fill({}) }],
    ['importBatch', PAGE, { orders: 'all of them' }],
    ['logContact', PAGE, { ...VALID.logContact, channel: 'telegram' }],
    ['updateMeta', PAGE, { customerKey: 'k', tags: ['x'.repeat(31)] }],
    ['updateMeta', PAGE, { customerKey: 'k', note: '\uD800' }],
    ['forgetBuyer', PAGE, { customerKey: 42 }],
    ['deleteShop', PAGE, undefined],
  ] as const)('invalid %s input', async (name, sender, input) => {
    const { h, calls } = fakeHandlers();
    const r = await dispatch(h, env(name, input), sender, SELF);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(new RegExp(`^invalid ${name}`));
    expect(calls).toEqual([]);
  });

  it('never throws, whatever the message and sender (property)', async () => {
    const { h } = fakeHandlers();
    const names = fc.constantFrom(...Object.keys(contract), 'x', '__proto__', 'hasOwnProperty');
    const message = fc.oneof(
      fc.anything(),
      fc.record({ kezhi: fc.constant(1), name: names, input: fc.anything() }),
    );
    const sender = fc.record(
      {
        id: fc.constantFrom(SELF.extensionId, 'other', ''),
        url: fc.oneof(fc.constantFrom(PAGE.url!, CONTENT.url!), fc.webUrl()),
        tab: fc.record({ id: fc.nat() }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(message, sender, async (m, s) => {
        const r = await dispatch(h, m, s, SELF);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(typeof r.error).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('a handler that fails with anything at all becomes a typed error', async () => {
    const odd: unknown[] = [
      new Error('boom'),
      new DOMException('x', 'QuotaExceededError'),
      'a string',
      undefined,
      null,
      42,
      Object.create(null),
      {
        toString: () => {
          throw new Error('hostile toString');
        },
      },
    ];
    for (const e of odd) {
      const { h } = fakeHandlers();
      h.forgetBuyer = () => {
        throw e;
      };
      const r = await dispatch(h, env('forgetBuyer', VALID.forgetBuyer), PAGE, SELF);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(typeof r.error).toBe('string');
    }
  });

  it('describeError calls out a full disk in words the seller can act on', () => {
    expect(describeError(new DOMException('quota', 'QuotaExceededError'))).toMatch(/存储空间已满/);
    expect(describeError({ inner: { name: 'QuotaExceededError' } })).toMatch(/存储空间已满/);
  });
});
