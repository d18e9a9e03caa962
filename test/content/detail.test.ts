import { DETAIL_SLOT } from '../../components/overlay/detail';
import { overlayDetail } from '../../components/overlay/detail-impl';
import { detailLoader } from '../../entrypoints/orders.content/detail';

describe('detailLoader', () => {
  test('asks the background once, however many callers wait, and hands over what registered', async () => {
    const slot: Record<string, unknown> = {};
    const inject = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 1));
      slot[DETAIL_SLOT] = overlayDetail; // what the injected script does
      return { ok: true as const, value: { injected: true } };
    });
    const source = detailLoader(inject, slot);
    expect(source.current()).toBeUndefined();
    const [a, b] = await Promise.all([source.load(), source.load()]);
    expect(a).toBe(overlayDetail);
    expect(b).toBe(overlayDetail);
    expect(inject).toHaveBeenCalledTimes(1);
    expect(source.current()).toBe(overlayDetail);
    await source.load();
    expect(inject).toHaveBeenCalledTimes(1);
  });

  test('already there (injected by an earlier load): no message at all', async () => {
    const slot: Record<string, unknown> = { [DETAIL_SLOT]: overlayDetail };
    const inject = vi.fn();
    expect(await detailLoader(inject, slot).load()).toBe(overlayDetail);
    expect(inject).not.toHaveBeenCalled();
  });

  test('a refused injection rejects with the reason, and the next load tries again', async () => {
    const slot: Record<string, unknown> = {};
    const inject = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: 'Cannot access contents of the page' })
      .mockImplementationOnce(() => {
        slot[DETAIL_SLOT] = overlayDetail;
        return Promise.resolve({ ok: true, value: { injected: true } });
      });
    const source = detailLoader(inject, slot);
    await expect(source.load()).rejects.toThrow('Cannot access contents of the page');
    expect(await source.load()).toBe(overlayDetail);
    expect(inject).toHaveBeenCalledTimes(2);
  });

  test('an injection that ran but registered nothing is an error, not a hang', async () => {
    const source = detailLoader(() => Promise.resolve({ ok: true, value: {} }), {});
    await expect(source.load()).rejects.toThrow('did not register');
  });
});
