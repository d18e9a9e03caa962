/**
 * Per-field last-writer-wins with add/remove tag sets, held to a naive reference: one desk that
 * receives every edit sorted by (time, device) and applies them one after another.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mergeClocks,
  metaOfClock,
  stampEdit,
  type MetaClock,
  type MetaPatch,
} from '../../lib/sync/meta-clock';

const KEY = 'taobao:shop1:nick:b';
const TAGS = ['高端', '活动顾客', '新款顾客'];

interface Edit {
  desk: number;
  at: number;
  patch: MetaPatch;
}

const edit = fc.record({
  desk: fc.integer({ min: 0, max: 2 }),
  at: fc.integer({ min: 1, max: 20 }),
  patch: fc.record(
    {
      note: fc.constantFrom('只收顺丰', '周末发货', ''),
      blacklisted: fc.boolean(),
      tags: fc.subarray(TAGS),
    },
    { requiredKeys: [] },
  ),
});

/** Each desk stamps its own edits on top of what it holds (as the background does). */
function deskClocks(edits: Edit[]): MetaClock[] {
  const clocks: (MetaClock | undefined)[] = [undefined, undefined, undefined];
  for (const e of edits)
    clocks[e.desk] = stampEdit(clocks[e.desk], KEY, e.patch, [e.at, `d${e.desk}`]);
  return clocks.filter((c): c is MetaClock => c !== undefined);
}

/**
 * The reference: the last note and blacklist flag by (time, device); a tag is present when the
 * latest edit that touched it (by adding or dropping it) added it.
 */
function reference(edits: Edit[]): { note: string; blacklisted: boolean; tags: string[] } {
  // Per desk, which tags each edit adds or drops relative to that desk's own view.
  const views: Set<string>[] = [new Set(), new Set(), new Set()];
  const ops: { s: [number, string]; tag: string; add: boolean }[] = [];
  const fields: { s: [number, string]; note?: string; bl?: boolean }[] = [];
  for (const e of edits) {
    const s: [number, string] = [e.at, `d${e.desk}`];
    fields.push({ s, note: e.patch.note, bl: e.patch.blacklisted });
    if (e.patch.tags) {
      const view = views[e.desk]!;
      const want = new Set(e.patch.tags);
      for (const t of want) if (!view.has(t)) ops.push({ s, tag: t, add: true });
      for (const t of view) if (!want.has(t)) ops.push({ s, tag: t, add: false });
      views[e.desk] = want;
    }
  }
  const cmp = (a: [number, string], b: [number, string]) =>
    a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
  let note = '';
  let blacklisted = false;
  for (const f of [...fields].sort((a, b) => cmp(a.s, b.s))) {
    if (f.note !== undefined) note = f.note;
    if (f.bl !== undefined) blacklisted = f.bl;
  }
  const tags = new Set<string>();
  // Same stamp: a remove beats an add (the later-of rule compares add > rem strictly).
  for (const o of [...ops].sort((a, b) => cmp(a.s, b.s) || (a.add ? -1 : 1)))
    if (o.add) tags.add(o.tag);
    else tags.delete(o.tag);
  return { note, blacklisted, tags: [...tags].sort() };
}

describe('meta clocks', () => {
  it('merged in any order, desks agree with the sorted-replay reference', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), fc.nat(), (edits, rot) => {
        // Each desk's stamps only grow (a desk's clock does not go backwards).
        const seen = [0, 0, 0];
        const ordered = edits.map((e) => {
          const at = Math.max(e.at, seen[e.desk]! + 1);
          seen[e.desk] = at;
          return { ...e, at };
        });
        const clocks = deskClocks(ordered);
        if (clocks.length === 0) return;
        const rotated = [
          ...clocks.slice(rot % clocks.length),
          ...clocks.slice(0, rot % clocks.length),
        ];
        const a = clocks.reduce(mergeClocks);
        const b = rotated.reduce(mergeClocks);
        const c = [...clocks].reverse().reduce(mergeClocks);
        expect(metaOfClock(b, 1)).toEqual(metaOfClock(a, 1));
        expect(metaOfClock(c, 1)).toEqual(metaOfClock(a, 1));
        expect(mergeClocks(a, a)).toEqual(a);
        const m = metaOfClock(a, 1);
        const want = reference(ordered);
        expect({ note: m.note, blacklisted: m.blacklisted, tags: m.tags }).toEqual(want);
      }),
      { seed: 16016, numRuns: 400 },
    );
  });

  it('keeps both desks’ tag edits: one adds 高端, the other drops 活动顾客', () => {
    const base = stampEdit(undefined, KEY, { tags: ['活动顾客'] }, [1, 'a']);
    const a = stampEdit(base, KEY, { tags: ['活动顾客', '高端'] }, [5, 'a']);
    const b = stampEdit(base, KEY, { tags: [] }, [6, 'b']);
    expect(metaOfClock(mergeClocks(a, b), 0).tags).toEqual(['高端']);
    expect(metaOfClock(mergeClocks(b, a), 0).tags).toEqual(['高端']);
  });
});
