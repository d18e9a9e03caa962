/**
 * Patch semantics for the seller's edits (issue 13, part 1): an `updateMeta` changes only the
 * fields it carries. Driven through dispatch() with the real handlers, as the popup sends them:
 * note, then tags, then blacklist, then reason; every earlier edit must survive the later ones.
 */
import { handlers } from '../../entrypoints/background/handlers';
import { getDb } from '../../lib/db';
import { dispatch, type SenderInfo } from '../../lib/messaging';
import { MetaPatch } from '../../lib/schemas';

const SELF = {
  extensionId: 'kezhiextensionid',
  extensionOrigin: 'chrome-extension://kezhiextensionid/',
};
const POPUP: SenderInfo = { id: SELF.extensionId, url: `${SELF.extensionOrigin}popup.html` };
const CONTENT: SenderInfo = {
  id: SELF.extensionId,
  url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
  tab: { id: 3 },
};
const send = (input: unknown, sender: SenderInfo = POPUP) =>
  dispatch(handlers, { kezhi: 1, name: 'updateMeta', input }, sender, SELF);

describe('updateMeta: only the fields sent change', () => {
  it('note, tag, blacklist, reason in turn: all four kept', async () => {
    const customerKey = 'taobao:shop1:nick:patch_buyer';
    expect(await send({ customerKey, note: '喜欢蓝色，周末发货' })).toMatchObject({ ok: true });
    expect(await send({ customerKey, tags: ['老客', '批发'] })).toMatchObject({ ok: true });
    expect(await send({ customerKey, blacklisted: true })).toMatchObject({ ok: true });
    expect(await send({ customerKey, blacklistReason: '恶意退款' })).toMatchObject({ ok: true });
    const stored = await getDb().meta.get(customerKey);
    expect(stored).toMatchObject({
      note: '喜欢蓝色，周末发货',
      tags: ['老客', '批发'],
      blacklisted: true,
      blacklistReason: '恶意退款',
    });
  });

  it('an empty string or list sent on purpose still clears that field alone', async () => {
    const customerKey = 'taobao:shop1:nick:patch_clear';
    await send({ customerKey, note: 'n1', tags: ['a'], blacklistReason: 'r' });
    await send({ customerKey, tags: [] });
    expect(await getDb().meta.get(customerKey)).toMatchObject({
      note: 'n1',
      tags: [],
      blacklistReason: 'r',
    });
  });

  it('the patch schema fills nothing in', () => {
    expect(MetaPatch.parse({})).toEqual({});
    expect(MetaPatch.parse({ note: 'x' })).toEqual({ note: 'x' });
    expect(MetaPatch.safeParse({ note: 'x'.repeat(5001) }).success).toBe(false);
  });

  it('is refused from a content script (pages never need it)', async () => {
    const customerKey = 'taobao:shop1:nick:patch_content';
    const r = await send({ customerKey, note: 'from the page' }, CONTENT);
    expect(r).toEqual({ ok: false, error: 'updateMeta may not be sent from here' });
    expect(await getDb().meta.get(customerKey)).toBeUndefined();
  });
});
