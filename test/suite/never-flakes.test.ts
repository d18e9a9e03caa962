/**
 * Guards for a suite that never fails at random and never hides a suite: fixed fast-check seeds,
 * no browser suite that skips itself, and money sums with their own bound.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Customer, Fen } from '../../lib/schemas';
import { buildCustomer } from '../support/make-customer';

describe('the suite itself', () => {
  test('every property runs with a fixed seed unless npm run fuzz asks for fresh ones', () => {
    const seed = fc.readConfigureGlobal().seed;
    if (process.env.KEZHI_FUZZ_DRAW === '1' && !process.env.KEZHI_FUZZ_SEED)
      expect(seed).toBeUndefined();
    else expect(Number.isInteger(seed)).toBe(true);
  });

  test('no browser suite skips itself (a suite that cannot run must fail)', () => {
    const dir = join(__dirname, '..', 'e2e');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) =>
        /\b(describe|test|it)\.(skipIf|runIf|skip)\b/.test(readFileSync(join(dir, f), 'utf8')),
      );
    expect(offenders).toEqual([]);
  });
});

describe('money sums', () => {
  test('a customer whose orders each sit near the single-order cap still parses', () => {
    const nearCap = 900_000_000_000; // 90 亿 yuan in fen: valid for one order
    expect(Fen.safeParse(nearCap).success).toBe(true);
    const c = buildCustomer([
      { at: Date.UTC(2026, 0, 1), amount: nearCap },
      { at: Date.UTC(2026, 1, 1), amount: nearCap },
    ]);
    expect(c.totalSpent).toBe(2 * nearCap);
    expect(Fen.safeParse(c.totalSpent).success).toBe(false);
    expect(Customer.safeParse(c).success).toBe(true);
  });
});
