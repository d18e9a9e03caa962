import fc from 'fast-check';
import { MAX_TEXT_CHARS, normalizeOrderId, normalizeText } from '../../lib/search/normalize';
import { hostileString, numRuns } from '../support/search';

describe('normalizeText', () => {
  it('trims, folds case and width, and drops punctuation, emoji and invisible characters', () => {
    expect(normalizeText('  ＺＨＡＮＧ\u200b san😀 ')).toBe('zhangsan');
    expect(normalizeText('\u202e张\u200d三\ufeff')).toBe('张三');
    expect(normalizeText('tb_88-47')).toBe('tb8847');
  });

  it('composes a letter with a mark freed by dropping a spacing character', () => {
    expect(normalizeText('i˘')).toBe('\u012d');
  });

  it('reads only a bounded head of a huge string', () => {
    expect(normalizeText('a'.repeat(10_000))).toBe('a'.repeat(MAX_TEXT_CHARS));
    expect(normalizeText(42)).toBe('');
  });

  it('is idempotent and yields well-formed, bounded, lower-case text (property)', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
        expect(once.isWellFormed()).toBe(true);
        expect([...once].length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
        expect(once).toBe(once.toLowerCase());
      }),
      { numRuns },
    );
  });
});

describe('normalizeOrderId', () => {
  it('keeps ASCII letters and digits only', () => {
    expect(normalizeOrderId('#1001')).toBe('1001');
    expect(normalizeOrderId('Ｎｏ.SO-1001')).toBe('noso1001');
  });
});
