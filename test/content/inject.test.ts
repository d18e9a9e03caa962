import { existsSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ASSISTANT_FILE, loadDetail } from '../../entrypoints/background/inject';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loadDetail (background)', () => {
  test("injects the assistant script into the sender's tab, top frame, at once", async () => {
    const executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([] as never);
    expect(await loadDetail({}, { tabId: 7, url: 'https://trade.taobao.com/x' })).toEqual({
      injected: true,
    });
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7 },
      files: [ASSISTANT_FILE],
      injectImmediately: true,
    });
  });

  test('a sender without a tab gets an error, nothing is injected', async () => {
    const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    await expect(loadDetail({}, {})).rejects.toThrow('needs a tab');
    expect(executeScript).not.toHaveBeenCalled();
  });

  test('the file is what the unlisted entrypoint entrypoints/overlay-assistant builds to', () => {
    expect(ASSISTANT_FILE).toBe('/overlay-assistant.js');
    expect(
      existsSync(new URL('../../entrypoints/overlay-assistant/index.ts', import.meta.url)),
    ).toBe(true);
  });
});
