// @vitest-environment jsdom
/**
 * The copy fallback (no async clipboard) never shows the message to the page: its textarea goes
 * into the row's closed root, where the page's MutationObserver cannot see it.
 */
import { copyText } from '../../components/copy-text';

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.unstubAllGlobals();
  delete (document as Partial<Document>).execCommand; // back to jsdom's own
  document.body.innerHTML = '';
});

test('the fallback textarea lives in the closed root; the page observes nothing of it', async () => {
  vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('no')) } });
  const copied: string[] = [];
  document.execCommand = vi.fn(() => {
    const el = root.querySelector('textarea');
    copied.push(el?.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0) ?? '');
    return true;
  });
  const host = document.createElement('kezhi-overlay');
  const root = host.attachShadow({ mode: 'closed' });
  document.body.append(host);
  const seenByPage: Node[] = [];
  const pageObserver = new MutationObserver((rs) =>
    rs.forEach((r) => seenByPage.push(...r.addedNodes)),
  );
  pageObserver.observe(document, { childList: true, subtree: true });

  expect(await copyText('亲，订单还没付款哦', root)).toBe(true);
  await flush();
  expect(copied).toEqual(['亲，订单还没付款哦']);
  expect(seenByPage).toEqual([]);
  expect(root.querySelector('textarea')).toBeNull(); // and gone again
  pageObserver.disconnect();
});

test('the async clipboard first; no element at all', async () => {
  const writeText = vi.fn(() => Promise.resolve());
  vi.stubGlobal('navigator', { clipboard: { writeText } });
  const root = document.createElement('div').attachShadow({ mode: 'closed' });
  const append = vi.spyOn(root, 'append');
  expect(await copyText('x', root)).toBe(true);
  expect(writeText).toHaveBeenCalledWith('x');
  expect(append).not.toHaveBeenCalled();
});
