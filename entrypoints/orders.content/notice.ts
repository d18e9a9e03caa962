/**
 * The small "this page changed, badges paused" notice (also used when the background cannot
 * answer). Fixed in a corner inside its own closed shadow root; closable.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Lang } from '@/lib/i18n';
import { t } from '@/lib/i18n/notice';

export interface Notice {
  remove(): void;
}

const CSS = `:host{all:initial}
.n{position:fixed;top:12px;right:12px;z-index:2147483646;max-width:360px;background:#fff7e6;color:#613400;
border:1px solid #ffc53d;border-radius:6px;padding:8px 28px 8px 10px;font:12px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.15)}
.t{font-weight:600}.p{margin-top:2px;word-break:break-word}
button{position:absolute;top:4px;right:6px;border:0;background:none;cursor:pointer;font-size:14px;color:inherit}`;

export function showNotice(ctx: ContentScriptContext, lang: Lang, problem: string): Notice {
  const host = noticeHost();
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CSS;
  host.setAttribute('data-kezhi-notice', '');
  const box = document.createElement('div');
  box.className = 'n';
  box.setAttribute('role', 'status');
  const title = document.createElement('div');
  title.className = 't';
  title.textContent = t(lang, 'title');
  const p = document.createElement('div');
  p.className = 'p';
  p.textContent = problem;
  const close = document.createElement('button');
  close.textContent = '×';
  close.setAttribute('aria-label', t(lang, 'close'));
  close.addEventListener('click', () => host.remove());
  box.append(title, p, close);
  root.append(style, box);
  document.documentElement.append(host);
  const notice = {
    remove() {
      host.remove();
    },
  };
  ctx.onInvalidated(() => notice.remove());
  return notice;
}

/**
 * Our element. A page that defined `kezhi-notice` itself (its constructor would run on ours, and
 * a root attached to it is handed to the page's attachInternals) gets a name it cannot know.
 */
function noticeHost(): HTMLElement {
  const host = document.createElement('kezhi-notice');
  if (!host.matches(':defined')) return host;
  return document.createElement(`kezhi-notice-${crypto.randomUUID()}`);
}
