/** The Azure-like mode's settings and its seeded randomness, without a dev host. */
import { describe, expect, it } from 'vitest';

import { describeFidelity, parseFidelityOptions } from '../../devhost/config/fidelity-options';
import { RandomSignalScheduling } from '../../devhost/durable/signal-scheduling';
import { randomStream } from '../../devhost/fidelity/seeded-random';

const draws = (seed: number, name: string, count = 20) => {
  const stream = randomStream(seed, name);
  return Array.from({ length: count }, () => stream.next());
};

describe('DEVHOST_FIDELITY settings', () => {
  it('When nothing is set, then the mode is local', () => {
    expect(parseFidelityOptions({})).toEqual({ mode: 'local' });
    expect(describeFidelity(parseFidelityOptions({}))).toBe('fidelity: local');
  });

  it('When the mode is azure, then the defaults apply and the seed is read', () => {
    const options = parseFidelityOptions({ DEVHOST_FIDELITY: 'Azure', DEVHOST_FIDELITY_SEED: '42' });
    expect(options).toEqual({
      mode: 'azure',
      seed: 42,
      signalDelayMaxMs: 3_000,
      duplicateProbability: 0.2,
      staleReadMaxMs: 2_000,
    });
    expect(describeFidelity(options)).toBe('fidelity: azure, seed: 42');
  });

  it('When a setting is out of range, then the dev host refuses to start', () => {
    expect(() => parseFidelityOptions({ DEVHOST_FIDELITY: 'cloud' })).toThrow(/local or azure/);
    expect(() =>
      parseFidelityOptions({ DEVHOST_FIDELITY: 'azure', DEVHOST_FIDELITY_DUPLICATE_PROBABILITY: '2' }),
    ).toThrow();
    expect(() => parseFidelityOptions({ DEVHOST_FIDELITY: 'azure', DEVHOST_FIDELITY_SEED: '-1' })).toThrow();
  });
});

describe('seeded random streams', () => {
  it('When a stream is drawn twice from one seed, then it gives the same sequence; another seed or stream gives another', () => {
    expect(draws(7, 'w0:client-signals')).toEqual(draws(7, 'w0:client-signals'));
    expect(draws(8, 'w0:client-signals')).not.toEqual(draws(7, 'w0:client-signals'));
    expect(draws(7, 'w1:client-signals')).not.toEqual(draws(7, 'w0:client-signals'));
    for (const value of draws(7, 'range', 1_000)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('When client signals are planned, then delays stay within the maximum and duplicates come at about the set rate', () => {
    const fidelity = {
      mode: 'azure' as const,
      seed: 1,
      signalDelayMaxMs: 1_500,
      duplicateProbability: 0.2,
      staleReadMaxMs: 0,
    };
    const scheduling = new RandomSignalScheduling(
      fidelity,
      randomStream(1, 'client'),
      randomStream(1, 'entity'),
    );
    const plans = Array.from({ length: 2_000 }, () => scheduling.forClientSignal());
    for (const plan of plans) {
      expect(plan.delayMs).toBeGreaterThanOrEqual(0);
      expect(plan.delayMs).toBeLessThanOrEqual(1_500);
    }
    const duplicated = plans.filter((plan) => plan.duplicateDelayMs !== undefined).length / plans.length;
    expect(duplicated).toBeGreaterThan(0.15);
    expect(duplicated).toBeLessThan(0.25);
  });
});
