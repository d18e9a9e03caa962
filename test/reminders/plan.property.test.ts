import fc from 'fast-check';
import type { ContactEntry } from '../../lib/schemas';
import { Channel, OrderStatus, Platform } from '../../lib/schemas';
import type { LadderStep } from '../../lib/settings';
import {
  checkBeforeContact,
  isQuietAt,
  planReminders,
  quietHoursOf,
  type PlanInput,
} from '../../lib/reminders';
import { DAY, HOUR, MIN, cn, settingsWith } from './helpers';

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
        const quiet = quietHoursOf(input.settings.reminders);
        for (const s of plan.steps) {
          expect(isQuietAt(s.at, quiet)).toBe(false);
          expect(s.plannedAt).toBeGreaterThanOrEqual(input.order.createdAt);
          expect(s.at).toBeGreaterThanOrEqual(s.plannedAt);
          expect(s.at - s.plannedAt).toBeLessThan(DAY);
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
        const recent = input.contacts.filter(
          (c) => c.orderKey === order.key && c.purpose === 'remind' && now - c.at < DAY,
        ).length;
        expect(plan.autoCloseAt).toBe(autoCloseAt);
        expect(codes.has('not-unpaid')).toBe(order.status !== 'unpaid');
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

  it('the plan carries the same warnings checkBeforeContact gives for a reminder', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const plan = planReminders(input);
        expect(plan.warnings).toEqual(
          checkBeforeContact({
            orderKey: input.order.key,
            purpose: 'remind',
            contacts: input.contacts,
            settings: input.settings,
            now: input.now,
          }),
        );
        expect(plan.warnings.some((w) => w.code === 'quiet-hours')).toBe(
          isQuietAt(input.now, quietHoursOf(input.settings.reminders)),
        );
      }),
      { numRuns },
    );
  });
});
