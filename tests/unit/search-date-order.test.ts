import { describe, expect, it } from 'vitest';
import { dateOrder, orderByDate } from '../../src/lib/search/date-order.ts';

describe('date order', () => {
  const pages = [
    { id: 'en_c', date: '2017-11-14' },
    { id: 'en_a', date: '2017-10' },
    { id: 'en_b', date: '2017-11-14' },
    { id: 'en_d', date: '2017' },
  ];

  it('lists pages oldest first, pages of one date by id, whatever order they come in', () => {
    expect(dateOrder(pages)).toEqual(['en_d', 'en_a', 'en_b', 'en_c']);
    expect(dateOrder([...pages].reverse())).toEqual(dateOrder(pages));
  });

  it('orders results both ways and, like a Pagefind sort, leaves out undated ones', () => {
    const ids = dateOrder(pages);
    const results = [{ id: 'en_b', score: 1 }, { id: 'en_undated', score: 9 }, { id: 'en_d', score: 2 }, { id: 'en_c', score: 3 }];
    expect(orderByDate(results, ids, 'asc').map((r) => r.id)).toEqual(['en_d', 'en_b', 'en_c']);
    expect(orderByDate(results, ids, 'desc').map((r) => r.id)).toEqual(['en_c', 'en_b', 'en_d']);
    expect(results.map((r) => r.id)).toEqual(['en_b', 'en_undated', 'en_d', 'en_c']);
  });
});
