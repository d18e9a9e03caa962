/** The date-range presets of the dashboard filter: the last 30, 90 or 365 days, or everything. */
import { DAY_MS } from '../customers';
import type { DateRange } from './types';

export const RANGE_PRESETS = ['30d', '90d', '365d', 'all'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const PRESET_DAYS: Readonly<Record<Exclude<RangePreset, 'all'>, number>> = {
  '30d': 30,
  '90d': 90,
  '365d': 365,
};

/** The range a preset stands for at `now`: the last N × 24 hours up to now, or the whole history. */
export function rangeOf(preset: RangePreset, now: number): DateRange {
  if (preset === 'all') return {};
  return { from: now - PRESET_DAYS[preset] * DAY_MS, to: now };
}
