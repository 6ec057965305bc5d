/**
 * Command-line options of the soak run (`npm run soak -- --minutes 2 --json soak.json`).
 */
import { parseArgs } from 'node:util';

import { z } from 'zod';

import { newSeed } from '../../devhost/fidelity/seeded-random';

export interface SoakOptions {
  minutes: number;
  /** Where to write the JSON report, if anywhere. */
  jsonPath: string | undefined;
  /** Seeds both the traffic and the dev host's DEVHOST_FIDELITY_SEED. */
  seed: number;
  workers: number;
  /** Concurrent traffic lanes (each has at most a few operations in flight). */
  lanes: number;
  /** Estates (subscriptions) seeded at the start; more are added as scopes end Committed. */
  estates: number;
  /** An operation still open this long after it was requested breaks the deadline invariant. */
  deadlineSeconds: number;
  signalDelayMs: number;
  staleReadMs: number;
  duplicateProbability: number;
}

const positive = z.coerce.number().positive();
const count = z.coerce.number().int().positive();

export function parseSoakOptions(argv: readonly string[]): SoakOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      minutes: { type: 'string', default: '10' },
      json: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string', default: '2' },
      lanes: { type: 'string', default: '4' },
      estates: { type: 'string', default: '4' },
      'deadline-seconds': { type: 'string', default: '180' },
      'signal-delay-ms': { type: 'string', default: '3000' },
      'stale-read-ms': { type: 'string', default: '2000' },
      'duplicate-probability': { type: 'string', default: '0.2' },
    },
    allowPositionals: false,
    strict: true,
  });
  return {
    minutes: positive.parse(values.minutes),
    jsonPath: values.json,
    seed:
      values.seed === undefined
        ? newSeed()
        : z.coerce.number().int().min(0).max(4_294_967_295).parse(values.seed),
    workers: count.parse(values.workers),
    lanes: count.parse(values.lanes),
    estates: count.parse(values.estates),
    deadlineSeconds: positive.parse(values['deadline-seconds']),
    signalDelayMs: z.coerce.number().int().min(0).parse(values['signal-delay-ms']),
    staleReadMs: z.coerce.number().int().min(0).parse(values['stale-read-ms']),
    duplicateProbability: z.coerce.number().min(0).max(1).parse(values['duplicate-probability']),
  };
}
