// @vitest-environment jsdom
// A row's overlay is drawn by hand until the row is touched; the first touch hands it to Preact
// (hydration keeps every node) and from then on Preact draws it.
import { fireEvent, waitFor } from '@testing-library/preact';
import { bundledAssistant } from '../../components/overlay/bundled-assistant';
import { createRowHost, sharedStyle } from '../../entrypoints/orders.content/mount';
import {
  paintRow,
  unpaint,
  type Mounted,
  type PaintHost,
} from '../../entrypoints/orders.content/paint-row';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { HOUR, NOW, makeRow } from '../support/component-fixtures';

const host: PaintHost = {
  settings: () => DEFAULT_SETTINGS,
  shopName: () => '小米粒旗舰店',
  detail: bundledAssistant,
  refresh: () => Promise.resolve(),
};

function mounted(): Mounted {
  document.body.innerHTML = '<div class="row"><span class="buyer">b</span></div>';
  const ui = createRowHost(document.querySelector('.buyer')!, sharedStyle(''))!;
  return { orderId: '1', row: document.querySelector('.row')!, ui, dark: false };
}
const champ = (tags: string[] = []) =>
  makeRow({ who: 'champ', status: 'paid', createdAt: NOW - HOUR, now: NOW, meta: { tags } });

afterEach(() => {
  document.body.innerHTML = '';
});

test('drawn by hand until touched; the first touch hydrates it, every node kept, and it works', async () => {
  const m = mounted();
  paintRow(m, champ(), host);
  const { container } = m.ui;
  expect(m.live).toBeFalsy();
  expect(container.querySelector('[data-chip="tier"]')!.textContent).toBe('至尊VIP');
  const nodes = [...container.querySelectorAll('*')];
  const chip = container.querySelector('[data-chip="segment"]')!;
  // (jsdom has no pointer events: the mouseover wakes the row, and that same event reaches the
  // component's handler once the row is hydrated.)
  fireEvent.mouseOver(chip);
  expect(m.live).toBe(true);
  expect([...container.querySelectorAll('*')].slice(0, nodes.length)).toEqual(nodes);
  await waitFor(() =>
    expect(container.querySelector('.kz-tip[data-tip-for="segment"]')).not.toBeNull(),
  );
});

test('a new answer before the touch is drawn by hand again; after it, by Preact', () => {
  const m = mounted();
  paintRow(m, champ(), host);
  paintRow(m, champ(['复购']), host);
  expect(m.live).toBeFalsy();
  expect(m.ui.container.querySelector('[data-chip="tag-0"]')!.textContent).toBe('复购');
  expect(m.ui.container.querySelectorAll('.kz-overlay')).toHaveLength(1);
  fireEvent.focus(m.ui.container.querySelector('[data-chip="tier"]')!);
  expect(m.live).toBe(true);
  paintRow(m, champ(['复购', '大客户']), host);
  expect(m.ui.container.querySelector('[data-chip="tag-1"]')!.textContent).toBe('大客户');
  expect(m.ui.container.querySelectorAll('.kz-overlay')).toHaveLength(1);
  unpaint(m);
  expect(m.ui.container.childNodes).toHaveLength(0);
});

test('an untouched row comes down cleanly', () => {
  const m = mounted();
  paintRow(m, champ(), host);
  unpaint(m);
  expect(m.ui.container.childNodes).toHaveLength(0);
});
