// Small helpers for the benchmark: statistics, the machine description, page builders.
import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, fixture } from '../scripts/browser.mjs';

/** Median, min, max, quartiles of a list of numbers. */
export function summarize(values) {
  const v = [...values].sort((a, b) => a - b);
  const q = (p) => {
    if (v.length === 0) return NaN;
    const i = (v.length - 1) * p;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return v[lo] + (v[hi] - v[lo]) * (i - lo);
  };
  return { median: q(0.5), min: v[0], max: v[v.length - 1], q1: q(0.25), q3: q(0.75), n: v.length };
}

/** The p-th percentile (nearest rank) of a list. */
export function percentile(values, p) {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil(p * v.length) - 1))];
}

/** CPU model, cores, memory: what a reader needs to judge the figures. */
export function machine(chromiumVersion) {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: chromiumVersion,
    platform: `${process.platform} ${process.arch}`,
  };
}

/**
 * Waits until `expression` is truthy in the page's main world and returns its value, asking over
 * the page's CDP session every `every` ms. Not Playwright's waitForFunction: that evaluates
 * Playwright's injected script (about 20 ms of main-thread work on this machine) in the page
 * while it loads, inside the very window being timed.
 */
export async function waitInPage(cdp, expression, { timeout = 60_000, every = 20 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const r = await cdp
      .send('Runtime.evaluate', { expression, returnByValue: true })
      .catch(() => undefined); // the document was being replaced: ask again
    const value = r && !r.exceptionDetails ? r.result.value : undefined;
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waitInPage: timed out on ${expression}`);
    await new Promise((res) => setTimeout(res, every));
  }
}

/**
 * scripts/history.mjs as an expression that installs `globalThis.__kzHistory` in a page, so the
 * extension page can build 100k orders itself instead of receiving them over the wire.
 */
export function historyInstaller() {
  const src = readFileSync(join(ROOT, 'scripts/history.mjs'), 'utf8').replace(/^export /gm, '');
  return `(() => { ${src}\n globalThis.__kzHistory = { generateHistory, realisticPages, nickFor, rng }; return true; })()`;
}

const SELLER = 'kzbench:客服小王';

/**
 * Page instrumentation: long tasks from the start; the moment every row has its badge
 * (`doneAt`), and when the frame that shows them has been drawn (`drawnAt`: an animation frame
 * after `doneAt`, then a message, which runs once that frame's style, layout and paint are done).
 * `rowsDrawnAt` is the same for the page's own rows: the end of its first frame with them, the
 * floor under `drawnAt` (no badge can be drawn before the rows it sits in). From the rows on,
 * every frame's end goes to `frames` and each badge's time to `setAt`, so the first screen can be
 * timed afterwards (bench/scenarios/overlay.mjs `firstScreen`).
 */
const HEAD_PROBE = `<script>
window.__kz = { longTasks: [], rowsAt: 0, doneAt: 0, drawnAt: 0, rowsDrawnAt: 0, kinds: 0, frames: [], setAt: new Map() };
__kz.afterFrame = (set) => requestAnimationFrame(() => {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => set(performance.now());
  ch.port2.postMessage(null);
});
try {
  new PerformanceObserver((l) => { for (const e of l.getEntries()) __kz.longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
} catch {}
</script>`;

function tailProbe(expect) {
  return `<script>
(() => {
  __kz.rowsAt = performance.now();
  const frame = () => __kz.afterFrame((t) => {
    __kz.rowsDrawnAt ||= t;
    __kz.frames.push(t);
    if (!__kz.drawnAt && __kz.frames.length < 600) frame();
  });
  frame();
  const seen = new Set();
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target.localName === 'kezhi-overlay' && r.target.hasAttribute('data-kezhi-kind') && !seen.has(r.target)) {
        seen.add(r.target);
        __kz.setAt.set(r.target, performance.now());
      }
    }
    if (seen.size >= ${expect} && !__kz.doneAt) {
      __kz.doneAt = performance.now(); __kz.kinds = seen.size; mo.disconnect();
      __kz.afterFrame((t) => (__kz.drawnAt = t));
    }
  });
  mo.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-kezhi-kind'] });
})();
</script>`;
}

/**
 * The Taobao old list page with `orders.length` order blocks built from the fixture's second
 * block (one item, paid), each with its own id, buyer and time. Seller nick `kzbench` gives the
 * shop id `kzbench`.
 */
export function taobaoOldPage(orders, { probe = true } = {}) {
  const html = fixture('taobao-old', 'list_sold_items.html');
  const start = html.indexOf('  <div class="order item-mod__trade-order___');
  const pager = html.indexOf('    <div class="pager');
  const blocks = html
    .slice(start, pager)
    .split(/(?= {2}<div class="order item-mod__trade-order___)/);
  const template = blocks[1];
  const templateId = /value="(\d+)"/.exec(template)[1];
  const templateTime = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.exec(template)[0];
  const rows = orders
    .map((o) =>
      template
        .replaceAll(templateId, o.orderId)
        .replace(templateTime, o.time)
        .replace(
          /buyerNick=[^"]*" title="[^"]*">[^<]*</,
          `buyerNick=${encodeURIComponent(o.nick)}" title="${o.nick}">${o.nick}<`,
        ),
    )
    .join('');
  let page = html.slice(0, start) + rows + html.slice(pager);
  page = page.replace('客知测试店:客服小王', SELLER);
  if (probe) {
    page = page.replace('</head>', `${HEAD_PROBE}</head>`);
    page = page.replace('</body>', `${tailProbe(orders.length)}</body>`);
  }
  return page;
}

/** A plain page on a matched host that is not an order list. */
export const IDLE_PAGE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>淘宝</title></head>
<body><h1>卖家中心</h1><p>${'一段普通的页面内容。'.repeat(50)}</p><ul>${'<li><a href="#">链接</a></li>'.repeat(200)}</ul></body></html>`;

const CN = 8 * 3600_000;
const pad = (n) => String(n).padStart(2, '0');
/** "YYYY-MM-DD HH:mm:ss" in China time. */
export function chinaStamp(ms) {
  const d = new Date(ms + CN);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export const TAOBAO_HEADER = [
  '订单编号',
  '买家会员名',
  '买家支付宝账号',
  '支付交易号',
  '买家应付货款',
  '买家应付邮费',
  '买家支付积分',
  '总金额',
  '返点积分',
  '买家实际支付金额',
  '买家实际支付积分',
  '订单状态',
  '买家留言',
  '收货人姓名',
  '收货地址 ',
  '运送方式',
  '联系电话 ',
  '联系手机',
  '订单创建时间',
  '订单付款时间 ',
  '宝贝标题 ',
  '宝贝种类 ',
  '物流单号',
  '物流公司',
  '订单备注',
  '宝贝总数量',
  '店铺Id',
  '店铺名称',
  '订单关闭原因',
  '是否手机订单',
  '退款金额',
];

const STATUS_TEXT = {
  completed: '交易成功',
  closed: '交易关闭',
  shipped: '"卖家已发货，等待买家确认"',
  refunded: '交易关闭',
};

/** A Taobao ExportOrderList CSV (UTF-8) of the given synthetic orders. */
export function taobaoCsv(orders) {
  const yuan = (fen) => (fen / 100).toFixed(2);
  const lines = [TAOBAO_HEADER.join(',') + ','];
  for (const o of orders) {
    const it = o.items[0];
    lines.push(
      [
        `="${o.orderId}"`,
        o.buyerNick,
        'test***@example.com',
        `="2024${o.orderId.slice(-8)}"`,
        yuan(o.amount),
        '0.00',
        '0',
        yuan(o.amount),
        '0',
        o.status === 'closed' ? '0.00' : yuan(o.amount),
        '0',
        STATUS_TEXT[o.status],
        '',
        o.receiverName ?? '测试收件人',
        '浙江省 杭州市 西湖区 测试路1号',
        '快递',
        '',
        `'${o.receiverPhone}`,
        chinaStamp(o.createdAt),
        o.paidAt ? chinaStamp(o.paidAt) : '',
        it.title,
        '1',
        `="SF${o.orderId.slice(-10)}"`,
        '测试快递',
        '',
        String(it.quantity),
        '="100000001"',
        '客知测试旗舰店',
        o.status === 'closed' ? '买家不想买了' : '订单未关闭',
        '手机订单',
        o.status === 'refunded' ? yuan(o.amount) : '0.00',
      ].join(',') + ',',
    );
  }
  return lines.join('\r\n') + '\r\n';
}
