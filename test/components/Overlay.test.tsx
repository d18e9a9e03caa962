// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Overlay, type OverlayProps } from '../../components/overlay/Overlay';
import { overlayAssistant } from '../../components/overlay/assistant-bundle';
import { bundledAssistant } from '../../components/overlay/bundled-assistant';
import { ASSISTANT_CSS, OVERLAY_CSS } from '../../components/overlay/styles';
import { ROW_BADGE_CSS } from '../../components/badge-css';
import type { RowSummary } from '../../lib/summary';
import { HOUR, cn, makeRow, settingsWith } from '../support/component-fixtures';

afterEach(cleanup);

const ORDERED = cn(2025, 6, 1, 10, 0);
const settings = settingsWith({});

function show(row: RowSummary, now: number, over: Partial<OverlayProps> = {}) {
  const props: OverlayProps = {
    summary: row,
    settings,
    lang: 'zh_CN',
    shopName: '小米粒旗舰店',
    now,
    onCopy: vi.fn(() => Promise.resolve({ ok: true as const })),
    onCheck: vi.fn(() => []),
    detail: bundledAssistant,
    ...over,
  };
  return render(<Overlay {...props} />);
}

const toggle = () => screen.getByRole('button', { name: /催付|Remind/ });

describe('the row', () => {
  it('a paid order shows only the compact badges, no 催付 toggle', () => {
    const now = cn(2025, 6, 1, 12, 30);
    const row = makeRow({ who: 'champ', status: 'paid', createdAt: ORDERED, now });
    expect(row.plan).toBeNull();
    const { container } = show(row, now);
    expect(container.querySelector('.kz-badges.kz-compact')).not.toBeNull();
    expect(container.querySelector('[data-chip="tier"]')!.textContent).toBe('至尊VIP');
    expect(screen.queryByRole('button', { name: /催付/ })).toBeNull();
    expect(container.querySelector('.kz-pop')).toBeNull();
  });

  it('due now: 催付 · 旺旺 现在', () => {
    const now = cn(2025, 6, 1, 12, 30);
    show(makeRow({ createdAt: ORDERED, now }), now);
    expect(toggle().textContent).toBe('催付 · 旺旺 现在');
    expect(toggle().className).toContain('kz-toggle-due');
  });

  it('next later today: 催付 · 12:00 旺旺', () => {
    const now = cn(2025, 6, 1, 11, 0);
    show(makeRow({ createdAt: ORDERED, now }), now);
    expect(toggle().textContent).toBe('催付 · 12:00 旺旺');
  });

  it('next tomorrow: 催付 · 明天 15:00 短信', () => {
    const now = cn(2025, 6, 1, 12, 30);
    show(makeRow({ who: 'one', platform: 'shopify', createdAt: ORDERED, now }), now);
    expect(toggle().textContent).toBe('催付 · 明天 15:00 短信');
  });

  it('blocked: 催付 · 不建议', () => {
    const now = cn(2025, 6, 1, 12, 30);
    show(makeRow({ createdAt: ORDERED, now, meta: { blacklisted: true } }), now);
    expect(toggle().textContent).toBe('催付 · 不建议');
  });
});

describe('the assistant popover', () => {
  const now = cn(2025, 6, 1, 12, 30);
  const row = () => makeRow({ createdAt: ORDERED, now });

  it('opens on click, closes on Escape and gives focus back', () => {
    const { container } = show(row(), now);
    const button = toggle();
    expect(button.tagName).toBe('BUTTON'); // Enter and Space activate it natively
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('.kz-pop')).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const pop = screen.getByRole('dialog');
    expect(pop.id).toBe(button.getAttribute('aria-controls'));
    expect(pop.textContent).toContain('催付助手');
    fireEvent.keyDown(pop.querySelector('[data-copy="chat"]')!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('clicking the toggle again, or the close button, closes it', () => {
    show(row(), now);
    fireEvent.click(toggle());
    fireEvent.click(toggle());
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(toggle());
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('defaultOpen opens it on first render', () => {
    show(row(), now, { defaultOpen: true });
    expect(screen.getByRole('dialog')).not.toBeNull();
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
  });

  it('copies through the callbacks', async () => {
    const onCopy = vi.fn(() => Promise.resolve({ ok: true as const }));
    const onCheck = vi.fn(() => []);
    show(row(), now, { defaultOpen: true, onCopy, onCheck });
    fireEvent.click(document.querySelector('[data-copy="chat"]')!);
    await screen.findByText('已复制');
    expect(onCheck).toHaveBeenCalledWith({ channel: 'chat' });
    expect(onCopy).toHaveBeenCalledTimes(1);
  });

  it('masked identity: 身份不确定 in the row, and the assistant still works', () => {
    const r = makeRow({ identity: 'masked', nick: '牛**', createdAt: ORDERED, now });
    const { container } = show(r, now, { defaultOpen: true });
    expect(container.querySelector('[data-chip="uncertain"]')!.textContent).toBe('身份不确定');
    expect(container.querySelector('[data-chip="tier"]')!.textContent).toBe('?');
    expect(screen.getByTestId('message-chat').textContent).toContain('小米粒旗舰店');
  });

  it('English', () => {
    show(row(), now, { lang: 'en' });
    expect(toggle().textContent).toBe('Remind · Chat now');
    fireEvent.click(toggle());
    expect(screen.getByRole('dialog').getAttribute('aria-label')).toBe('Payment reminder');
    expect(screen.getByRole('button', { name: 'Close' })).not.toBeNull();
  });

  it('a hostile nick in the row stays text', () => {
    const r = makeRow({
      nick: '<img src=x onerror=alert(1)>',
      createdAt: ORDERED,
      now,
      meta: { tags: ['"><script>alert(1)</script>'] },
    });
    const { container } = show(r, now, { defaultOpen: true });
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain('"><script>alert(1)</script>');
  });
});

describe('chip cards', () => {
  const now = cn(2025, 6, 1, 12, 30);
  const row = () => makeRow({ who: 'champ', status: 'paid', createdAt: ORDERED, now });
  const chip = (c: Element, key: string) => c.querySelector<HTMLElement>(`[data-chip="${key}"]`)!;
  /** The open card of a chip, which the chip names as its description; null when closed. */
  const card = (c: Element, key: string) => {
    const tip = c.querySelector<HTMLElement>(`.kz-tip[data-tip-for="${key}"]`);
    if (tip) expect(chip(c, key).getAttribute('aria-describedby')).toBe(tip.id);
    else expect(chip(c, key).hasAttribute('aria-describedby')).toBe(false);
    return tip;
  };

  it('no card is built until a chip is hovered or focused: a chip is one element', () => {
    const { container } = show(row(), now);
    expect(container.querySelectorAll('.kz-tip, .kz-tip-line')).toHaveLength(0);
    for (const c of container.querySelectorAll('[data-chip]')) {
      expect(c.children).toHaveLength(0);
      expect(c.hasAttribute('aria-describedby')).toBe(false);
      expect(c.parentElement!.classList.contains('kz-badges')).toBe(true);
    }
  });

  it('hover shows the chip explanation; leaving the row hides it', () => {
    const { container } = show(row(), now);
    fireEvent.mouseOver(chip(container, 'tier'));
    expect(card(container, 'tier')!.textContent).toContain('至尊VIP');
    expect(container.querySelectorAll('.kz-tip')).toHaveLength(1);
    expect(card(container, 'tier')!.getAttribute('role')).toBe('tooltip');
    fireEvent.mouseOver(chip(container, 'segment'));
    expect(card(container, 'tier')).toBeNull();
    expect(card(container, 'segment')!.textContent).toMatch(/R \d 分/);
    fireEvent.mouseLeave(container.querySelector('.kz-badges')!);
    expect(container.querySelectorAll('.kz-tip')).toHaveLength(0);
    expect(card(container, 'segment')).toBeNull();
  });

  it('focus shows the card, Esc dismisses it, the next focus brings it back', () => {
    const { container } = show(row(), now);
    fireEvent.focus(chip(container, 'stage'));
    expect(card(container, 'stage')).not.toBeNull();
    fireEvent.keyDown(chip(container, 'stage'), { key: 'Escape' });
    expect(card(container, 'stage')).toBeNull();
    fireEvent.blur(chip(container, 'stage'));
    fireEvent.focus(chip(container, 'kind'));
    expect(card(container, 'kind')).not.toBeNull();
  });

  it('a tag chip takes its own direction, isolated, as <bdi> would', () => {
    const r = makeRow({ createdAt: ORDERED, now, meta: { tags: ['\u202Eevil\u202C'] } });
    const { container } = show(r, now);
    expect(chip(container, 'tag-0').getAttribute('dir')).toBe('auto');
    expect(chip(container, 'tag-0').textContent).toBe('\u202Eevil\u202C');
    expect(chip(container, 'tier').hasAttribute('dir')).toBe(false);
  });

  it('with the detail half not loaded yet, hovering loads it and then shows the card', async () => {
    let loaded = false;
    const load = vi.fn(() => {
      loaded = true;
      return Promise.resolve(overlayAssistant);
    });
    const { container } = show(row(), now, {
      detail: { current: () => (loaded ? overlayAssistant : undefined), load },
    });
    expect(load).not.toHaveBeenCalled();
    fireEvent.mouseOver(chip(container, 'tier'));
    expect(load).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(card(container, 'tier')).not.toBeNull());
    expect(card(container, 'tier')!.textContent).toContain('至尊VIP');
  });
});

describe('OVERLAY_CSS', () => {
  it('includes the badge CSS and its own theme, popover and focus rules', () => {
    expect(OVERLAY_CSS.startsWith(ROW_BADGE_CSS)).toBe(true);
    expect(OVERLAY_CSS).not.toContain('.kz-chip-wrap'); // the popup's card layout, not the row's
    expect(OVERLAY_CSS).toMatch(/\.kz-pop\{position:absolute;[^}]*z-index:2147483647/);
    expect(OVERLAY_CSS).toMatch(/\.kz-pop\{[^}]*max-width:min\(420px/);
    expect(OVERLAY_CSS).toContain('@media (prefers-color-scheme: dark)');
    expect(OVERLAY_CSS).toContain(':host([data-theme="dark"]) .kz-overlay');
    expect(OVERLAY_CSS).toContain(':host(:not([data-theme="light"])) .kz-overlay');
    expect(OVERLAY_CSS).toMatch(/:focus-visible[^{]*\{outline:2px solid var\(--kz-focus\)/);
    expect(OVERLAY_CSS).toMatch(/\.kz-overlay\{[^}]*font:12px/);
    expect(ASSISTANT_CSS).toMatch(
      /\.kz-ellipsis\{[^}]*text-overflow:ellipsis[^}]*unicode-bidi:isolate/,
    );
    expect(OVERLAY_CSS).not.toContain('inherit;font-family');
    expect(ASSISTANT_CSS).not.toContain('inherit;font-family');
  });

  it('the assistant brings its own rules into the opened panel', () => {
    const now = cn(2025, 6, 1, 12, 30);
    show(makeRow({ createdAt: ORDERED, now }), now, { defaultOpen: true });
    expect(OVERLAY_CSS).not.toContain('.kz-channel{');
    expect(screen.getByRole('dialog').querySelector('style')!.textContent).toBe(ASSISTANT_CSS);
  });

  it('every custom property used is defined in both themes', () => {
    const used = new Set(
      [...(OVERLAY_CSS + ASSISTANT_CSS).matchAll(/var\(--kz-([\w-]+)\)/g)].map((m) => m[1]),
    );
    const light = OVERLAY_CSS.match(/\.kz-overlay\{(--kz-[^}]*)\}/)![1]!;
    const dark = OVERLAY_CSS.match(
      /:host\(\[data-theme="dark"\]\) \.kz-overlay,[^{]*\{([^}]*)\}/,
    )![1]!;
    for (const name of used) {
      expect(light, name).toContain(`--kz-${name}:`);
      expect(dark, name).toContain(`--kz-${name}:`);
    }
  });

  it('the closed row has no popover in the flow', () => {
    const now = cn(2025, 6, 1, 12, 30);
    const { container } = show(makeRow({ createdAt: ORDERED, now: now + HOUR }), now);
    expect(container.querySelectorAll('.kz-overlay > *').length).toBe(1);
  });
});
