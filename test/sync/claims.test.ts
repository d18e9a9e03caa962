/** "Being handled by": ten minutes, other desks only; values from the rule. */
import { describe, expect, it } from 'vitest';
import { handledBy } from '../../lib/sync/claims';

const claim = {
  orderKey: 'taobao:s:1',
  customerKey: 'taobao:s:nick:b',
  staff: '小王',
  device: 'B',
  at: 1_800_000_000_000,
};

describe('handledBy', () => {
  it('shows another desk’s claim for ten minutes, then not', () => {
    expect(handledBy(claim, { device: 'A', now: claim.at + 9 * 60_000 })).toEqual({
      staff: '小王',
      at: claim.at,
    });
    expect(handledBy(claim, { device: 'A', now: claim.at + 10 * 60_000 })).toBeUndefined();
  });
  it('never shows a desk its own claim', () => {
    expect(handledBy(claim, { device: 'B', now: claim.at + 1000 })).toBeUndefined();
  });
  it('ignores a claim stamped far in the future (a wrong clock)', () => {
    expect(handledBy(claim, { device: 'A', now: claim.at - 5 * 60_000 })).toBeUndefined();
  });
});
