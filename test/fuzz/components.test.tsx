// @vitest-environment jsdom
/**
 * The overlay and the popup render buyer data that came from someone else's page. With hostile
 * nicks, titles, tags, notes and shop names: nothing executes (no <script>, <img>, <iframe>,
 * <object>, <embed>, <svg> or on* attribute is created, no `javascript:` link), nothing throws,
 * and the text is shown as the literal text.
 */
import { fireEvent } from '@testing-library/preact';
import { render as preactRender, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import fc from 'fast-check';
import { CustomerBadges } from '../../components/CustomerBadges';
import { bundledAssistant } from '../../components/overlay/bundled-assistant';
import { Overlay } from '../../components/overlay/Overlay';
import { RemindAssistant } from '../../components/overlay/RemindAssistant';
import { ASSISTANT_CSS } from '../../components/overlay/styles';
import { CustomerCard } from '../../components/popup/CustomerCard';
import { DueList } from '../../components/popup/DueList';
import { ResultRow } from '../../components/popup/SearchPanel';
import { ShopBar } from '../../components/popup/ShopBar';
import type { Order } from '../../lib/schemas';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { RowSummary } from '../../lib/summary';
import { cn, makeRow, settingsWith } from '../support/component-fixtures';
import { customer, orders, view } from '../support/popup-fixtures';
import { RUNS, TIMEOUT, count, hostileString, runs, tally } from '../support/hostile';
import { REMIND_TEMPLATES } from '../../lib/reminders/templates';

/**
 * Renders inside act() into a detached element and unmounts before the next case. A synchronous
 * property never yields to the event loop, so without act() every case's effects stayed queued
 * (on preact's after-paint timer) holding its props: 10,000 runs ran out of heap.
 */
const mounted: HTMLElement[] = [];
function render(vnode: ComponentChild): { container: HTMLElement } {
  const container = document.createElement('div');
  void act(() => preactRender(vnode, container));
  mounted.push(container);
  return { container };
}
function cleanup(): void {
  for (const c of mounted.splice(0)) void act(() => preactRender(null, c));
}
afterEach(cleanup);

let cases = 0;
/**
 * Lets the event loop run every 100 cases: renders queue timers (preact's after-paint effects)
 * that hold their props; a property that never yields kept all of them, and 10,000 runs with
 * 1 MB nicks ran out of heap. Not a time assertion, only a pause.
 */
async function breathe(): Promise<void> {
  if (++cases % 100 === 0) await new Promise((r) => setTimeout(r, 100));
}
afterAll(() => console.info('fuzz/components tally', Object.fromEntries(tally)));

const ACTIVE = 'script, img, iframe, frame, object, embed, svg, link, style, meta, base, form';
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'];

/** Nothing in `root` can run code or load anything. */
function expectInert(root: Element): void {
  // The assistant panel brings its own stylesheet (a constant of ours, never page text).
  const active = [...root.querySelectorAll(ACTIVE)].filter(
    (el) => !(el.localName === 'style' && el.textContent === ASSISTANT_CSS),
  );
  expect(active).toHaveLength(0);
  for (const el of root.querySelectorAll('*')) {
    for (const a of el.getAttributeNames()) {
      expect(a.toLowerCase().startsWith('on'), `attribute ${a} on <${el.tagName}>`).toBe(false);
      if (URL_ATTRS.includes(a.toLowerCase()))
        expect(
          el
            .getAttribute(a)!
            .replace(/\s/g, '')
            .replace(/\p{Cc}/gu, ''),
        ).not.toMatch(/^javascript:/i);
    }
  }
  expect((globalThis as { __kezhiPwned?: unknown }).__kezhiPwned).toBeUndefined();
}

/** The text a component shows for `s` (jsdom keeps text nodes as given; lone surrogates too). */
const shows = (root: Element, s: string) => (root.textContent ?? '').includes(s);

const ORDERED = cn(2025, 6, 1, 10, 0);
const DUE_NOW = cn(2025, 6, 1, 12, 30);
const settings = settingsWith({});

/** A row summary as the background would send it, with hostile text where page data goes. */
function hostileRow(nick: string, title: string, tags: string[], reason: string): RowSummary {
  const row = makeRow({ createdAt: ORDERED, now: DUE_NOW, nick: 'placeholder' });
  return {
    ...row,
    nick,
    meta: { tags, blacklisted: reason.length % 2 === 0, blacklistReason: reason },
    order: { ...row.order, items: [{ title, quantity: 1 }] },
  };
}

describe('overlay with hostile buyer data', () => {
  it(
    `renders inert, shows the literal nick and tags (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          hostileString,
          hostileString,
          fc.array(hostileString, { maxLength: 4 }),
          hostileString,
          async (nick, title, tags, reason) => {
            await breathe();
            cleanup();
            const summary = hostileRow(nick, title, tags, reason);
            const { container } = render(
              <Overlay
                summary={summary}
                settings={settings}
                lang="zh_CN"
                shopName={title}
                now={DUE_NOW}
                onCopy={() => Promise.resolve({ ok: true as const })}
                onCheck={() => []}
                detail={bundledAssistant}
              />,
            );
            count('overlay.renders');
            expectInert(container);
            // Open the 催付 assistant: it shows the nick and a message built from it.
            fireEvent.click(container.querySelector('button.kz-toggle')!);
            expectInert(container);
            const nickEl = container.querySelector('.kz-nick');
            expect(nickEl?.textContent).toBe(nick);
            // The compact row shows the first COMPACT_TAGS tags as chips, as text.
            const chips = [...container.querySelectorAll('.kz-tag:not(.kz-more)')].map(
              (c) => c.textContent ?? '',
            );
            for (const chip of chips)
              expect(
                tags.some((t) => chip.includes(t.trim()) || t.includes(chip.replace('…', ''))),
              ).toBe(true);
          },
        ),
        runs(),
      );
    },
    TIMEOUT,
  );

  it(
    `the assistant and badges alone, full (not compact) (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          hostileString,
          fc.array(hostileString, { maxLength: 6 }),
          async (nick, tags) => {
            await breathe();
            cleanup();
            const summary = hostileRow(nick, nick, tags, nick);
            const a = render(
              <RemindAssistant
                summary={summary}
                settings={settings}
                lang="zh_CN"
                shopName={nick}
                now={DUE_NOW}
                onCopy={() => Promise.resolve({ ok: true as const })}
                onCheck={() => []}
                builtIns={REMIND_TEMPLATES}
              />,
            );
            expectInert(a.container);
            expect(shows(a.container, nick)).toBe(true);
            const b = render(
              <CustomerBadges
                view={summary.view}
                asOfOrder
                shopCustomers={summary.shopCustomers}
                identity="known"
                tags={tags}
                blacklisted
                blacklistReason={nick}
                settings={settings}
                lang="zh_CN"
              />,
            );
            expectInert(b.container);
            count('assistant+badges.renders');
          },
        ),
        runs(),
      );
    },
    TIMEOUT,
  );
});

describe('popup with hostile buyer data', () => {
  it(
    `customer card (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          hostileString,
          hostileString,
          hostileString,
          fc.array(hostileString, { maxLength: 4 }),
          async (nick, title, note, tags) => {
            await breathe();
            cleanup();
            const hostileOrders: Order[] = orders.map((o) => ({
              ...o,
              buyerNick: nick,
              receiverName: nick,
              region: note,
              items: [{ title, quantity: 1 }],
            }));
            const { container } = render(
              <CustomerCard
                lang="zh_CN"
                settings={DEFAULT_SETTINGS}
                customer={{ ...customer, nick }}
                view={view}
                shopName={title}
                orders={hostileOrders}
                contacts={[]}
                meta={{ tags, note, blacklisted: true, blacklistReason: note }}
                knownTags={tags}
                onBack={() => undefined}
                onTags={() => undefined}
                onNote={() => undefined}
                onBlacklist={() => undefined}
                onForget={() => undefined}
              />,
            );
            count('card.renders');
            expectInert(container);
            expect(shows(container, nick)).toBe(true);
            expect(shows(container, title)).toBe(true);
          },
        ),
        runs(),
      );
    },
    TIMEOUT,
  );

  it(
    `search rows, due list and shop bar (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileString, hostileString, async (nick, shop) => {
          await breathe();
          cleanup();
          const r = render(
            <ResultRow
              index={0}
              lang="zh_CN"
              row={{
                key: `taobao:shop1:nick:${nick}`,
                nick,
                platform: 'taobao',
                shopName: shop,
                identity: 'known',
                tier: 'vip',
                segment: 'champions',
                kind: 'returning',
                lastOrderAt: DUE_NOW,
                blacklisted: true,
                matched: shop,
              }}
              active={false}
              id="r0"
              onOpen={() => undefined}
              onHover={() => undefined}
            />,
          );
          expectInert(r.container);
          expect(shows(r.container, nick)).toBe(true);
          const d = render(
            <DueList
              lang="zh_CN"
              rows={[
                {
                  id: nick,
                  customerKey: nick,
                  nick,
                  platform: 'pinduoduo',
                  shopName: shop,
                  kind: 'repurchase',
                  moment: 'repurchase',
                  step: 1,
                  daysLate: 0,
                  itemTitle: shop,
                  text: nick,
                  errors: [shop],
                  warnings: [nick],
                },
              ]}
              onCopy={() => undefined}
              onDone={() => undefined}
              onOpen={() => undefined}
            />,
          );
          expectInert(d.container);
          expect(shows(d.container, nick)).toBe(true);
          const s = render(
            <ShopBar
              lang="zh_CN"
              shops={[
                {
                  key: 'taobao:shop1',
                  platform: 'taobao',
                  name: shop,
                  lastSeenAt: DUE_NOW,
                  pagesRecognised: 1,
                  health: {
                    adapter: 'taobao-old',
                    ok: false,
                    recognised: 0,
                    problem: nick,
                    at: DUE_NOW,
                  },
                },
              ]}
              selected="taobao:shop1"
              onSelect={() => undefined}
              onOptions={() => undefined}
              onDashboard={() => undefined}
            />,
          );
          expectInert(s.container);
          count('popup-lists.renders');
        }),
        runs(),
      );
    },
    TIMEOUT,
  );
});
