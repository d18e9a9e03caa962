/**
 * The named RFM segments (the common 11-segment map). Segments are read from a 5×5 grid of R
 * against the F/M score (the rounded mean of F and M), so a one-off big spender and a frequent
 * small buyer both count as valuable; the grid makes the map total and easy to audit.
 */
import type { Explanation } from './explain';
import type { RfmScores, Score } from './stats';

export type Segment =
  | 'champions'
  | 'loyal'
  | 'potentialLoyalist'
  | 'new'
  | 'promising'
  | 'needAttention'
  | 'aboutToSleep'
  | 'atRisk'
  | 'cantLoseThem'
  | 'hibernating'
  | 'lost';

export const SEGMENTS = [
  'champions',
  'loyal',
  'potentialLoyalist',
  'new',
  'promising',
  'needAttention',
  'aboutToSleep',
  'atRisk',
  'cantLoseThem',
  'hibernating',
  'lost',
] as const satisfies readonly Segment[];

/**
 * SEGMENT_GRID[fm - 1][r - 1]. Rows: F/M score 1 (bottom) .. 5 (top); columns: R 1 (long ago)
 * .. 5 (recent).
 */
export const SEGMENT_GRID: readonly (readonly Segment[])[] = [
  /* fm 1 */ ['lost', 'hibernating', 'aboutToSleep', 'promising', 'new'],
  /* fm 2 */ [
    'hibernating',
    'hibernating',
    'aboutToSleep',
    'potentialLoyalist',
    'potentialLoyalist',
  ],
  /* fm 3 */ ['atRisk', 'atRisk', 'needAttention', 'potentialLoyalist', 'potentialLoyalist'],
  /* fm 4 */ ['atRisk', 'atRisk', 'loyal', 'loyal', 'champions'],
  /* fm 5 */ ['cantLoseThem', 'cantLoseThem', 'loyal', 'loyal', 'champions'],
];

/** The F/M score: mean of F and M, halves rounded up, so it stays in 1..5. */
export function fmScore(f: Score, m: Score): Score {
  return Math.round((f + m) / 2) as Score;
}

/** The segment of a score triple; total over 1..5 on every axis. */
export function segmentOf(s: RfmScores): Segment {
  const seg = SEGMENT_GRID[fmScore(s.f, s.m) - 1]?.[s.r - 1];
  // Unreachable for valid scores; 'needAttention' is the neutral middle cell if a caller
  // passes something outside 1..5.
  return seg ?? 'needAttention';
}

/** Why the segment is what it is. */
export function whySegment(segment: Segment, s: RfmScores, firstPurchase: boolean): Explanation {
  if (firstPurchase) return { rule: 'segment.firstPurchase', values: { segment } };
  return {
    rule: 'segment.grid',
    values: { segment, r: s.r, f: s.f, m: s.m, fm: fmScore(s.f, s.m) },
  };
}
