import { describe, expect, it } from 'vitest';

import { pageAfter } from '../../../../shared/domain/arm/list-page';

const key = (item: string) => item.toLowerCase();

describe('list pages', () => {
  it('When items outnumber the page, then pages come in key order and chain by the last key until none is left', () => {
    const items = ['d', 'B', 'a', 'e', 'c'];
    const first = pageAfter(items, key, undefined, 2);
    expect(first).toEqual({ items: ['a', 'B'], continueAfter: 'b' });
    const second = pageAfter(items, key, first.continueAfter, 2);
    expect(second).toEqual({ items: ['c', 'd'], continueAfter: 'd' });
    expect(pageAfter(items, key, second.continueAfter, 2)).toEqual({
      items: ['e'],
      continueAfter: undefined,
    });
  });

  it('When the last page is exactly full, then it says no more are left', () => {
    expect(pageAfter(['a', 'b'], key, undefined, 2)).toEqual({ items: ['a', 'b'], continueAfter: undefined });
    expect(pageAfter([], key, undefined, 2)).toEqual({ items: [], continueAfter: undefined });
  });

  it('When an item is added before the last key served, then the next page neither repeats nor skips', () => {
    const first = pageAfter(['b', 'c', 'd'], key, undefined, 2);
    expect(pageAfter(['a', 'b', 'c', 'd'], key, first.continueAfter, 2).items).toEqual(['d']);
  });
});
