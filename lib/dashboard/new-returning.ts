/**
 * 新老客户占比 over time: per China calendar month, how many purchases were a buyer's first
 * purchase and how many were a repeat, read from each customer's purchaseAt array (no order reads).
 */
import { chinaMonth } from '../china-time';
import { chinaDay, purchaseEvents } from '../customers';
import type { Customer } from '../schemas';
import type { Settings } from '../settings';
import { inRange, type DateRange } from './types';

export { chinaMonth } from '../china-time';

/** The month after `YYYY-MM`. */
function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** One month of purchases split into first and repeat purchases. */
export interface MonthShare {
  /** `YYYY-MM`, China time. */
  month: string;
  /** Purchases that were the buyer's first. */
  first: number;
  /** Purchases by buyers who had bought before. */
  repeat: number;
  /** Customers behind `first` (each once). */
  firstKeys: string[];
  /** Customers behind `repeat` (each once, however often they bought that month). */
  repeatKeys: string[];
}

/** Accumulates months customer by customer, so the dashboard can do it in its one pass. */
export class NewReturningTally {
  private readonly months = new Map<string, MonthShare>();
  /** China day number -> month: a Date per purchase is the slow part of 300,000 purchases. */
  private readonly monthOfDay = new Map<number, string>();

  constructor(
    private readonly range: DateRange,
    private readonly mergeSameDay: boolean,
  ) {}

  /** Counts one customer's purchases that fall in the range. */
  add(c: Customer): void {
    // Same-day purchases merged into one when the seller counts F that way.
    const events = purchaseEvents(c.purchaseAt, this.mergeSameDay);
    events.forEach((at, i) => {
      if (!inRange(at, this.range)) return;
      const day = chinaDay(at);
      let month = this.monthOfDay.get(day);
      if (month === undefined) this.monthOfDay.set(day, (month = chinaMonth(at)));
      let m = this.months.get(month);
      if (!m)
        this.months.set(month, (m = { month, first: 0, repeat: 0, firstKeys: [], repeatKeys: [] }));
      if (i === 0) {
        m.first++;
        m.firstKeys.push(c.key);
      } else {
        m.repeat++;
        // Events are in time order, so a repeat buyer's earlier push this month is the last one.
        if (m.repeatKeys[m.repeatKeys.length - 1] !== c.key) m.repeatKeys.push(c.key);
      }
    });
  }

  /** Months in order, with the empty months between the first and the last filled in. */
  result(): MonthShare[] {
    const present = [...this.months.keys()].sort();
    const first = present[0];
    const last = present[present.length - 1];
    if (first === undefined || last === undefined) return [];
    const out: MonthShare[] = [];
    for (let m = first; m <= last; m = nextMonth(m)) {
      out.push(
        this.months.get(m) ?? { month: m, first: 0, repeat: 0, firstKeys: [], repeatKeys: [] },
      );
    }
    return out;
  }
}

/** 新老客户占比 per month over the customers' purchases in the range. */
export function newReturningByMonth(
  customers: readonly Customer[],
  range: DateRange,
  settings: Pick<Settings, 'mergeSameDayPurchases'>,
): MonthShare[] {
  const tally = new NewReturningTally(range, settings.mergeSameDayPurchases);
  for (const c of customers) tally.add(c);
  return tally.result();
}
