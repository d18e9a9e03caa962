// The 100k-customer shop the read-side figures use: every generated buyer keeps all their
// orders (≈1.7 per buyer), sent through importBatch like any import. Always built.
import { MAIN_SHOP } from '../harness.mjs';
import { ingestFromPage } from '../ingest-from-page.mjs';

export default async function mainShop(b) {
  const { n, log } = b;
  b.ctl = await b.extensionPage();
  log(`building the main shop: ${n} customers`);
  b.mainGen = {
    platform: 'taobao',
    shopId: MAIN_SHOP,
    orders: 10 * n,
    buyers: n,
    now: b.now,
    seed: 11,
    idPrefix: '4100',
  };
  // Its first N/4 orders are ingest run 1 (timed against raw put; as many as each realistic run
  // has), the rest is sent untimed. Run 1 was the first N: its raw put alone took 33 s of a full
  // run that must stay under ten minutes.
  b.ingestRuns = [];
  const firstRun = Math.round(n / 4);
  if (b.want('ingest')) {
    const r = await ingestFromPage(b.ctl, b.mainGen, {
      raw: true,
      estimate: true,
      to: firstRun,
    });
    b.ingestRuns.push(r);
    log(
      `ingest run 1 (main shop, first ${firstRun}): ${(r.ingestMs / 1000).toFixed(1)} s, raw put ${(r.rawMs / 1000).toFixed(1)} s`,
    );
  }
  const main = await ingestFromPage(b.ctl, b.mainGen, { from: b.want('ingest') ? firstRun : 0 });
  // How long building the shop took (ingest run 1 included), for the curve's notes.
  b.mainShopMs = main.ingestMs + (b.ingestRuns[0]?.ingestMs ?? 0);
  log(
    `main shop: ${main.count} more orders, ${main.written} written, ${main.rejected} rejected in ${(main.ingestMs / 1000).toFixed(1)} s`,
  );
}
