import { conversionLadder } from '../../lib/customers';
import { DAY, NOW, customerWith, makeCustomer } from '../support/make-customer';

describe('conversion ladder', () => {
  it('counts customers by purchases and the 1→2, 2→3, 3→4 rates', () => {
    const shop = [
      makeCustomer([]), // ordered, never paid
      ...Array.from({ length: 6 }, () => customerWith([10])),
      customerWith([20, 10]),
      customerWith([20, 10]),
      customerWith([30, 20, 10]),
      customerWith([40, 30, 20, 10, 5]),
    ];
    const ladder = conversionLadder(shop);
    expect(ladder.counts).toEqual([1, 6, 2, 1, 0, 1]);
    // ≥1: 10, ≥2: 4, ≥3: 2, ≥4: 1
    expect(ladder.rates).toEqual([
      { from: 1, to: 2, rate: 0.4 },
      { from: 2, to: 3, rate: 0.5 },
      { from: 3, to: 4, rate: 0.5 },
    ]);
  });

  it('reports 0 rates rather than NaN for an empty shop', () => {
    expect(conversionLadder([])).toEqual({
      counts: [0],
      rates: [
        { from: 1, to: 2, rate: 0 },
        { from: 2, to: 3, rate: 0 },
        { from: 3, to: 4, rate: 0 },
      ],
    });
  });

  it('honours merging of same-day purchases when asked', () => {
    const c = makeCustomer([{ at: NOW - DAY }, { at: NOW - DAY + 60_000 }]);
    expect(conversionLadder([c]).counts).toEqual([0, 0, 1]);
    expect(conversionLadder([c], { mergeSameDayPurchases: true }).counts).toEqual([0, 1]);
  });
});
