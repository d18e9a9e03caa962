import { launch, sendFromPage, type Session } from '../../scripts/browser.mjs';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

describe('the extension in Chromium', () => {
  test('loads, and its service worker is ours', () => {
    expect(s.extensionId).toMatch(/^[a-p]{32}$/);
    expect(s.worker.url()).toContain('background.js');
  });

  test('the background answers a contract message from an extension page, and refuses junk', async () => {
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/popup.html`);
    const replies = {
      good: await sendFromPage(page, 'markCareDone', {
        id: 'x|care.day2|1',
        customerKey: 'taobao:s:nick:x',
      }),
      bad: await sendFromPage(page, 'markCareDone', { id: 42 }),
      unknown: await sendFromPage(page, 'dropDatabase', {}),
    };
    expect(replies.good).toEqual({ ok: true, value: { ok: true } });
    expect(replies.bad).toMatchObject({ ok: false });
    expect(replies.unknown).toMatchObject({
      ok: false,
      error: expect.stringContaining('unknown message'),
    });
    await page.close();
  });

  test('the popup opens and renders', async () => {
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/popup.html`);
    await page.waitForSelector('#app *');
    await s.screenshot(page, 'popup-skeleton');
    await page.close();
  });
});
