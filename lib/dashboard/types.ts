/** Shapes shared by the dashboard metrics: every bucket carries the customers behind it. */

/** One bar, slice or cell of a chart: how many, and which customers (keys) are behind it. */
export interface Bucket<Id extends string | number = string> {
  id: Id;
  /** What the chart plots (customers, unless the metric says otherwise). */
  count: number;
  /** Customer keys behind the bucket, each once. */
  keys: string[];
}

/**
 * Orders created in [from, to] (epoch ms, both inclusive). An absent bound is open: `{}` is the
 * whole history.
 */
export interface DateRange {
  from?: number;
  to?: number;
}

/** True when `at` falls inside the range. */
export function inRange(at: number, range: DateRange): boolean {
  return (
    (range.from === undefined || at >= range.from) && (range.to === undefined || at <= range.to)
  );
}

/** True when the range has no bounds (the whole history). */
export function isWholeHistory(range: DateRange): boolean {
  return range.from === undefined && range.to === undefined;
}

/** Share `part / whole`, 0 when the whole is empty (charts never show NaN). */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
