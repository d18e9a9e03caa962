import {
  SEGMENTS,
  SEGMENT_GRID,
  SEGMENT_LABELS,
  fmScore,
  segmentOf,
  type Score,
  type Segment,
} from '../../lib/customers';

const scores: Score[] = [1, 2, 3, 4, 5];

describe('segment map', () => {
  it('maps every one of the 125 cells to exactly one known segment, and every segment is used', () => {
    const hits = new Map<Segment, number>();
    let cells = 0;
    for (const r of scores)
      for (const f of scores)
        for (const m of scores) {
          const seg = segmentOf({ r, f, m });
          expect(SEGMENTS).toContain(seg);
          hits.set(seg, (hits.get(seg) ?? 0) + 1);
          cells++;
        }
    expect(cells).toBe(125);
    expect([...hits.values()].reduce((a, b) => a + b, 0)).toBe(125);
    expect(new Set(hits.keys())).toEqual(new Set(SEGMENTS));
    expect(SEGMENTS).toHaveLength(11);
  });

  it('is a 5×5 grid of known segments', () => {
    expect(SEGMENT_GRID).toHaveLength(5);
    for (const row of SEGMENT_GRID) {
      expect(row).toHaveLength(5);
      for (const seg of row) expect(SEGMENTS).toContain(seg);
    }
  });

  it.each<[Score, Score, Score, Segment]>([
    [5, 5, 5, 'champions'],
    [5, 4, 4, 'champions'],
    [4, 5, 5, 'loyal'],
    [3, 4, 4, 'loyal'],
    [5, 2, 2, 'potentialLoyalist'],
    [4, 3, 3, 'potentialLoyalist'],
    [5, 1, 1, 'new'],
    [4, 1, 1, 'promising'],
    [3, 3, 3, 'needAttention'],
    [3, 1, 2, 'aboutToSleep'],
    [2, 4, 3, 'atRisk'],
    [1, 5, 5, 'cantLoseThem'],
    [2, 2, 2, 'hibernating'],
    [1, 1, 1, 'lost'],
  ])('R %i F %i M %i -> %s', (r, f, m, seg) => {
    expect(segmentOf({ r, f, m })).toBe(seg);
  });

  it('rounds the F/M mean half up, so a one-off big spend still counts', () => {
    expect(fmScore(1, 5)).toBe(3);
    expect(fmScore(1, 2)).toBe(2);
    expect(fmScore(4, 5)).toBe(5);
  });

  it('names every segment in Chinese and English', () => {
    for (const seg of SEGMENTS) {
      expect(SEGMENT_LABELS[seg].zh_CN).toMatch(/\p{Script=Han}/u);
      expect(SEGMENT_LABELS[seg].en).toMatch(/^[A-Z]/);
    }
    expect(new Set(SEGMENTS.map((s) => SEGMENT_LABELS[s].zh_CN)).size).toBe(11);
  });
});
