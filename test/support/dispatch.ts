/**
 * Messages to the background's real handlers, checked and dispatched as the running extension
 * does (lib/messaging dispatch), from the senders our contexts are: a tab on a platform's order
 * page (a content script) or one of our own pages.
 */
import { handlers } from '../../entrypoints/background/handlers';
import { dispatch, type SenderInfo } from '../../lib/messaging';

export const SELF = {
  extensionId: 'kezhiextensionid',
  extensionOrigin: 'chrome-extension://kezhiextensionid/',
};

/** A content script in tab `tabId` of Taobao's sold-orders page. */
export const tabSender = (tabId: number): SenderInfo => ({
  id: SELF.extensionId,
  url: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
  tab: { id: tabId },
});

/** One of our pages (`popup.html`, `options.html`). */
export const pageSender = (page: string): SenderInfo => ({
  id: SELF.extensionId,
  url: `${SELF.extensionOrigin}${page}`,
});

export const POPUP = pageSender('popup.html');

/** Sends `name` with `input` from `sender` to the background's handlers. */
export const callBackground = (name: string, input: unknown, sender: SenderInfo = POPUP) =>
  dispatch(handlers, { kezhi: 1, name, input }, sender, SELF);
