// @vitest-environment jsdom
// The closed row drawn without Preact is the Overlay component's own markup, node for node, so
// Preact can hydrate it on the first touch: the oracle is the component itself, rendered by Preact.
import { fireEvent, waitFor } from '@testing-library/preact';
import fc from 'fast-check';
import { hydrate, render } from 'preact';
import { drawClosedRow } from '../../components/overlay/closed-row';
import { Overlay, type OverlayProps } from '../../components/overlay/Overlay';
import { bundledAssistant } from '../../components/overlay/bundled-assistant';
import { OrderStatus } from '../../lib/schemas';
import type { RowSummary } from '../../lib/summary';
import {
  HOUR,
  MIN,
  NOW,
  SHOP,
  makeRow,
  settingsWith,
  type ShopBuyer,
} from '../support/component-fixtures';
import { hostileString } from '../support/hostile';

const settings = settingsWith({});

function props(summary: RowSummary, lang: 'zh_CN' | 'en', now: number): OverlayProps {
  return {
    summary,
    settings,
    lang,
    shopName: '小米粒旗舰店',
    now,
    onCopy: vi.fn(() => Promise.resolve({ ok: true as const })),
    onCheck: vi.fn(() => []),
    detail: bundledAssistant,
    idBase: 'kz',
  };
}

/** A node as tag, sorted attributes and children (attribute order is not markup). */
function shape(n: Node): unknown {
  if (n.nodeType === Node.TEXT_NODE) return { text: (n as Text).data };
  const e = n as Element;
  return {
    tag: e.localName,
    attrs: [...e.attributes].map((a) => [a.name, a.value]).sort(),
    children: [...e.childNodes].map(shape),
  };
}

const row = fc.record({
  who: fc.option(fc.constantFrom(...(Object.keys(SHOP) as ShopBuyer[])), { nil: undefined }),
  identity: fc.constantFrom('known' as const, 'masked' as const),
  status: fc.constantFrom(...OrderStatus.options),
  platform: fc.constantFrom(
    'taobao' as const,
    'pinduoduo' as const,
    'jd' as const,
    'shopify' as const,
  ),
  ageMin: fc.integer({ min: 0, max: 60 * 24 * 3 }),
  tags: fc.array(fc.oneof(fc.constantFrom('复购', '大客户', '差评风险'), hostileString), {
    maxLength: 4,
  }),
  blacklisted: fc.boolean(),
  handled: fc.option(
    fc.record({ staff: hostileString, ago: fc.integer({ min: 0, max: 600_000 }) }),
    {
      nil: undefined,
    },
  ),
  lang: fc.constantFrom('zh_CN' as const, 'en' as const),
});

describe('drawClosedRow', () => {
  test('draws what the Overlay renders closed, for any row (fixed seed)', () => {
    fc.assert(
      fc.property(row, (r) => {
        const now = NOW;
        const summary: RowSummary = {
          ...makeRow({
            who: r.who,
            identity: r.identity,
            status: r.status,
            platform: r.platform,
            createdAt: now - r.ageMin * MIN,
            now,
            meta: { tags: r.tags, blacklisted: r.blacklisted },
          }),
          ...(r.handled ? { handledBy: { staff: r.handled.staff, at: now - r.handled.ago } } : {}),
        };
        const byPreact = document.createElement('div');
        render(<Overlay {...props(summary, r.lang, now)} />, byPreact);
        const byHand = document.createElement('div');
        drawClosedRow(byHand, { summary, settings, lang: r.lang, now, idBase: 'kz' });
        expect(shape(byHand)).toEqual(shape(byPreact));
        render(null, byPreact);
      }),
      { seed: 20261207, numRuns: 150 },
    );
  });

  test('an unpaid row by a masked buyer with a tag, compared in full', () => {
    const now = NOW;
    const summary = makeRow({
      identity: 'masked',
      status: 'unpaid',
      createdAt: now - HOUR,
      now,
      meta: { tags: ['<b>x</b>'] },
    });
    const byHand = document.createElement('div');
    drawClosedRow(byHand, { summary, settings, lang: 'zh_CN', now, idBase: 'kz' });
    expect(byHand.querySelector('[data-chip="uncertain"]')!.textContent).toBe('身份不确定');
    expect(byHand.querySelector('[data-chip="tag-0"]')!.getAttribute('dir')).toBe('auto');
    expect(byHand.querySelector('b')).toBeNull();
    expect(byHand.querySelector('.kz-toggle')!.getAttribute('aria-controls')).toBe('kz-panel');
  });
});

describe('hydrating the closed row', () => {
  function hydrated(summary: RowSummary, now: number) {
    const container = document.createElement('div');
    document.body.append(container);
    drawClosedRow(container, { summary, settings, lang: 'zh_CN', now, idBase: 'kz' });
    const before = [...container.querySelectorAll('*')];
    hydrate(<Overlay {...props(summary, 'zh_CN', now)} />, container);
    return { container, before };
  }
  afterEach(() => {
    document.body.innerHTML = '';
  });

  test('keeps every node, and the chips explain themselves on hover', async () => {
    const now = NOW;
    const summary = makeRow({ who: 'champ', status: 'paid', createdAt: now - HOUR, now });
    const { container, before } = hydrated(summary, now);
    expect([...container.querySelectorAll('*')]).toEqual(before);
    fireEvent.mouseOver(container.querySelector('[data-chip="tier"]')!);
    await waitFor(() =>
      expect(container.querySelector('.kz-tip[data-tip-for="tier"]')).not.toBeNull(),
    );
    expect(container.querySelector('.kz-tip')!.textContent).toContain('至尊VIP');
  });

  test('the 催付 toggle opens the panel it names', async () => {
    const now = NOW;
    const summary = makeRow({ createdAt: now - HOUR, now });
    const { container } = hydrated(summary, now);
    const toggle = container.querySelector<HTMLButtonElement>('.kz-toggle')!;
    fireEvent.click(toggle); // synthetic clicks count in unit tests (test/setup.ts)
    await waitFor(() => expect(container.querySelector('#kz-panel[role="dialog"]')).not.toBeNull());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });
});
