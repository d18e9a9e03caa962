import fc from 'fast-check';
import type { ContactEntry } from '../../lib/schemas';
import { Channel, OrderStatus, Platform } from '../../lib/schemas';
import type { LadderStep } from '../../lib/settings';
import { planReminders, type PlanInput } from '../../lib/reminders';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { DAY, HOUR, MIN, cn, settingsWith } from '../support/reminders';

/**
 * Quiet hours, independently of lib/china-time: the wall clock in Shanghai as Intl
 * prints it, against the seller's window read straight from the settings.
 */
const shanghai = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
function quietOracle(t: number, r: { quietStartMinute: number; quietEndMinute: number }): boolean {
  const [h, m] = shanghai.format(new Date(t)).split(':').map(Number);
  const minute = h! * 60 + m!;
  const start = r.quietStartMinute % 1440;
  const end = r.quietEndMinute % 1440;
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

const numRuns = Number(process.env.KEZHI_FUZZ_RUNS ?? 200);
const KEY = 'taobao:shop1:o1';
const BASE = cn(2026, 1, 1);

const channel = fc.constantFrom(...Channel.options);
const step: fc.Arbitrary<LadderStep> = fc.oneof(
  fc.record({ channel, afterMinutes: fc.integer({ min: 0, max: 7 * 24 * 60 }) }),
  fc.record({
    channel,
    dayOffset: fc.integer({ min: 0, max: 7 }),
    atMinute: fc.integer({ min: 0, max: 24 * 60 }),
  }),
);
const minute = fc.integer({ min: 0, max: 24 * 60 });

const scenario = fc
  .record({
    createdOffset: fc.integer({ min: 0, max: 365 * DAY }),
    nowAfter: fc.integer({ min: -HOUR, max: 10 * DAY }),
    status: fc.constantFrom(...OrderStatus.options),
    platform: fc.constantFrom(...Platform.options),
    amountFen: fc.integer({ min: 0, max: 2_000_000 }),
    kind: fc.constantFrom('new' as const, 'returning' as const),
    ownAutoClose: fc.option(fc.integer({ min: 0, max: 3 * DAY }), { nil: undefined }),
    blacklisted: fc.boolean(),
    siblingPaid: fc.boolean(),
    quietStartMinute: minute,
    quietEndMinute: minute,
    maxPerOrderPer24h: fc.integer({ min: 1, max: 5 }),
    minGapMinutes: fc.integer({ min: 0, max: 180 }),
    newLadder: fc.array(step, { maxLength: 5 }),
    returningLadder: fc.array(step, { maxLength: 3 }),
    largeReturningLadder: fc.array(step, { maxLength: 3 }),
    contacts: fc.array(
      fc.record({
        offset: fc.integer({ min: -2 * DAY, max: 10 * DAY }),
        channel,
        otherOrder: fc.boolean(),
        purpose: fc.constantFrom<ContactEntry['purpose']>(
          'remind',
          'care',
          'recall',
          'repurchase',
          'other',
        ),
      }),
      { maxLength: 8 },
    ),
  })
  .map((s): PlanInput => {
    const createdAt = BASE + s.createdOffset;
    const { quietStartMinute, quietEndMinute, maxPerOrderPer24h, minGapMinutes } = s;
    return {
      order: {
        key: KEY,
        platform: s.platform,
        status: s.status,
        createdAt,
        amount: s.amountFen,
        ...(s.ownAutoClose !== undefined ? { autoCloseAt: createdAt + s.ownAutoClose } : {}),
      },
      kind: s.kind,
      blacklisted: s.blacklisted,
      siblingPaid: s.siblingPaid,
      settings: settingsWith({
        quietStartMinute,
        quietEndMinute,
        maxPerOrderPer24h,
        minGapMinutes,
        newLadder: s.newLadder,
        returningLadder: s.returningLadder,
        largeReturningLadder: s.largeReturningLadder,
      }),
      contacts: s.contacts.map((c, i) => ({
        id: `c${i}`,
        customerKey: 'taobao:shop1:nick:b',
        orderKey: c.otherOrder ? 'taobao:shop1:o2' : KEY,
        at: createdAt + c.offset,
        channel: c.channel,
        template: 'x',
        staff: '',
        purpose: c.purpose,
      })),
      now: createdAt + s.nowAfter,
    };
  });

describe('planReminders for any order, time and contact log', () => {
  it('never reminds while a reason applies, and never schedules inside quiet hours', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const plan = planReminders(input);
        if (plan.reasonsNot.length > 0) {
          expect(plan.dueNow).toBeNull();
          expect(plan.next).toBeNull();
        }
        for (const s of plan.steps) {
          expect(quietOracle(s.at, input.settings.reminders)).toBe(false);
          expect(s.plannedAt).toBeGreaterThanOrEqual(input.order.createdAt);
          if (s.pulled) {
            // Pulled earlier into the window: after the order, before the close and the plan.
            expect(s.at).toBeGreaterThanOrEqual(input.order.createdAt);
            expect(s.at).toBeLessThan(plan.autoCloseAt);
            expect(s.at).toBeLessThan(s.plannedAt);
          } else {
            expect(s.at).toBeGreaterThanOrEqual(s.plannedAt);
            expect(s.at - s.plannedAt).toBeLessThan(DAY);
          }
        }
      }),
      { numRuns },
    );
  });

  it('reasons match the facts, computed independently', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const plan = planReminders(input);
        const codes = new Set(plan.reasonsNot.map((r) => r.code));
        const { order, now } = input;
        const r = input.settings.reminders;
        const autoCloseAt =
          order.autoCloseAt ?? order.createdAt + r.autoCloseMinutes[order.platform] * MIN;
        // The cap is the buyer's: reminders on any of their orders count.
        const recent = input.contacts.filter(
          (c) => c.purpose === 'remind' && now - c.at < DAY,
        ).length;
        expect(plan.autoCloseAt).toBe(autoCloseAt);
        expect(codes.has('unknown-status')).toBe(order.status === 'unknown');
        expect(codes.has('not-unpaid')).toBe(
          order.status !== 'unpaid' && order.status !== 'unknown',
        );
        expect(codes.has('auto-closed')).toBe(order.status === 'unpaid' && now >= autoCloseAt);
        expect(codes.has('blacklisted')).toBe(input.blacklisted);
        expect(codes.has('sibling-paid')).toBe(input.siblingPaid);
        expect(codes.has('cap-reached')).toBe(recent >= r.maxPerOrderPer24h);
      }),
      { numRuns },
    );
  });

  it('dueNow is the earliest due step, and is there whenever nothing blocks a due step', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const plan = planReminders(input);
        const firstDue = plan.steps.find((s) => s.state === 'due');
        if (plan.reasonsNot.length === 0) expect(plan.dueNow).toBe(firstDue?.channel ?? null);
        for (const s of plan.steps) {
          if (s.state === 'due') expect(s.at).toBeLessThanOrEqual(input.now);
          if (s.state === 'upcoming') expect(s.at).toBeGreaterThan(input.now);
          if (s.state === 'due' || s.state === 'upcoming')
            expect(s.at).toBeLessThan(plan.autoCloseAt);
        }
        for (let i = 1; i < plan.steps.length; i++)
          expect(plan.steps[i]!.at).toBeGreaterThanOrEqual(plan.steps[i - 1]!.at);
      }),
      { numRuns },
    );
  });

  it('each remind contact for the order completes at most one step of its channel', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const plan = planReminders(input);
        for (const ch of Channel.options) {
          const done = plan.steps.filter((s) => s.channel === ch && s.state === 'done').length;
          const onChannel = plan.steps.filter((s) => s.channel === ch).length;
          const logged = input.contacts.filter(
            (c) => c.orderKey === input.order.key && c.purpose === 'remind' && c.channel === ch,
          ).length;
          expect(done).toBe(Math.min(onChannel, logged));
        }
      }),
      { numRuns },
    );
  });

  it('the plan warns exactly when the facts say so, computed independently', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const plan = planReminders(input);
        const r = input.settings.reminders;
        const { now, contacts } = input;
        const codes = plan.warnings.map((w) => w.code);
        const lastAt = contacts.length ? Math.max(...contacts.map((c) => c.at)) : undefined;
        const tooSoon =
          r.minGapMinutes > 0 &&
          lastAt !== undefined &&
          Math.max(0, now - lastAt) < r.minGapMinutes * MIN;
        const reminded = contacts.filter((c) => c.purpose === 'remind' && now - c.at < DAY).length;
        const expected = [
          ...(quietOracle(now, r) ? ['quiet-hours'] : []),
          ...(tooSoon ? ['too-soon'] : []),
          ...(reminded + 1 >= r.maxPerOrderPer24h ? ['would-exceed-cap'] : []),
        ];
        expect(codes).toEqual(expected);
      }),
      { numRuns },
    );
  });
});

/** Minutes of [from, to) outside the quiet window, by a plain minute-by-minute walk. */
function hasOpenMinute(
  from: number,
  to: number,
  r: { quietStartMinute: number; quietEndMinute: number },
) {
  const start = r.quietStartMinute % 1440;
  const end = r.quietEndMinute % 1440;
  if (start === end) return to > from;
  for (let t = from; t < to; t += MIN) {
    // China wall-clock minute, from UTC fields shifted by eight hours (no DST in China).
    const d = new Date(t + 8 * HOUR);
    const minute = d.getUTCHours() * 60 + d.getUTCMinutes();
    const quiet = start < end ? minute >= start && minute < end : minute >= start || minute < end;
    if (!quiet) return true;
  }
  return false;
}

describe('the plan fits the auto-close window', () => {
  const windowCase = fc.record({
    createdOffset: fc.integer({ min: 0, max: 365 * DAY }),
    windowMs: fc.integer({ min: 15 * MIN, max: 7 * DAY }),
    platform: fc.constantFrom(...Platform.options),
    group: fc.constantFrom('new', 'returning', 'large'),
    defaultQuiet: fc.boolean(),
    quietStartMinute: minute,
    quietEndMinute: minute,
  });

  it('every unpaid order with a non-quiet minute before its close gets a due step before it', () => {
    fc.assert(
      fc.property(windowCase, (w) => {
        // Minute-aligned creation times, as pages show them.
        const createdAt = BASE + Math.floor(w.createdOffset / MIN) * MIN;
        const autoCloseAt = createdAt + w.windowMs;
        const settings = w.defaultQuiet
          ? DEFAULT_SETTINGS
          : settingsWith({
              quietStartMinute: w.quietStartMinute,
              quietEndMinute: w.quietEndMinute,
            });
        const base: PlanInput = {
          order: {
            key: KEY,
            platform: w.platform,
            status: 'unpaid',
            createdAt,
            amount: w.group === 'large' ? 100_000 : 10_000,
            autoCloseAt,
          },
          kind: w.group === 'new' ? 'new' : 'returning',
          blacklisted: false,
          siblingPaid: false,
          contacts: [],
          settings,
          now: createdAt,
        };
        if (!hasOpenMinute(createdAt, autoCloseAt, settings.reminders)) return;
        const steps = planReminders(base).steps.filter(
          (s) => s.at >= createdAt && s.at < autoCloseAt,
        );
        expect(steps.length).toBeGreaterThan(0);
        // At the first step's own time, the plan says it is due.
        const first = steps[0]!;
        expect(planReminders({ ...base, now: first.at }).dueNow).toBe(first.channel);
      }),
      { numRuns },
    );
  });
});
