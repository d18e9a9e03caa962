// @vitest-environment jsdom
/**
 * Privacy by default: the popup's customer card shows the receiver's phone and address masked
 * unless the seller turned on showPersonalData. Whatever the format of the number (spaces,
 * dashes, +86, a platform's own partial mask) and whatever the address.
 */
import { cleanup, render } from '@testing-library/preact';
import fc from 'fast-check';
import { CustomerCard } from '../../components/popup/CustomerCard';
import { DEFAULT_SETTINGS, Settings } from '../../lib/settings';
import { customer, orders, view } from '../support/popup-fixtures';

afterEach(cleanup);

function card(phone: string, region: string, show: boolean): string {
  cleanup();
  const { container } = render(
    <CustomerCard
      lang="zh_CN"
      settings={show ? Settings.parse({ showPersonalData: true }) : DEFAULT_SETTINGS}
      customer={customer}
      view={view}
      shopName="小店"
      orders={orders.map((o) => ({ ...o, receiverPhone: phone, region }))}
      contacts={[]}
      meta={{ tags: [], note: '', blacklisted: false, blacklistReason: '' }}
      knownTags={[]}
      onBack={() => undefined}
      onTags={() => undefined}
      onNote={() => undefined}
      onBlacklist={() => undefined}
      onForget={() => undefined}
    />,
  );
  return container.textContent ?? '';
}

const phone = fc
  .tuple(
    fc.constantFrom('13', '15', '18', '19'),
    fc.stringMatching(/^\d{9}$/),
    fc.constantFrom('', '+86 ', '+86-', '0086'),
    fc.constantFrom('', ' ', '-'),
  )
  .map(([head, rest, prefix, sep]) => {
    const digits = head + rest;
    return {
      digits,
      text: `${prefix}${digits.slice(0, 3)}${sep}${digits.slice(3, 7)}${sep}${digits.slice(7)}`,
    };
  });
// Distinct characters, so the hidden tail cannot also be a piece of the shown head.
const region = fc
  .uniqueArray(
    fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
    {
      minLength: 10,
      maxLength: 40,
    },
  )
  .map((cs) => cs.join(''));

describe('customer card: phone and address', () => {
  it('are masked by default, whatever their format (property)', () => {
    fc.assert(
      fc.property(phone, region, ({ digits, text }, address) => {
        const shown = card(text, address, false);
        // Neither the number as given nor its digits; the middle four never.
        expect(shown).not.toContain(text);
        expect(shown.replace(/\D/g, ' ')).not.toContain(digits);
        // (With +86 the shown head is "861": cosmetic, noted in SECURITY.md; the middle is hidden.)
        expect(shown).toMatch(new RegExp(`\\d{3}\\*{4}${digits.slice(-4)}`));
        expect(shown).not.toContain(digits.slice(3, 7) + digits.slice(7));
        expect(shown).not.toContain(address);
        expect(shown).not.toContain(address.slice(6));
        expect(shown).toContain(`${address.slice(0, 6)}****`);
      }),
      { numRuns: 100 },
    );
  });

  it('are shown in full only when the seller chose to', () => {
    const shown = card('139 1234 8765', '浙江省杭州市西湖区文三路 100 号', true);
    expect(shown).toContain('139 1234 8765');
    expect(shown).toContain('浙江省杭州市西湖区文三路 100 号');
  });
});
