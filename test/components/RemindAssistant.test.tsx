// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import {
  RemindAssistant,
  type RemindAssistantProps,
} from '../../components/overlay/RemindAssistant';
import { reasonText } from '../../components/overlay/remind-text';
import { checkBeforeContact, planReminders, type Warning } from '../../lib/reminders';
import { Settings } from '../../lib/settings';
import type { RowSummary } from '../../lib/summary';
import {
  DAY,
  HOUR,
  MIN,
  cn,
  makeContact,
  makeCustomer,
  makeRow,
  settingsWith,
} from '../support/component-fixtures';
import { REMIND_TEMPLATES } from '../../lib/reminders/templates';

afterEach(cleanup);

const ORDERED = cn(2025, 6, 1, 10, 0);
const DUE_NOW = cn(2025, 6, 1, 12, 30);
const settings = settingsWith({});

/** The checks the content script would run: the real pre-contact rules over the row's log. */
const realCheck =
  (row: RowSummary, now: number, s: Settings = settings) =>
  (): Warning[] =>
    checkBeforeContact({
      orderKey: row.orderKey,
      purpose: 'remind',
      contacts: row.contacts,
      settings: s,
      now,
    });

function show(row: RowSummary, over: Partial<RemindAssistantProps> = {}) {
  const now = over.now ?? DUE_NOW;
  const onCopy = vi.fn<RemindAssistantProps['onCopy']>(() => Promise.resolve({ ok: true }));
  const onCheck = vi.fn<RemindAssistantProps['onCheck']>(realCheck(row, now, over.settings));
  const props: RemindAssistantProps = {
    summary: row,
    settings,
    lang: 'zh_CN',
    shopName: '小米粒旗舰店',
    now,
    onCopy,
    onCheck,
    builtIns: REMIND_TEMPLATES,
    ...over,
  };
  const utils = render(<RemindAssistant {...props} />);
  return { ...utils, onCopy: props.onCopy, onCheck: props.onCheck };
}

const newOrder = (over: Parameters<typeof makeRow>[0] = {}) =>
  makeRow({ createdAt: ORDERED, now: DUE_NOW, nick: '小鱼儿', ...over });

const steps = (c: Element) =>
  [...c.querySelectorAll('.kz-step')].map((li) => [
    li.querySelector('.kz-step-when')!.textContent,
    li.querySelector('.kz-step-channel')!.textContent,
    li.getAttribute('data-state'),
  ]);

const card = (c: Element, channel: string) =>
  c.querySelector<HTMLElement>(`[data-channel="${channel}"]`)!;
const copyButton = (c: Element, channel: string) =>
  c.querySelector<HTMLButtonElement>(`[data-copy="${channel}"]`)!;

describe('an order whose status the page did not let us read', () => {
  it('gets a plan that never reminds, and the assistant says why', () => {
    const row = newOrder({ status: 'unknown' });
    expect(row.plan).not.toBeNull();
    expect(row.plan!.dueNow).toBeNull();
    const { container } = show(row);
    expect(container.textContent).toContain('无法识别订单状态');
  });
});

describe('steps and countdown', () => {
  it('new customer on Taobao: chat due now, email tomorrow 09:00, SMS brought forward before the 10:00 close', () => {
    const row = newOrder();
    expect(row.plan?.group).toBe('new');
    const { container } = show(row);
    expect(steps(container)).toEqual([
      ['今天 12:00', '旺旺', 'due'],
      ['明天 09:00', '邮件', 'upcoming'],
      ['明天 09:30', '短信', 'upcoming'],
    ]);
    expect(container.querySelector('[aria-current="step"]')!.textContent).toContain('现在');
    // The assistant says why the SMS is not the next afternoon.
    expect(screen.getByTestId('step-pulled').textContent).toBe(
      '（提前：原定 明天 15:00 晚于订单自动关闭）',
    );
    expect(screen.getByTestId('countdown').textContent).toBe(
      '订单将在 21小时30分 后自动关闭（明天 10:00）',
    );
  });

  it('a chat reminder already logged marks the chat step done', () => {
    const row = newOrder({
      contacts: [makeContact({ at: cn(2025, 6, 1, 12, 5), staff: '客服小王' })],
    });
    const { container } = show(row);
    expect(steps(container)[0]).toEqual(['今天 12:00', '旺旺', 'done']);
    expect(container.querySelector('.kz-step-done .kz-step-mark')!.textContent).toBe('✓');
  });

  it('a step in quiet hours says it was moved', () => {
    // Ordered 21:00: the chat step at 23:00 falls in quiet hours and moves to 08:00.
    const row = makeRow({ createdAt: cn(2025, 6, 1, 21, 0), now: cn(2025, 6, 1, 21, 30) });
    const { container } = show(row, { now: cn(2025, 6, 1, 21, 30) });
    expect(steps(container)[0]).toEqual(['明天 08:00', '旺旺', 'upcoming']);
    expect(container.querySelector('.kz-step-moved')!.textContent).toContain('原定 今天 23:00');
  });

  it('returning customer on a long-closing platform: SMS tomorrow 15:00', () => {
    const row = makeRow({
      who: 'one',
      platform: 'shopify',
      createdAt: ORDERED,
      now: DUE_NOW,
    });
    expect(row.plan?.group).toBe('returning');
    const { container } = show(row);
    expect(steps(container)).toEqual([['明天 15:00', '短信', 'upcoming']]);
    // Shopify has no 旺旺: chat is plain 聊天.
    expect(card(container, 'chat').querySelector('summary')!.textContent).toBe('聊天');
  });
});

describe('reasons not to remind', () => {
  it('blacklisted', () => {
    const row = newOrder({ meta: { blacklisted: true, blacklistReason: '差评师' } });
    show(row);
    const box = screen.getByTestId('reasons');
    expect(box.textContent).toContain('不建议催付');
    expect(box.textContent).toContain('买家在黑名单中');
  });

  it('sibling paid: 买家已付款其他订单', () => {
    const customer = makeCustomer([{ at: ORDERED - 2 * HOUR, amount: 16_900, orderId: 'other' }], {
      key: 'taobao:shop1:nick:小鱼儿',
      buyerId: 'nick:小鱼儿',
      nick: '小鱼儿',
    });
    const row = newOrder({ customer });
    show(row);
    expect(screen.getByTestId('reasons').textContent).toContain('买家已付款其他订单');
  });

  it('auto-closed', () => {
    const now = ORDERED + DAY + HOUR;
    const row = newOrder({ now });
    show(row, { now });
    expect(screen.getByTestId('reasons').textContent).toContain('订单已于 今天 10:00 自动关闭');
    expect(screen.getByTestId('countdown').textContent).toBe('订单已于 今天 10:00 自动关闭');
  });

  it('cap reached, with when it frees up', () => {
    const contacts = [11, 11.5, 12].map((h) =>
      makeContact({ at: ORDERED + (h - 10) * HOUR, channel: 'chat' }),
    );
    const row = newOrder({ contacts });
    show(row);
    expect(screen.getByTestId('reasons').textContent).toContain(
      '24 小时内已催付 3 次，达到上限 3 次；明天 11:00 后可再催',
    );
  });

  it('not unpaid (a plan made for a paid order)', () => {
    const plan = planReminders({
      order: { key: 'k', platform: 'taobao', status: 'paid', createdAt: ORDERED, amount: 100 },
      kind: 'new',
      blacklisted: false,
      siblingPaid: false,
      contacts: [],
      settings,
      now: DUE_NOW,
    });
    expect(plan.reasonsNot[0]).toEqual({ code: 'not-unpaid', status: 'paid' });
    expect(reasonText(plan.reasonsNot[0]!, DUE_NOW, 'zh_CN')).toBe(
      '订单状态为“已付款”，不是待付款',
    );
  });

  it('no reasons box for an order that may be reminded', () => {
    show(newOrder());
    expect(screen.queryByTestId('reasons')).toBeNull();
  });
});

describe('messages', () => {
  it('fills the template from the order and shop', () => {
    const { container } = show(newOrder());
    const text = screen.getByTestId('message-chat').textContent;
    expect(text).toBe(
      '亲，您好～您在小米粒旗舰店拍下的纯棉短袖T恤还没有付款哦，订单金额¥169.00。订单将在21小时30分后自动关闭，如对商品、尺码或发货有任何疑问，随时问我就好～',
    );
    // The due channel is open, the others folded.
    expect(card(container, 'chat').hasAttribute('open')).toBe(true);
    expect(card(container, 'email').hasAttribute('open')).toBe(false);
    for (const ch of ['chat', 'sms', 'email', 'phone']) expect(card(container, ch)).not.toBeNull();
    expect(screen.getByTestId('message-email').textContent).toContain('4000123456789012345');
  });

  it('tone switch changes the text (default from settings)', () => {
    const s = Settings.parse({ reminders: { tone: 'warm' } });
    show(newOrder({ settings: s }), { settings: s });
    expect(screen.getByLabelText<HTMLInputElement>('亲切').checked).toBe(true);
    expect(screen.getByTestId('message-chat').textContent).toContain('亲爱的小鱼儿');
    fireEvent.click(screen.getByLabelText('简短'));
    expect(screen.getByTestId('message-chat').textContent).toBe(
      '亲，您拍下的纯棉短袖T恤（¥169.00）还未付款，订单21小时30分后自动关闭，方便时记得付款哦。',
    );
  });

  it('a missing shop name shows an inline render error, and no copy', () => {
    const { container } = show(newOrder(), { shopName: '' });
    const err = screen.getByTestId('render-error-chat');
    expect(err.textContent).toContain('模板无法生成消息');
    expect(err.textContent).toContain('{店铺} 没有可填的值');
    expect(copyButton(container, 'chat').disabled).toBe(true);
    // The brief chat template does not name the shop, so it still renders.
    fireEvent.click(screen.getByLabelText('简短'));
    expect(screen.queryByTestId('render-error-chat')).toBeNull();
  });

  it('a seller template with a cash-for-review offer shows the compliance issue inline', () => {
    const s = Settings.parse({
      templates: { 'remind.new.chat.polite': '亲，{商品}付款后给个好评返现5元～' },
    });
    const { container } = show(newOrder({ settings: s }), { settings: s });
    const issue = card(container, 'chat').querySelector('.kz-issue-error')!;
    expect(issue.textContent).toContain('好评返现');
  });

  it('a template with an unknown variable says so', () => {
    const s = Settings.parse({ templates: { 'remind.new.chat.polite': '亲，{优惠券}' } });
    show(newOrder({ settings: s }), { settings: s });
    expect(screen.getByTestId('render-error-chat').textContent).toContain('未知变量 {优惠券}');
  });
});

describe('copy', () => {
  it('no warnings: copies once and says 已复制', async () => {
    const row = newOrder();
    const { container, onCopy, onCheck } = show(row);
    fireEvent.click(copyButton(container, 'chat'));
    expect(onCheck).toHaveBeenCalledWith({ channel: 'chat' });
    await waitFor(() =>
      expect(within(card(container, 'chat')).getByRole('status').textContent).toBe('已复制'),
    );
    expect(onCopy).toHaveBeenCalledTimes(1);
    expect(onCopy).toHaveBeenCalledWith({
      channel: 'chat',
      templateId: 'remind.new.chat.polite',
      text: screen.getByTestId('message-chat').textContent,
    });
    expect(within(card(container, 'chat')).getByRole('status').getAttribute('aria-live')).toBe(
      'polite',
    );
  });

  it('with warnings: the first click shows them, the second copies', async () => {
    // Contacted 10 minutes ago (minGap 60): too soon.
    const row = newOrder({ contacts: [makeContact({ at: DUE_NOW - 10 * MIN, purpose: 'care' })] });
    const { container, onCopy } = show(row);
    const button = copyButton(container, 'chat');
    fireEvent.click(button);
    expect(onCopy).not.toHaveBeenCalled();
    expect(button.textContent).toBe('仍要复制');
    const confirm = card(container, 'chat').querySelector('.kz-confirm')!;
    expect(confirm.textContent).toContain('10 分钟前刚联系过该买家（间隔少于 60 分钟）');
    expect(button.getAttribute('aria-describedby')).toBe(confirm.id);
    fireEvent.click(button);
    await waitFor(() => expect(onCopy).toHaveBeenCalledTimes(1));
    // Copied past the warning: the host logs it as an override.
    expect(onCopy).toHaveBeenCalledWith(expect.objectContaining({ overrode: ['too-soon'] }));
    await screen.findByText('已复制');
  });

  it('quiet hours and the cap are confirmed too', () => {
    const now = cn(2025, 6, 1, 23, 0);
    const row = makeRow({
      createdAt: cn(2025, 6, 1, 20, 0),
      now,
      contacts: [20.5, 21].map((h) => makeContact({ at: cn(2025, 6, 1, 0, 0) + h * HOUR })),
    });
    const { container, onCopy } = show(row, { now });
    fireEvent.click(copyButton(container, 'chat'));
    const text = card(container, 'chat').querySelector('.kz-confirm')!.textContent;
    expect(text).toContain('现在是免打扰时段，明天 08:00 结束');
    expect(text).toContain('该买家 24 小时内已催付 2 次，再发一次将达到上限 3 次');
    expect(onCopy).not.toHaveBeenCalled();
  });

  it('a reason not to remind also needs a second click, and is logged as overridden', async () => {
    const row = newOrder({ meta: { blacklisted: true } });
    const { container, onCopy } = show(row, { onCheck: () => [] });
    fireEvent.click(copyButton(container, 'chat'));
    expect(onCopy).not.toHaveBeenCalled();
    expect(card(container, 'chat').querySelector('.kz-confirm')!.textContent).toContain(
      '买家在黑名单中',
    );
    fireEvent.click(copyButton(container, 'chat'));
    await waitFor(() => expect(onCopy).toHaveBeenCalledTimes(1));
    expect(onCopy).toHaveBeenCalledWith(expect.objectContaining({ overrode: ['blacklisted'] }));
  });

  it('a failed copy shows the error', async () => {
    const { container } = show(newOrder(), {
      onCopy: () => Promise.resolve({ ok: false, error: '剪贴板不可用' }),
    });
    fireEvent.click(copyButton(container, 'sms'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('复制失败：剪贴板不可用');
    expect(screen.queryByText('已复制')).toBeNull();
  });

  it('a copy callback that throws is shown as an error too', async () => {
    const { container } = show(newOrder(), {
      onCopy: () => Promise.reject(new Error('denied')),
    });
    fireEvent.click(copyButton(container, 'chat'));
    expect((await screen.findByRole('alert')).textContent).toBe('复制失败：denied');
  });
});

describe('contact log', () => {
  it('lists when, channel, template and staff, and warns about a recent contact', () => {
    const row = newOrder({
      contacts: [
        makeContact({ at: DUE_NOW - 25 * MIN, channel: 'chat', staff: '客服小王' }),
        makeContact({
          at: DUE_NOW - DAY,
          channel: 'sms',
          template: 'remind.new.sms.brief',
          staff: '',
        }),
      ],
    });
    const { container } = show(row);
    const items = [...container.querySelectorAll('.kz-log-item')].map((li) => li.textContent);
    expect(items).toEqual(['今天 12:05旺旺催付·礼貌客服小王', '昨天 12:30短信催付·简短未记名']);
    expect(container.querySelector('[data-warning="recent-contact"]')!.textContent).toBe(
      '25 分钟前刚联系过该买家，60 分钟内不宜重复联系',
    );
  });

  it('no warning when the last contact is older than the gap', () => {
    const row = newOrder({ contacts: [makeContact({ at: DUE_NOW - 2 * HOUR })] });
    const { container } = show(row);
    expect(container.querySelector('[data-warning="recent-contact"]')).toBeNull();
  });
});

describe('hostile text', () => {
  it.each(['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>'])(
    'nick %s renders as text',
    (nick) => {
      const row = newOrder({ nick });
      const { container } = show(row);
      expect(container.querySelector('img, script')).toBeNull();
      expect(container.querySelector('.kz-nick')!.textContent).toBe(nick);
      fireEvent.click(screen.getByLabelText('亲切'));
      expect(screen.getByTestId('message-chat').textContent).toContain(nick);
      expect(container.querySelector('img, script')).toBeNull();
    },
  );

  it('a 10,000-character title is shortened on screen and bounded in the title attribute', () => {
    const row = newOrder();
    const long = '超长标题'.repeat(2500);
    const summary: RowSummary = {
      ...row,
      order: { ...row.order, items: [{ title: long, quantity: 1 }] },
    };
    const { container } = show(summary);
    const items = container.querySelector<HTMLElement>('.kz-items')!;
    expect(items.tagName).toBe('BDI');
    expect(items.textContent.length).toBeLessThan(30);
    expect(items.getAttribute('title')!.length).toBeLessThanOrEqual(301);
    expect(screen.getByTestId('message-chat').textContent.length).toBeLessThan(200);
  });

  it('RTL override marks in a nick stay inside an isolated element', () => {
    const nick = '\u202Eevil\u200F';
    const { container } = show(newOrder({ nick }));
    const el = container.querySelector('.kz-nick')!;
    expect(el.tagName).toBe('BDI');
    expect(el.textContent).toBe(nick);
  });
});

describe('English', () => {
  it('speaks English throughout', () => {
    const { container } = show(newOrder(), { lang: 'en' });
    expect(container.querySelector('.kz-title')!.textContent).toBe('Payment reminder');
    expect(steps(container)[0]).toEqual(['today 12:00', 'Chat', 'due']);
    expect(screen.getByTestId('countdown').textContent).toBe(
      'The order closes automatically in 21 h 30 min (tomorrow 10:00)',
    );
    expect(screen.getByTestId('message-chat').textContent).toContain(
      'Hi 小鱼儿, thank you for your order at 小米粒旗舰店!',
    );
    expect(copyButton(container, 'chat').textContent).toBe('Copy');
    expect(screen.getByLabelText('Brief')).not.toBeNull();
  });
});
