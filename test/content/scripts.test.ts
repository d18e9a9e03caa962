/**
 * The order content scripts, one per marketplace: every adapter is served by exactly one script,
 * whose manifest `matches` cover the adapter's sample order pages (the browser's URL check is the
 * first one), and the MAIN-world JSON observer runs wherever an order script does.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';
import interceptor from '../../entrypoints/interceptor.content';
import { QIANNIU_APP, QIANNIU_SOLD } from '../../entrypoints/orders.content/spa-routes';
import { ADAPTERS } from '../../lib/adapters/index';
import type { Adapter } from '../../lib/adapters/types';

interface ScriptModule {
  default: { matches?: string[]; registration?: string };
  adapters: Adapter[];
}
const scripts = Object.entries(
  import.meta.glob<ScriptModule>(
    ['../../entrypoints/*.content.ts', '../../entrypoints/orders.content/index.ts'],
    { eager: true },
  ),
).filter(([, m]) => Array.isArray(m.adapters));
const adapterModules = import.meta.glob<{ SAMPLE_URLS?: string[] }>('../../lib/adapters/*.ts', {
  eager: true,
});
const samplesOf = (id: string) => adapterModules[`../../lib/adapters/${id}.ts`]?.SAMPLE_URLS ?? [];
const matchedBy = (patterns: unknown, url: string) =>
  ((patterns as string[] | undefined) ?? []).some((p) => new MatchPattern(p).includes(url));

describe('order content scripts', () => {
  test.each(ADAPTERS.map((a) => [a.id, a] as const))(
    'adapter %s is served by exactly one script, which the browser runs on its order pages',
    (id) => {
      const serving = scripts.filter(([, m]) => m.adapters.some((a) => a.id === id));
      expect(serving.map(([path]) => path)).toHaveLength(1);
      const [, script] = serving[0]!;
      const samples = samplesOf(id);
      expect(samples.length).toBeGreaterThan(0);
      if (script.default.registration === 'runtime') {
        // WooCommerce: registered by the background for the hosts the seller granted.
        expect(id).toBe('woocommerce');
        return;
      }
      for (const url of samples) {
        expect({ url, runs: matchedBy(script.default.matches, url) }).toEqual({ url, runs: true });
        expect({ url, json: matchedBy(interceptor.matches, url) }).toEqual({ url, json: true });
        // No other marketplace script runs there.
        const others = scripts.filter(([, m]) => m !== script && matchedBy(m.default.matches, url));
        expect(others.map(([p]) => p)).toEqual([]);
      }
    },
  );

  test('the manifest scripts leave the rest of trade.taobao.com alone', () => {
    const url = 'https://trade.taobao.com/some/other/page.htm';
    expect(scripts.filter(([, m]) => matchedBy(m.default.matches, url))).toEqual([]);
    expect(matchedBy(interceptor.matches, url)).toBe(false);
  });

  test("千牛: the route watcher runs on the app's other routes, the order script on the sold list", () => {
    const sold = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=all';
    const other = 'https://myseller.taobao.com/home.htm/shop-manage/overview';
    const watches = (url: string) => matchedBy(QIANNIU_APP, url) && !matchedBy(QIANNIU_SOLD, url);
    expect(watches(other)).toBe(true);
    expect(watches(sold)).toBe(false);
    const taobao = scripts.filter(([, m]) => m.adapters.some((a) => a.id === 'taobao-qn'));
    expect(matchedBy(taobao[0]![1].default.matches, other)).toBe(false);
    // The channel it opens has the interceptor at its other end.
    expect(matchedBy(interceptor.matches, other)).toBe(true);
  });
});
