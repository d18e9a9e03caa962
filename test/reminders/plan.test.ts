import type { ContactEntry, Platform } from '../../lib/schemas';
import type { Settings } from '../../lib/settings';
import { checkBeforeContact, planReminders, type PlanInput } from '../../lib/reminders';
import { DAY, HOUR, MIN, cn, contact, settingsWith } from '../support/reminders';

const KEY = 'taobao:shop1:o1';

function input(over: {
  createdAt: number;
  now: number;
  amountYuan?: number;
  kind?: 'new' | 'returning';
  platform?: Platform;
  status?: PlanInput['order']['status'];
  autoCloseAt?: number;
  contacts?: ContactEntry[];
  blacklisted?: boolean;
  siblingPaid?: boolean;
  settings?: Settings;
}): PlanInput {
  return {
    order: {
      key: KEY,
      platform: over.platform ?? 'taobao',
      status: over.status ?? 'unpaid',
      createdAt: over.createdAt,
      amount: (over.amountYuan ?? 169) * 100,
      ...(over.autoCloseAt !== undefined ? { autoCloseAt: over.autoCloseAt } : {}),
    },
    kind: over.kind ?? 'new',
    blacklisted: over.blacklisted ?? false,
    siblingPaid: over.siblingPaid ?? false,
    contacts: over.contacts ?? [],
    settings: over.settings ?? settingsWith(),
    now: over.now,
  };
}

describe('the ladders (domain.md defaults)', () => {
  const ordered = cn(2026, 5, 17, 10, 0);

  it('new customer, order at 10:00: chat 12:00, email next day 09:00, SMS next day 15:00', () => {
    const plan = planReminders(
      input({ createdAt: ordered, now: cn(2026, 5, 17, 12, 0), platform: 'shopify' }),
    );
    expect(plan.group).toBe('new');
    expect(plan.steps.map((s) => [s.channel, s.at, s.state])).toEqual([
      ['chat', cn(2026, 5, 17, 12, 0), 'due'],
      ['email', cn(2026, 5, 18, 9, 0), 'upcoming'],
      ['sms', cn(2026, 5, 18, 15, 0), 'upcoming'],
    ]);
    expect(plan.dueNow).toBe('chat');
    expect(plan.next).toEqual({ channel: 'email', at: cn(2026, 5, 18, 9, 0) });
    expect(plan.reasonsNot).toEqual([]);
  });

  it('is not due a minute early', () => {
    const plan = planReminders(input({ createdAt: ordered, now: cn(2026, 5, 17, 11, 59) }));
    expect(plan.dueNow).toBeNull();
    expect(plan.next).toEqual({ channel: 'chat', at: cn(2026, 5, 17, 12, 0) });
  });

  it('pulls a step after the auto-close (Taobao, 24 h) into the window, and says so', () => {
    const plan = planReminders(input({ createdAt: ordered, now: cn(2026, 5, 17, 12, 0) }));
    expect(plan.autoCloseAt).toBe(ordered + DAY);
    expect(plan.autoCloseAt - cn(2026, 5, 17, 12, 0)).toBe(22 * HOUR);
    // chat 12:00 and email 09:00 fit; the 15:00 SMS would come after the 10:00 close, so it goes
    // between the email and the close (no 2 h margin is left after 09:00: the whole last hour).
    expect(plan.steps.map((s) => [s.channel, s.at, s.state, s.pulled ?? false])).toEqual([
      ['chat', cn(2026, 5, 17, 12, 0), 'due', false],
      ['email', cn(2026, 5, 18, 9, 0), 'upcoming', false],
      ['sms', cn(2026, 5, 18, 9, 30), 'upcoming', true],
    ]);
    expect(plan.steps[2]!.plannedAt).toBe(cn(2026, 5, 18, 15, 0));
  });

  it('prefers the auto-close time the page showed, and compresses the ladder into it', () => {
    const autoCloseAt = cn(2026, 5, 17, 10, 30); // a 聚划算 order closes after 30 minutes
    const plan = planReminders(
      input({ createdAt: ordered, now: cn(2026, 5, 17, 10, 10), autoCloseAt }),
    );
    expect(plan.autoCloseAt).toBe(autoCloseAt);
    expect(plan.autoCloseAt - cn(2026, 5, 17, 10, 10)).toBe(20 * MIN);
    // Same channels, same order, inside the first 22.5 minutes (a quarter kept for paying).
    expect(plan.steps.map((s) => [s.channel, s.at, s.state])).toEqual([
      ['chat', ordered + 3.75 * MIN, 'due'],
      ['email', ordered + 11.25 * MIN, 'upcoming'],
      ['sms', ordered + 18.75 * MIN, 'upcoming'],
    ]);
    expect(plan.dueNow).toBe('chat');
  });

  it('a window that is quiet from start to close leaves its steps missed', () => {
    const night = cn(2026, 5, 17, 23, 0);
    const plan = planReminders(
      input({ createdAt: night, now: night, autoCloseAt: night + 30 * MIN }),
    );
    expect(plan.steps.every((s) => s.state === 'missed')).toBe(true);
  });

  it('a step in quiet hours whose move would pass the close is pulled before the quiet start', () => {
    const evening = cn(2026, 5, 17, 21, 0);
    // Returning: SMS next day 15:00; the order closes at 02:00 after 5 hours.
    const plan = planReminders(
      input({
        createdAt: evening,
        now: evening,
        kind: 'returning',
        autoCloseAt: evening + 5 * HOUR,
      }),
    );
    const [sms] = plan.steps;
    expect(sms!.pulled).toBe(true);
    expect(sms!.at).toBeGreaterThanOrEqual(evening);
    expect(sms!.at).toBeLessThan(cn(2026, 5, 17, 22, 0));
  });

  it('order at 21:30: the 23:30 chat falls in quiet hours and moves to 08:00', () => {
    const late = cn(2026, 5, 17, 21, 30);
    const plan = planReminders(input({ createdAt: late, now: late }));
    expect(plan.steps.map((s) => [s.channel, s.at])).toEqual([
      ['chat', cn(2026, 5, 18, 8, 0)],
      ['email', cn(2026, 5, 18, 9, 0)],
      ['sms', cn(2026, 5, 18, 15, 0)],
    ]);
    expect(plan.steps[0]!.plannedAt).toBe(cn(2026, 5, 17, 23, 30));
    expect(plan.steps[1]!.plannedAt).toBe(plan.steps[1]!.at);
  });

  it('an order placed after midnight moves its step to 08:00 the same day', () => {
    const night = cn(2026, 5, 18, 1, 0);
    const plan = planReminders(input({ createdAt: night, now: night }));
    expect(plan.steps[0]).toMatchObject({ channel: 'chat', at: cn(2026, 5, 18, 8, 0) });
  });

  it('returning customer: one SMS the next afternoon', () => {
    const plan = planReminders(
      input({ createdAt: ordered, now: ordered, kind: 'returning', platform: 'shopify' }),
    );
    expect(plan.group).toBe('returning');
    expect(plan.steps.map((s) => [s.channel, s.at])).toEqual([['sms', cn(2026, 5, 18, 15, 0)]]);
  });

  it('returning customer with a large order: a phone call the next afternoon instead', () => {
    const plan = planReminders(
      input({
        createdAt: ordered,
        now: ordered,
        kind: 'returning',
        amountYuan: 600,
        platform: 'shopify',
      }),
    );
    expect(plan.group).toBe('large');
    expect(plan.steps.map((s) => [s.channel, s.at])).toEqual([['phone', cn(2026, 5, 18, 15, 0)]]);
  });

  it('on Taobao (24 h) the next-afternoon call of a 10:00 order comes the same afternoon', () => {
    const plan = planReminders(
      input({ createdAt: ordered, now: ordered, kind: 'returning', amountYuan: 600 }),
    );
    // Open time before the 2 h margin: 10:00-22:00 (08:00 is the close less 2 h): middle 16:00.
    expect(plan.steps.map((s) => [s.channel, s.at, s.pulled])).toEqual([
      ['phone', cn(2026, 5, 17, 16, 0), true],
    ]);
  });

  it('"large" means strictly above largeOrderYuan', () => {
    const at = planReminders(
      input({ createdAt: ordered, now: ordered, kind: 'returning', amountYuan: 500 }),
    );
    expect(at.group).toBe('returning');
    const newBig = planReminders(input({ createdAt: ordered, now: ordered, amountYuan: 5000 }));
    expect(newBig.group).toBe('new');
  });

  it('uses China days even when the order is early morning UTC (late evening the day before)', () => {
    // 2026-05-17 07:00 China = 2026-05-16 23:00 UTC: "next day" is still May 18 in China.
    const early = cn(2026, 5, 17, 7, 0);
    const plan = planReminders(input({ createdAt: early, now: early, platform: 'shopify' }));
    expect(plan.steps.find((s) => s.channel === 'email')!.at).toBe(cn(2026, 5, 18, 9, 0));
  });

  it('never schedules a day-0 step before the order itself', () => {
    const settings = settingsWith({
      newLadder: [{ channel: 'chat', dayOffset: 0, atMinute: 9 * 60 }],
    });
    const plan = planReminders(input({ createdAt: ordered, now: ordered, settings }));
    expect(plan.steps[0]!.at).toBe(ordered);
  });

  it('honours a seller quiet window that does not wrap midnight', () => {
    const settings = settingsWith({ quietStartMinute: 12 * 60, quietEndMinute: 14 * 60 });
    const plan = planReminders(input({ createdAt: ordered, now: ordered, settings }));
    expect(plan.steps[0]!.at).toBe(cn(2026, 5, 17, 14, 0));
  });
});

describe('steps done through the contact log', () => {
  const ordered = cn(2026, 5, 17, 10, 0);
  const now = cn(2026, 5, 18, 9, 30);

  it('a remind contact for this order on a channel marks that step done', () => {
    const contacts = [contact({ at: cn(2026, 5, 17, 12, 5), channel: 'chat' })];
    const plan = planReminders(input({ createdAt: ordered, now, contacts, platform: 'shopify' }));
    expect(plan.steps.map((s) => s.state)).toEqual(['done', 'due', 'upcoming']);
    expect(plan.dueNow).toBe('email');
  });

  it('the earliest step not done is due first', () => {
    const plan = planReminders(input({ createdAt: ordered, now, platform: 'shopify' }));
    expect(plan.steps.map((s) => s.state)).toEqual(['due', 'due', 'upcoming']);
    expect(plan.dueNow).toBe('chat');
  });

  it('contacts about another order, or for another purpose, do not count', () => {
    const contacts = [
      contact({ at: cn(2026, 5, 17, 12, 5), orderKey: 'taobao:shop1:o2' }),
      contact({ at: cn(2026, 5, 17, 12, 6), purpose: 'care', template: 'care.day2.chat' }),
    ];
    const plan = planReminders(input({ createdAt: ordered, now, contacts, platform: 'shopify' }));
    expect(plan.steps[0]!.state).toBe('due');
  });

  it('one chat contact completes only one of two chat steps', () => {
    const settings = settingsWith({
      newLadder: [
        { channel: 'chat', afterMinutes: 60 },
        { channel: 'chat', afterMinutes: 180 },
      ],
    });
    const contacts = [contact({ at: cn(2026, 5, 17, 11, 0) })];
    const plan = planReminders(
      input({ createdAt: ordered, now: cn(2026, 5, 17, 13, 30), contacts, settings }),
    );
    expect(plan.steps.map((s) => s.state)).toEqual(['done', 'due']);
    expect(plan.dueNow).toBe('chat');
  });

  it('all steps done: nothing due and nothing next', () => {
    const contacts = (['chat', 'email', 'sms'] as const).map((channel, i) =>
      contact({ at: ordered + (i + 1) * 8 * HOUR, channel }),
    );
    const plan = planReminders(
      input({ createdAt: ordered, now: cn(2026, 5, 19, 9, 0), contacts, platform: 'shopify' }),
    );
    expect(plan.steps.every((s) => s.state === 'done')).toBe(true);
    expect(plan.dueNow).toBeNull();
    expect(plan.next).toBeNull();
    expect(plan.reasonsNot).toEqual([]);
  });
});

describe('reasons not to remind', () => {
  const ordered = cn(2026, 5, 17, 10, 0);
  const noon = cn(2026, 5, 17, 12, 0);

  it('cap reached after 3 reminders for this order in 24 h', () => {
    const contacts = [
      contact({ at: cn(2026, 5, 17, 10, 30) }),
      contact({ at: cn(2026, 5, 17, 11, 0), channel: 'sms' }),
      contact({ at: cn(2026, 5, 17, 11, 30), channel: 'email' }),
    ];
    const plan = planReminders(
      input({
        createdAt: ordered,
        now: noon,
        contacts,
        settings: settingsWith({
          newLadder: [
            { channel: 'chat', afterMinutes: 120 },
            { channel: 'chat', afterMinutes: 120 },
          ],
        }),
      }),
    );
    expect(plan.reasonsNot).toEqual([
      { code: 'cap-reached', count: 3, cap: 3, nextAllowedAt: cn(2026, 5, 18, 10, 30) },
    ]);
    expect(plan.steps.map((s) => s.state)).toContain('due');
    expect(plan.dueNow).toBeNull();
    expect(plan.next).toBeNull();
  });

  it('reminders older than 24 h do not count toward the cap', () => {
    const contacts = [
      contact({ at: noon - DAY - MIN }),
      contact({ at: noon - DAY - 2 * MIN }),
      contact({ at: noon - HOUR, orderKey: 'taobao:shop1:o9' }),
      contact({ at: noon - 2 * HOUR, orderKey: 'taobao:shop1:o9' }),
    ];
    const plan = planReminders(input({ createdAt: ordered, now: noon, contacts }));
    expect(plan.reasonsNot).toEqual([]);
  });

  it('the cap is per buyer: three orders do not allow nine reminders in 24 h', () => {
    const contacts = [
      contact({ at: noon - HOUR, orderKey: 'taobao:shop1:o7' }),
      contact({ at: noon - 2 * HOUR, orderKey: 'taobao:shop1:o8' }),
      contact({ at: noon - 3 * HOUR, orderKey: 'taobao:shop1:o9' }),
    ];
    const plan = planReminders(input({ createdAt: ordered, now: noon, contacts }));
    expect(plan.reasonsNot).toEqual([
      { code: 'cap-reached', count: 3, cap: 3, nextAllowedAt: noon - 3 * HOUR + DAY },
    ]);
    expect(plan.dueNow).toBeNull();
  });

  it('an unreadable status is never reminded, and the plan says why', () => {
    const plan = planReminders({
      ...input({ createdAt: ordered, now: noon, status: 'unknown' }),
      order: {
        ...input({ createdAt: ordered, now: noon }).order,
        status: 'unknown',
        rawStatus: '待审核',
      },
    });
    expect(plan.reasonsNot).toEqual([{ code: 'unknown-status', rawStatus: '待审核' }]);
    expect(plan.dueNow).toBeNull();
  });

  it('cap follows the setting', () => {
    const contacts = [contact({ at: noon - HOUR })];
    const settings = settingsWith({ maxPerOrderPer24h: 1 });
    const plan = planReminders(input({ createdAt: ordered, now: noon, contacts, settings }));
    expect(plan.reasonsNot.map((r) => r.code)).toEqual(['cap-reached']);
  });

  it('sibling paid', () => {
    const plan = planReminders(input({ createdAt: ordered, now: noon, siblingPaid: true }));
    expect(plan.reasonsNot).toEqual([{ code: 'sibling-paid' }]);
    expect(plan.dueNow).toBeNull();
  });

  it('blacklisted', () => {
    const plan = planReminders(input({ createdAt: ordered, now: noon, blacklisted: true }));
    expect(plan.reasonsNot).toEqual([{ code: 'blacklisted' }]);
    expect(plan.dueNow).toBeNull();
  });

  it('is the same plan a minute later while no step changes state (times, never durations)', () => {
    const at = (m: number) =>
      planReminders(input({ createdAt: ordered, now: cn(2026, 5, 17, 12, m) }));
    expect(at(1)).toEqual(at(2));
    expect(at(30)).toEqual(at(1));
    // The chat step came due at 12:00: a minute before, the plan says so differently.
    expect(planReminders(input({ createdAt: ordered, now: cn(2026, 5, 17, 11, 59) }))).not.toEqual(
      at(1),
    );
  });

  it('auto-closed once now reaches autoCloseAt', () => {
    const now = ordered + DAY + 5 * MIN;
    const plan = planReminders(input({ createdAt: ordered, now }));
    expect(plan.reasonsNot).toEqual([{ code: 'auto-closed', autoCloseAt: ordered + DAY }]);
    expect(plan.dueNow).toBeNull();
    expect(plan.steps.every((s) => s.state === 'missed')).toBe(true);
  });

  it('one minute before auto-close is still open', () => {
    const plan = planReminders(input({ createdAt: ordered, now: ordered + DAY - MIN }));
    expect(plan.reasonsNot).toEqual([]);
    expect(plan.dueNow).toBe('chat');
  });

  it.each(['paid', 'shipped', 'completed', 'closed', 'refunding', 'refunded'] as const)(
    'not unpaid: %s',
    (status) => {
      const plan = planReminders(input({ createdAt: ordered, now: noon, status }));
      expect(plan.reasonsNot).toEqual([{ code: 'not-unpaid', status }]);
      expect(plan.dueNow).toBeNull();
    },
  );

  it('lists every reason that applies', () => {
    const plan = planReminders(
      input({
        createdAt: ordered,
        now: ordered + 2 * DAY,
        blacklisted: true,
        siblingPaid: true,
      }),
    );
    expect(plan.reasonsNot.map((r) => r.code)).toEqual([
      'auto-closed',
      'sibling-paid',
      'blacklisted',
    ]);
  });
});

describe('warnings before contacting', () => {
  const ordered = cn(2026, 5, 17, 10, 0);

  it('quiet hours: now at 23:00 warns until 08:00', () => {
    const now = cn(2026, 5, 17, 23, 0);
    const plan = planReminders(input({ createdAt: ordered, now }));
    expect(plan.warnings).toEqual([{ code: 'quiet-hours', until: cn(2026, 5, 18, 8, 0) }]);
    // A warning is not a reason: the due step stays due.
    expect(plan.dueNow).toBe('chat');
  });

  it('no quiet-hours warning at 08:00 sharp or at 21:59', () => {
    for (const now of [cn(2026, 5, 18, 8, 0), cn(2026, 5, 17, 21, 59)]) {
      const plan = planReminders(input({ createdAt: ordered, now }));
      expect(plan.warnings).toEqual([]);
    }
  });

  it('too soon: any contact with this buyer less than minGapMinutes ago', () => {
    const now = cn(2026, 5, 17, 12, 0);
    const contacts = [
      contact({ at: now - 30 * MIN, orderKey: 'taobao:shop1:o7', purpose: 'care' }),
      contact({ at: now - 5 * HOUR, orderKey: undefined, purpose: 'other' }),
    ];
    const warnings = checkBeforeContact({
      orderKey: KEY,
      purpose: 'remind',
      contacts,
      settings: settingsWith(),
      now,
    });
    expect(warnings).toEqual([{ code: 'too-soon', lastAt: now - 30 * MIN, minGapMs: 60 * MIN }]);
  });

  it('not too soon once the gap has passed; never with a zero gap', () => {
    const now = cn(2026, 5, 17, 12, 0);
    const contacts = [contact({ at: now - 60 * MIN, orderKey: 'x:y:z' })];
    const base = { orderKey: KEY, purpose: 'remind' as const, contacts, now };
    expect(checkBeforeContact({ ...base, settings: settingsWith() })).toEqual([]);
    const recent = [contact({ at: now - MIN, orderKey: 'x:y:z' })];
    expect(
      checkBeforeContact({
        ...base,
        contacts: recent,
        settings: settingsWith({ minGapMinutes: 0 }),
      }),
    ).toEqual([]);
  });

  it('would exceed the cap: one more would reach it', () => {
    const now = cn(2026, 5, 17, 15, 0);
    const contacts = [contact({ at: now - 4 * HOUR }), contact({ at: now - 3 * HOUR })];
    const plan = planReminders(input({ createdAt: ordered, now, contacts }));
    expect(plan.reasonsNot).toEqual([]);
    expect(plan.warnings).toEqual([{ code: 'would-exceed-cap', count: 2, cap: 3 }]);
    // With one reminder so far, a second does not reach a cap of 3.
    const one = planReminders(input({ createdAt: ordered, now, contacts: contacts.slice(0, 1) }));
    expect(one.warnings).toEqual([]);
  });

  it('the cap warning counts the buyer’s reminders on any order, and only reminders', () => {
    const now = cn(2026, 5, 17, 15, 0);
    const contacts = [
      contact({ at: now - 4 * HOUR, orderKey: 'taobao:shop1:o8' }),
      contact({ at: now - 3 * HOUR, orderKey: 'taobao:shop1:o9' }),
    ];
    const base = { contacts, settings: settingsWith(), now };
    expect(checkBeforeContact({ ...base, orderKey: KEY, purpose: 'care' })).toEqual([]);
    expect(checkBeforeContact({ ...base, orderKey: KEY, purpose: 'remind' })).toEqual([
      { code: 'would-exceed-cap', count: 2, cap: 3 },
    ]);
  });

  it('warns about several things at once', () => {
    const now = cn(2026, 5, 17, 22, 30);
    const contacts = [contact({ at: now - 10 * MIN }), contact({ at: now - 20 * MIN })];
    const codes = checkBeforeContact({
      orderKey: KEY,
      purpose: 'remind',
      contacts,
      settings: settingsWith(),
      now,
    }).map((w) => w.code);
    expect(codes).toEqual(['quiet-hours', 'too-soon', 'would-exceed-cap']);
  });
});
