import { describe, expect, it } from 'vitest';

import { estimateDuration } from '../../../../shared/domain/plan/duration-estimate';

describe('estimateDuration', () => {
  it('When one VM migrates, then it reproduces the recorded Azure session (Prepare 12.5 min, Commit 6.5 min)', () => {
    const estimate = estimateDuration(1, 6);
    expect(estimate.prepareMinutes).toBe(12.5);
    expect(estimate.commitMinutes).toBe(6.5);
    expect(estimate.abortMinutes).toBe(6.5);
  });

  it('When a few tens of VMs migrate, then Prepare takes about an hour, as the FAQ says', () => {
    const estimate = estimateDuration(30, 120);
    expect(estimate.prepareMinutes).toBeGreaterThan(45);
    expect(estimate.prepareMinutes).toBeLessThan(75);
  });

  it('When 300 VMs migrate, then Prepare takes about three hours', () => {
    expect(estimateDuration(300, 900).prepareMinutes).toBeCloseTo(180, 0);
  });

  it('When the scope writes more ARM resources than the throttle allows per hour, then the throttle sets the pace', () => {
    const estimate = estimateDuration(10, 6000);
    expect(estimate.throttled).toBe(true);
    expect(estimate.prepareMinutes).toBe(300);
  });

  it('When the estimate passes 24 hours, then it says Azure would time out', () => {
    expect(estimateDuration(5, 30_000).exceedsTimeout).toBe(true);
    expect(estimateDuration(5, 30).exceedsTimeout).toBe(false);
  });

  it('When the scope has no VMs, then it takes the one-VM baseline', () => {
    expect(estimateDuration(0, 1)).toEqual(estimateDuration(1, 1));
  });

  it('When VMs are added, then no duration ever shrinks', () => {
    let previous = estimateDuration(1, 0);
    for (let n = 2; n <= 500; n += 7) {
      const next = estimateDuration(n, 0);
      expect(next.prepareMinutes).toBeGreaterThanOrEqual(previous.prepareMinutes);
      expect(next.commitMinutes).toBeGreaterThanOrEqual(previous.commitMinutes);
      previous = next;
    }
  });
});
