import { ASSISTANT_SLOT } from '../../components/overlay/assistant-slot';
import { overlayAssistant } from '../../components/overlay/assistant-bundle';
import { KIT_SLOT } from '../../components/overlay/kit/slot';
import { sharedKit } from '../../components/overlay/kit';
import type { OverlayAssistant } from '../../components/overlay/assistant-slot';
import { assistantLoader } from '../../entrypoints/orders.content/assistant-loader';
import { REMIND_TEMPLATES, type BuiltInTemplates } from '../../lib/reminders/templates';

describe('assistantLoader', () => {
  test('asks the background once, however many callers wait, and hands over what registered', async () => {
    const slot: Record<string, unknown> = {};
    const inject = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 1));
      slot[ASSISTANT_SLOT] = overlayAssistant; // what the injected script does
      return { ok: true as const, value: { injected: true as const, templates: REMIND_TEMPLATES } };
    });
    const source = assistantLoader(inject, slot);
    expect(source.current()).toBeUndefined();
    const [a, b] = await Promise.all([source.load(), source.load()]);
    expect(a).toBe(overlayAssistant);
    expect(b).toBe(overlayAssistant);
    expect(inject).toHaveBeenCalledTimes(1);
    expect(source.current()).toBe(overlayAssistant);
    await source.load();
    expect(inject).toHaveBeenCalledTimes(1);
  });

  test('already there (injected by an earlier load): no message at all', async () => {
    const slot: Record<string, unknown> = { [ASSISTANT_SLOT]: overlayAssistant };
    const inject = vi.fn();
    expect(await assistantLoader(inject, slot).load()).toBe(overlayAssistant);
    expect(inject).not.toHaveBeenCalled();
  });

  test('a refused injection rejects with the reason, and the next load tries again', async () => {
    const slot: Record<string, unknown> = {};
    const inject = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: 'Cannot access contents of the page' })
      .mockImplementationOnce(() => {
        slot[ASSISTANT_SLOT] = overlayAssistant;
        return Promise.resolve({
          ok: true,
          value: { injected: true as const, templates: REMIND_TEMPLATES },
        });
      });
    const source = assistantLoader(inject, slot);
    await expect(source.load()).rejects.toThrow('Cannot access contents of the page');
    expect(await source.load()).toBe(overlayAssistant);
    expect(inject).toHaveBeenCalledTimes(2);
  });

  test('an injection that ran but registered nothing is an error, not a hang', async () => {
    const source = assistantLoader(() => Promise.resolve({ ok: true, value: {} }), {});
    await expect(source.load()).rejects.toThrow('did not register');
  });

  test("shares its Preact before it asks, and hands the answer's templates to the assistant", async () => {
    const slot: Record<string, unknown> = {};
    const given: BuiltInTemplates[] = [];
    const registered: OverlayAssistant = {
      ...overlayAssistant,
      useTemplates: (t) => void given.push(t),
    };
    const templates: BuiltInTemplates = { zh_CN: { 'remind.new.chat.polite': '亲～' }, en: {} };
    const inject = vi.fn(() => {
      // The injected script reads the kit as it starts: it must be there by now.
      expect(slot[KIT_SLOT]).toBe(sharedKit);
      slot[ASSISTANT_SLOT] = registered;
      return Promise.resolve({ ok: true as const, value: { injected: true as const, templates } });
    });
    expect(await assistantLoader(inject, slot).load()).toBe(registered);
    expect(inject).toHaveBeenCalledTimes(1);
    expect(given).toEqual([templates]);
  });
});
