/**
 * How closely the dev host imitates Azure's delivery semantics (`DEVHOST_FIDELITY`):
 * - `local` (default): entity signals applied in order, exactly once, within milliseconds; reads are fresh;
 *   session locks renewed for as long as a handler runs.
 * - `azure`: what the real Durable engine and Service Bus allow (see devhost/README.md, "Azure-like mode"):
 *   client signals delayed at random and unordered, sometimes delivered twice; entity reads lag behind the
 *   applied state; session locks renewed only up to host.json `maxAutoLockRenewalDuration`, then lost.
 *   (Message and session ids over 128 characters are refused in both modes, by LocalServiceBusClient.)
 * The random choices come from `DEVHOST_FIDELITY_SEED` (a fresh one, logged, when unset).
 */
import { z } from 'zod';

export interface AzureFidelity {
  mode: 'azure';
  /** Undefined until the primary picks one; workers always get it from the primary. */
  seed: number | undefined;
  /** Client signals are delivered after a uniform delay in [0, this] ms. */
  signalDelayMaxMs: number;
  /** Probability that a client signal is delivered (and applied) twice. */
  duplicateProbability: number;
  /** A new entity state becomes readable a uniform [0, this] ms after it was written. */
  staleReadMaxMs: number;
}

export type FidelityOptions = { mode: 'local' } | AzureFidelity;

export const fidelityDefaults = {
  signalDelayMaxMs: 3_000,
  duplicateProbability: 0.2,
  staleReadMaxMs: 2_000,
} as const;

const milliseconds = z.coerce.number().int().min(0).max(600_000);

export function parseFidelityOptions(env: NodeJS.ProcessEnv): FidelityOptions {
  const mode = z
    .enum(['local', 'azure'], { error: 'DEVHOST_FIDELITY must be local or azure.' })
    .parse((env.DEVHOST_FIDELITY ?? 'local').trim().toLowerCase() || 'local');
  if (mode === 'local') return { mode };
  const seed = nonEmpty(env.DEVHOST_FIDELITY_SEED);
  return {
    mode,
    seed: seed === undefined ? undefined : z.coerce.number().int().min(0).max(4_294_967_295).parse(seed),
    signalDelayMaxMs: milliseconds.parse(
      nonEmpty(env.DEVHOST_FIDELITY_SIGNAL_DELAY_MS) ?? fidelityDefaults.signalDelayMaxMs,
    ),
    duplicateProbability: z.coerce
      .number()
      .min(0)
      .max(1)
      .parse(nonEmpty(env.DEVHOST_FIDELITY_DUPLICATE_PROBABILITY) ?? fidelityDefaults.duplicateProbability),
    staleReadMaxMs: milliseconds.parse(
      nonEmpty(env.DEVHOST_FIDELITY_STALE_READ_MS) ?? fidelityDefaults.staleReadMaxMs,
    ),
  };
}

/** The start-up log's words for the mode, e.g. `fidelity: azure, seed: 42`. */
export function describeFidelity(fidelity: FidelityOptions): string {
  if (fidelity.mode === 'local') return 'fidelity: local';
  return `fidelity: azure, seed: ${fidelity.seed ?? 'unset'}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
