// @vitest-environment jsdom
/**
 * Page script can reach our overlay's elements and dispatch events at them (issue 13, part 4):
 * only the seller's own gesture (`isTrusted`) may copy a message, which also logs a contact.
 * Synthetic events reach the handler through the test seam only; here the seam is off.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import {
  RemindAssistant,
  type RemindAssistantProps,
} from '../../components/overlay/RemindAssistant';
import { acceptSyntheticEvents, isUserEvent } from '../../components/overlay/trusted';
import { cn, makeRow, settingsWith } from '../components/fixtures';

afterEach(cleanup);

const ORDERED = cn(2025, 6, 1, 10, 0);
const NOW = cn(2025, 6, 1, 12, 30);

function show() {
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
    />,
  );
  const button = r.container.querySelector<HTMLButtonElement>('[data-copy="chat"]')!;
  return { onCopy, button };
}

describe('the overlay copies and logs only for a real gesture', () => {
  it('a synthetic click (what page script can send) copies nothing and logs nothing', async () => {
    acceptSyntheticEvents(false);
    const { onCopy, button } = show();
    fireEvent.click(button);
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    button.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(onCopy).not.toHaveBeenCalled();
  });

  it('through the seam (a trusted click in the browser), it copies', async () => {
    acceptSyntheticEvents(true);
    const { onCopy, button } = show();
    fireEvent.click(button);
    await waitFor(() => expect(onCopy).toHaveBeenCalledTimes(1));
  });

  it('isUserEvent follows isTrusted when the seam is off', () => {
    acceptSyntheticEvents(false);
    expect(isUserEvent(new Event('click'))).toBe(false);
    expect(isUserEvent({ isTrusted: true } as Event)).toBe(true);
  });
});
