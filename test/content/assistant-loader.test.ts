import { ASSISTANT_SLOT } from '../../components/overlay/assistant-slot';
import { overlayAssistant } from '../../components/overlay/assistant-bundle';
import { KIT_SLOT } from '../../components/overlay/kit/slot';
import { sharedKit } from '../../components/overlay/kit';
import type { OverlayAssistant } from '../../components/overlay/assistant-slot';
import type { Reply } from '../../lib/request';
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

  test('already there and ready (injected by an earlier load): no message at all', async () => {
    const ready: OverlayAssistant = { ...overlayAssistant, hasTemplates: () => true };
    const slot: Record<string, unknown> = { [ASSISTANT_SLOT]: ready };
    const inject = vi.fn();
    expect(await assistantLoader(inject, slot).load()).toBe(ready);
    expect(inject).not.toHaveBeenCalled();
  });

  test('registered but without its templates yet: not current, and the answer makes it so', async () => {
    const slot: Record<string, unknown> = {};
    let given: BuiltInTemplates | undefined;
    const registered: OverlayAssistant = {
      ...overlayAssistant,
      useTemplates: (t) => void (given = t),
      hasTemplates: () => given !== undefined,
    };
    let answer!: () => void;
    const inject = vi.fn(
      () =>
        new Promise<Reply<{ injected: true; templates: BuiltInTemplates }>>((resolve) => {
          slot[ASSISTANT_SLOT] = registered; // the script ran...
          answer = () =>
            resolve({ ok: true, value: { injected: true, templates: REMIND_TEMPLATES } });
        }),
    );
    const source = assistantLoader(inject, slot);
    const loading = source.load();
    expect(source.current()).toBeUndefined(); // ...the answer has not come
    answer();
    expect(await loading).toBe(registered);
    expect(source.current()).toBe(registered);
    expect(given).toBe(REMIND_TEMPLATES);
  });

  test('an answer without templates is an error, and the next load asks again', async () => {
    const slot: Record<string, unknown> = {};
    const registered: OverlayAssistant = { ...overlayAssistant, hasTemplates: () => false };
    const inject = vi.fn(() => {
      slot[ASSISTANT_SLOT] = registered;
      return Promise.resolve({ ok: true as const, value: {} });
    });
    const source = assistantLoader(inject, slot);
    await expect(source.load()).rejects.toThrow('no reminder templates');
    await expect(source.load()).rejects.toThrow('no reminder templates');
    expect(inject).toHaveBeenCalledTimes(2);
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
