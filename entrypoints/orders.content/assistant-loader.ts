/**
 * Loads the overlay's on-demand half (chip cards, the 催付 assistant and its templates). The
 * background injects `overlay-assistant.js` into this tab's isolated world with
 * scripting.executeScript (no web-accessible file, so pages cannot probe for the extension); the
 * script registers itself in a slot of this world's global, which only our scripts share.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  ASSISTANT_SLOT,
  type AssistantSource,
  type OverlayAssistant,
} from '@/components/overlay/assistant-slot';
import { publishKit } from '@/components/overlay/kit';
import type { BuiltInTemplates } from '@/lib/reminders/templates';
import type { Reply } from '@/lib/request';

/**
 * A source that asks `inject` (the background) once; concurrent callers share the answer and a
 * failure lets the next caller try again. Before the first ask it leaves the Preact it shares with
 * the assistant in `slot` (components/overlay/kit); the answer's reminder templates go to the
 * assistant that registered.
 */
export function assistantLoader(
  inject: () => Promise<Reply<{ templates?: BuiltInTemplates }>>,
  slot: Record<string, unknown> = globalThis,
): AssistantSource {
  let pending: Promise<OverlayAssistant> | undefined;
  const registered = () => slot[ASSISTANT_SLOT] as OverlayAssistant | undefined;
  // Not before the templates are in: the script registers as it runs, a moment before the
  // background's answer brings them, and a panel opened then would have no messages.
  const current = () => {
    const have = registered();
    return have?.hasTemplates() ? have : undefined;
  };
  return {
    current,
    load() {
      const have = current();
      if (have) return Promise.resolve(have);
      publishKit(slot);
      pending ??= inject().then((reply) => {
        const loaded = registered();
        if (reply.ok && loaded && reply.value.templates) {
          loaded.useTemplates(reply.value.templates);
          return loaded;
        }
        pending = undefined;
        throw new Error(
          !reply.ok
            ? reply.error
            : loaded
              ? 'the background sent no reminder templates'
              : 'the assistant script did not register',
        );
      });
      return pending;
    },
  };
}

/** Listening for the first touch of an overlay; `disarm` stops listening. */
export interface TouchTrigger {
  arm(): void;
  disarm(): void;
}

/**
 * Loads `source` on the first hover, focus or touch of one of our elements (the pointer reaches
 * the row's badges before a chip's card opens), never for a page nobody touches: a page pays for
 * the badges' script alone until the seller reaches for more.
 */
export function loadOnFirstTouch(
  ctx: ContentScriptContext,
  source: AssistantSource,
  isOurs: (el: Element) => boolean,
): TouchTrigger {
  const events = ['pointerover', 'focusin', 'touchstart'] as const;
  let armed = false;
  let disarm = (): void => undefined;
  const onTouch = (e: Event) => {
    if (!(e.target instanceof Element) || !isOurs(e.target)) return;
    disarm();
    void source.load().catch(() => {
      armed = false; // not loaded (extension reloaded): the next arm listens again
    });
  };
  return {
    arm() {
      if (source.current() || armed) return;
      armed = true;
      disarm = () => {
        for (const name of events) document.removeEventListener(name, onTouch, true);
        disarm = () => undefined;
      };
      for (const name of events)
        ctx.addEventListener(document, name, onTouch, { capture: true, passive: true });
    },
    disarm: () => disarm(),
  };
}
