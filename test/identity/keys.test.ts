/**
 * buyerIdFor against a table written from the rules (strongest evidence wins; masked
 * nicks never key a buyer; display names stay apart unless the receiver agrees), and
 * isUncertain against the "uncertain buyers are not new buyers".
 */
import { buyerIdFor, type BuyerEvidence } from '../../lib/keys';
import { isUncertain, kindOf, strongerIdentity } from '../../lib/identity';

const base: BuyerEvidence = { nick: '', orderId: '4261125101000000301' };

describe('buyerIdFor: the strongest key the page gives, and its kind', () => {
  const table: [string, Partial<BuyerEvidence>, string, string][] = [
    ['platform id beats everything', { platformBuyerId: '2200000000001', token: 'AAA', email: 'a@b.cn', nick: '甲**' }, 'id:2200000000001', 'platform'],
    ['e-mail beats a nick', { email: ' Buyer@Example.COM ', nick: 'tb_test_buyer01' }, 'mail:buyer@example.com', 'email'],
    ['a masked e-mail is no e-mail', { email: 'b***@example.com', nick: 'tb_test_buyer01' }, 'nick:tb_test_buyer01', 'nick'],
    ['an unmasked account nick beats a token', { token: 'AAA', nick: 'tb_test_buyer01' }, 'nick:tb_test_buyer01', 'nick'],
    ['a masked nick with a token: the token', { token: 'AAAAtokenOne', nick: '甲**' }, 'tok:AAAAtokenOne', 'token'],
    ['a masked nick alone: nothing', { nick: '甲**' }, 'order:4261125101000000301', 'none'],
    ['an empty nick alone: nothing', { nick: '  ' }, 'order:4261125101000000301', 'none'],
    ['a display name alone stands with its order', { nick: '张伟', nameOnly: true }, 'name:张伟|order:4261125101000000301', 'name'],
    ['a display name with a receiver', { nick: '张伟', nameOnly: true, receiver: '张伟  138****0000' }, 'name:张伟|r:张伟 138****0000', 'name'],
    ['a display name with a token: the token', { nick: '张伟', nameOnly: true, token: 'T1' }, 'tok:T1', 'token'],
  ]; // prettier-ignore
  test.each(table)('%s', (_, ev, buyerId, identity) => {
    expect(buyerIdFor({ ...base, ...ev })).toEqual({ buyerId, identity });
  });

  test('two 张伟 with different receivers are two buyers; the same receiver joins them', () => {
    const a = buyerIdFor({
      nick: '张伟',
      nameOnly: true,
      receiver: '张伟 138****0001',
      orderId: '1',
    });
    const b = buyerIdFor({
      nick: '张伟',
      nameOnly: true,
      receiver: '张伟 139****0002',
      orderId: '2',
    });
    const c = buyerIdFor({
      nick: '张伟',
      nameOnly: true,
      receiver: '张伟 138****0001',
      orderId: '3',
    });
    const d = buyerIdFor({ nick: '张伟', nameOnly: true, orderId: '4' });
    const e = buyerIdFor({ nick: '张伟', nameOnly: true, orderId: '5' });
    expect(a.buyerId).not.toBe(b.buyerId);
    expect(a.buyerId).toBe(c.buyerId);
    expect(d.buyerId).not.toBe(e.buyerId);
  });

  test('an over-long token is bounded and still tells two tokens apart', () => {
    const long = 'x'.repeat(500);
    const a = buyerIdFor({ ...base, nick: '甲**', token: `${long}a` });
    const b = buyerIdFor({ ...base, nick: '甲**', token: `${long}b` });
    expect(a.buyerId.length).toBeLessThanOrEqual(220);
    expect(a.buyerId).not.toBe(b.buyerId);
  });
});

describe('isUncertain', () => {
  // [identity, purchases, token verdict, uncertain?]
  const table: [string, number, 'yes' | 'unknown' | 'no', boolean][] = [
    ['platform', 1, 'unknown', false],
    ['nick', 1, 'no', false],
    ['known', 1, 'unknown', false], // stored before v4
    ['none', 5, 'yes', true],
    ['masked', 1, 'yes', true], // stored before v4
    ['token', 1, 'unknown', true],
    ['token', 2, 'unknown', false], // the token came back: that is the proof
    ['token', 1, 'yes', false],
    ['token', 3, 'no', true],
    ['name', 1, 'yes', true],
    ['name', 2, 'unknown', false],
  ];
  test.each(table)('%s with %i purchases, tokens %s -> %s', (identity, n, verdict, expected) => {
    expect(isUncertain(identity as never, n, verdict)).toBe(expected);
  });

  test('legacy values read as their v4 kinds; the stronger identity wins a join', () => {
    expect(kindOf('known')).toBe('nick');
    expect(kindOf('masked')).toBe('none');
    expect(strongerIdentity('token', 'nick')).toBe('nick');
    expect(strongerIdentity('platform', 'email')).toBe('platform');
    expect(strongerIdentity('name', 'none')).toBe('name');
  });
});
