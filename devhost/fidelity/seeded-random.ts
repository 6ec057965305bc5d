/**
 * Reproducible randomness for the Azure-like mode: a seeded PRNG (mulberry32, 32-bit state) and named
 * streams derived from one seed, so that each kind of choice (signal delays, duplicates, read lag) and each
 * worker draws from its own sequence. A stream's draws depend only on (seed, stream name) and how many draws
 * came before on it, never on the other streams or on timing.
 */

export interface RandomSource {
  /** A float in [0, 1). */
  next(): number;
}

/** mulberry32: small, fast, and good enough to pick delays; not for anything secret. */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    },
  };
}

/** The stream `name` of `seed`: the seed mixed with the name's FNV-1a hash. */
export function randomStream(seed: number, name: string): RandomSource {
  let hash = 0x811c9dc5;
  for (const char of `${seed >>> 0}:${name}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return mulberry32(hash);
}

/** An integer in [0, max] (both ends included). */
export function drawInteger(source: RandomSource, max: number): number {
  return Math.floor(source.next() * (Math.max(0, Math.floor(max)) + 1));
}

/** True with probability `p`. */
export function drawChance(source: RandomSource, p: number): boolean {
  return source.next() < p;
}

/** A fresh seed for a run that named none (logged, so the run can be repeated). */
export function newSeed(): number {
  return Math.floor(Math.random() * 4_294_967_296) >>> 0;
}
