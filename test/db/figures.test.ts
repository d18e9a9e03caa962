/**
 * Figure blocks (lib/db/figures): applying changes to stored blocks gives the blocks of the
 * customers as they are after the changes, whether a block's keys are scanned (a few changes) or
 * indexed (many), and leaves the blocks it was given as they were.
 */
import fc from 'fast-check';
import { FIGURES_STRIDE } from '../../lib/customers';
import { applyFigureChanges, type FiguresBlock } from '../../lib/db/figures';

const RUNS = Number(process.env.KEZHI_FUZZ_RUNS ?? 100);
const SHOP = 'taobao:s';

/** A block's customers and their figures, as a map. */
function figuresOf(block: FiguresBlock | undefined): Map<string, number[]> {
  const out = new Map<string, number[]>();
  block?.keys.forEach((k, i) => {
    expect(out.has(k)).toBe(false);
    out.set(k, [...block.values.slice(i * FIGURES_STRIDE, (i + 1) * FIGURES_STRIDE)]);
  });
  return out;
}

const figures = fc.array(fc.integer({ min: 0, max: 1e6 }), {
  minLength: FIGURES_STRIDE,
  maxLength: FIGURES_STRIDE,
});
const key = fc.integer({ min: 0, max: 30 }).map((i) => `${SHOP}:nick:b${i}`);
/** A stored block (or none) and a list of changes to it (figures undefined: removed). */
const blockAndChanges = fc.record({
  stored: fc.option(fc.dictionary(key, figures, { minKeys: 1, maxKeys: 25 }), { nil: undefined }),
  changes: fc.array(fc.record({ key, figures: fc.option(figures, { nil: undefined }) }), {
    maxLength: 20,
  }),
});

test('applied changes give the blocks of the customers after them, input untouched', () => {
  fc.assert(
    fc.property(fc.array(blockAndChanges, { minLength: 1, maxLength: 4 }), (cases) => {
      const blocks = cases.map(({ stored }): FiguresBlock | undefined =>
        stored
          ? {
              shopKey: SHOP,
              bucket: 0,
              keys: Object.keys(stored),
              values: Float64Array.from(Object.values(stored).flat()),
            }
          : undefined,
      );
      const before = blocks.map((b) => b && { ...b, keys: [...b.keys], values: b.values.slice() });
      const ids = cases.map((_, i): [string, number] => [SHOP, i]);
      const { put, remove } = applyFigureChanges(
        blocks,
        ids,
        cases.map((c) => c.changes),
      );
      expect(blocks).toEqual(before);
      cases.forEach(({ stored, changes }, i) => {
        const expected = new Map(Object.entries(stored ?? {}));
        for (const c of changes)
          if (c.figures) expected.set(c.key, c.figures);
          else expected.delete(c.key);
        const written = put.find((b) => b.bucket === i);
        expect(figuresOf(written)).toEqual(expected);
        if (written) expect(written.values.length).toBe(written.keys.length * FIGURES_STRIDE);
        // A block left empty is removed when it was stored, and never written.
        const removed = remove.some(([, b]) => b === i);
        expect(removed).toBe(expected.size === 0 && stored !== undefined);
        if (expected.size === 0) expect(written).toBeUndefined();
      });
    }),
    { numRuns: RUNS },
  );
});
