// Bundle sizes (no browser needed): what each order page loads, gzipped.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt } from '../harness.mjs';

/** The injected assistant script (chip cards, 催付 assistant): entrypoints/overlay-assistant. */
const ASSISTANT = 'overlay-assistant.js';
/** Order scripts the background injects, with what the page already runs: 千牛's sold list,
 * entered by a route change, gets the lean qianniu-routed.js beside the route watcher, whose
 * capture channel it takes. */
const INJECTED = [['qianniu-routed.js', ['qianniu.js']]];

export default function sizes(b) {
  const gz = (f) => gzipSync(readFileSync(join(b.extDir, f))).length / 1024;
  const short = (f) => f.replace(/^.*\//, '');
  // Each platform's order pages get their own isolated script plus the MAIN-world interceptor; the
  // figure is the largest such pair. The overlay's on-demand half is counted on its own.
  const manifest = JSON.parse(readFileSync(join(b.extDir, 'manifest.json'), 'utf8'));
  const pageScripts = manifest.content_scripts.flatMap((c) => c.js);
  const isolated = pageScripts.filter((f) => !f.endsWith('/interceptor.js'));
  const perPage = isolated.map((f) => [f, gz(f) + gz('content-scripts/interceptor.js')]);
  const largest = (list) => list.reduce((x, y) => (y[1] > x[1] ? y : x));
  const [top, topKb] = largest(perPage);
  b.record('content_js_gzip_kb', [topKb], {
    unit: 'kB',
    target: 30,
    note: `largest per page: ${short(top)} + interceptor.js; ${perPage
      .map(([f, kb]) => `${short(f).replace('.js', '')} ${fmt(kb)}`)
      .join(', ')}`,
  });
  b.record('overlay_detail_js_gzip_kb', [gz(ASSISTANT)], {
    unit: 'kB',
    note: 'chip cards and the 催付 assistant: injected into the order page on the first hover or click of an overlay',
  });
  b.record('background_js_gzip_kb', [gz('background.js')], { unit: 'kB' });
  // Everything an order page can load, summed: its platform's script, the MAIN-world interceptor
  // and, once the seller first hovers or clicks an overlay, the assistant script.
  const interceptor = gz('content-scripts/interceptor.js');
  const everything = [
    ...perPage.map(([f, kb]) => [[f], kb + gz(ASSISTANT)]),
    ...INJECTED.map(([f, also]) => [
      [f, ...also],
      gz(f) + also.reduce((sum, a) => sum + gz(a), 0) + interceptor + gz(ASSISTANT),
    ]),
  ];
  const [widest, widestKb] = largest(everything);
  b.record('order_page_scripts_gzip_kb', [widestKb], {
    unit: 'kB',
    target: 40,
    note: `every script an order page loads, summed (largest platform): ${widest.map(short).join(' + ')} + interceptor.js + ${ASSISTANT} (the last on the first hover or click of an overlay)`,
  });
}
