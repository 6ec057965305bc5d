import { describe, expect, it } from 'vitest';

import { SizeBoundedCache } from '../../../../shared/use-cases/inventory-cache/size-bounded-cache';

const sized = (value: string, bytes: number) => () => Promise.resolve({ value, bytes });

describe('SizeBoundedCache', () => {
  it('When a key is asked for again, then the kept value is answered without computing it again', async () => {
    const cache = new SizeBoundedCache<string>(100);
    let computed = 0;
    const compute = () => {
      computed++;
      return Promise.resolve({ value: 'a', bytes: 10 });
    };
    expect(await cache.getOrCompute('k', compute)).toBe('a');
    expect(await cache.getOrCompute('k', compute)).toBe('a');
    expect(computed).toBe(1);
  });

  it('When callers ask for a key while it is computed, then they share the one computation', async () => {
    const cache = new SizeBoundedCache<string>(100);
    let computed = 0;
    let finish: (value: { value: string; bytes: number }) => void = () => undefined;
    const compute = () => {
      computed++;
      return new Promise<{ value: string; bytes: number }>((resolve) => (finish = resolve));
    };
    const first = cache.getOrCompute('k', compute);
    const second = cache.getOrCompute('k', compute);
    finish({ value: 'shared', bytes: 1 });
    expect(await Promise.all([first, second])).toEqual(['shared', 'shared']);
    expect(computed).toBe(1);
  });

  it('When the kept values outgrow the bound, then the least recently used go first', async () => {
    const cache = new SizeBoundedCache<string>(100);
    await cache.getOrCompute('a', sized('a', 40));
    await cache.getOrCompute('b', sized('b', 40));
    await cache.getOrCompute('a', sized('unused', 40)); // a is now the most recently used
    await cache.getOrCompute('c', sized('c', 40));
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(cache.bytes).toBe(80);
  });

  it('When a value is larger than the whole bound, then it is answered but not kept', async () => {
    const cache = new SizeBoundedCache<string>(100);
    await cache.getOrCompute('small', sized('s', 10));
    expect(await cache.getOrCompute('huge', sized('h', 1000))).toBe('h');
    expect(cache.keys()).toEqual(['small']);
  });

  it('When a computation fails, then the failure is not kept and the next caller computes again', async () => {
    const cache = new SizeBoundedCache<string>(100);
    await expect(cache.getOrCompute('k', () => Promise.reject(new Error('storage down')))).rejects.toThrow(
      'storage down',
    );
    expect(await cache.getOrCompute('k', sized('recovered', 1))).toBe('recovered');
  });
});
