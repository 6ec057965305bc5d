import { describe, expect, it } from 'vitest';

import { EtagRowCache } from '../../../../shared/adapters/tables/etag-row-cache';

describe('EtagRowCache', () => {
  it('When a row is asked for at another ETag, or without one, then nothing kept is returned', () => {
    const cache = new EtagRowCache<{ name: string }>(10);
    cache.set('p', 'r', 'W/"1"', { name: 'old' });
    expect(cache.get('p', 'r', 'W/"1"')).toEqual({ name: 'old' });
    expect(cache.get('p', 'r', 'W/"2"')).toBeUndefined();
    expect(cache.get('p', 'r', undefined)).toBeUndefined();
    expect(cache.get('other', 'r', 'W/"1"')).toBeUndefined();
  });

  it('When more rows are kept than allowed, then the least recently used go first', () => {
    const cache = new EtagRowCache<number>(2);
    cache.set('p', 'a', 'e', 1);
    cache.set('p', 'b', 'e', 2);
    cache.get('p', 'a', 'e');
    cache.set('p', 'c', 'e', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('p', 'b', 'e')).toBeUndefined();
    expect(cache.get('p', 'a', 'e')).toBe(1);
    expect(cache.get('p', 'c', 'e')).toBe(3);
  });

  it('When a value is kept, then it is frozen, nested values included', () => {
    const cache = new EtagRowCache<{ roles: { name: string }[] }>(10);
    const kept = cache.set('p', 'r', 'e', { roles: [{ name: 'web' }] });
    expect(() => {
      (kept.roles[0] as { name: string }).name = 'changed';
    }).toThrow(TypeError);
  });
});
