import { describe, expect, it } from 'vitest';

import { forEachLimit } from '../../../shared/domain/concurrency';

describe('forEachLimit', () => {
  it('When items run, then each runs once and never more than the limit at a time', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachLimit([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(item);
      running--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('When an item fails, then the whole rejects with its error', async () => {
    await expect(
      forEachLimit([1, 2, 3], 2, (item) =>
        item === 2 ? Promise.reject(new Error('two failed')) : Promise.resolve(),
      ),
    ).rejects.toThrow('two failed');
  });

  it('When there are no items, then nothing runs', async () => {
    let ran = false;
    await forEachLimit([], 4, () => {
      ran = true;
      return Promise.resolve();
    });
    expect(ran).toBe(false);
  });
});
