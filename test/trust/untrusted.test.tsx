// @vitest-environment jsdom
/**
 * Page script can dispatch events at any element it reaches (issue 13, part 4): only the seller's
 * own gesture (`isTrusted`) may copy a message (which also logs a contact) or open the 催付
 * assistant (which claims the order on other desks). The seam that lets testing-library's
 * synthetic events through is off here; a trusted event is made the way jsdom makes its own.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { Overlay } from '../../components/overlay/Overlay';
import { bundledAssistant } from '../../components/overlay/bundled-assistant';
import {
  RemindAssistant,
  type RemindAssistantProps,
} from '../../components/overlay/RemindAssistant';
import { acceptSyntheticEvents, isUserEvent } from '../../components/overlay/trusted';
import { cn, makeRow, settingsWith } from '../support/component-fixtures';
import { REMIND_TEMPLATES } from '../../lib/reminders/templates';

afterEach(cleanup);

const ORDERED = cn(2025, 6, 1, 10, 0);
const NOW = cn(2025, 6, 1, 12, 30);

/**
 * A click as the browser makes it for a real gesture. Script cannot make one (`dispatchEvent`
 * sets `isTrusted` to false), so this goes the way jsdom fires its own events: it keeps the
 * event's and the target's state on internal objects and dispatches there.
 */
function trustedClick(el: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  type Impl = { isTrusted: boolean; _dispatch(e: Impl): boolean };
  const impl = (o: object) => {
    const sym = Object.getOwnPropertySymbols(o).find((s) => s.description === 'impl');
    return (o as Record<symbol, Impl>)[sym!]!;
  };
  const eventImpl = impl(event);
  eventImpl.isTrusted = true;
  impl(el)._dispatch(eventImpl);
  expect(event.isTrusted).toBe(true);
}

/** Every way page script can click: testing-library, dispatchEvent, click(). */
function syntheticClicks(el: HTMLElement): void {
  fireEvent.click(el);
  el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  el.click();
}

function assistant() {
  const onCopy = vi.fn<RemindAssistantProps['onCopy']>(() => Promise.resolve({ ok: true }));
  const r = render(
    <RemindAssistant
      summary={makeRow({ createdAt: ORDERED, now: NOW, nick: '小鱼儿' })}
      settings={settingsWith({})}
      lang="zh_CN"
      shopName="店"
      now={NOW}
      onCopy={onCopy}
      onCheck={() => []}
      builtIns={REMIND_TEMPLATES}
    />,
  );
  const button = r.container.querySelector<HTMLButtonElement>('[data-copy="chat"]')!;
  return { onCopy, button };
}

function overlay() {
  const onAssistOpen = vi.fn();
  const r = render(
    <Overlay
      summary={makeRow({ createdAt: ORDERED, now: NOW })}
      settings={settingsWith({})}
      lang="zh_CN"
      shopName="店"
      now={NOW}
      detail={bundledAssistant}
      onCopy={() => Promise.resolve({ ok: true })}
      onCheck={() => []}
      onAssistOpen={onAssistOpen}
    />,
  );
  const toggle = r.container.querySelector<HTMLButtonElement>('.kz-toggle')!;
  return { onAssistOpen, toggle, pop: () => r.container.querySelector('.kz-pop') };
}

describe('the overlay copies and logs only for a real gesture', () => {
  beforeEach(() => acceptSyntheticEvents(false));

  it('a synthetic click (what page script can send) copies nothing and logs nothing', async () => {
    const { onCopy, button } = assistant();
    syntheticClicks(button);
    await new Promise((r) => setTimeout(r, 0));
    expect(onCopy).not.toHaveBeenCalled();
  });

  it('a trusted click copies (and so logs) once', async () => {
    const { onCopy, button } = assistant();
    trustedClick(button);
    await waitFor(() => expect(onCopy).toHaveBeenCalledTimes(1));
  });

  it('a synthetic click on the 催付 toggle opens nothing and claims nothing', async () => {
    const { onAssistOpen, toggle, pop } = overlay();
    syntheticClicks(toggle);
    await new Promise((r) => setTimeout(r, 0));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(pop()).toBeNull();
    expect(onAssistOpen).not.toHaveBeenCalled();
  });

  it('a trusted click on the toggle opens the assistant and claims the order', async () => {
    const { onAssistOpen, toggle, pop } = overlay();
    trustedClick(toggle);
    await waitFor(() => expect(onAssistOpen).toHaveBeenCalledTimes(1));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(pop()!.textContent).toContain('催付助手');
  });

  it('through the seam (unit tests), synthetic clicks pass', async () => {
    acceptSyntheticEvents(true);
    const { onCopy, button } = assistant();
    fireEvent.click(button);
    await waitFor(() => expect(onCopy).toHaveBeenCalledTimes(1));
  });

  it('isUserEvent follows isTrusted when the seam is off', () => {
    expect(isUserEvent(new Event('click'))).toBe(false);
    expect(isUserEvent({ isTrusted: true } as Event)).toBe(true);
  });
});
