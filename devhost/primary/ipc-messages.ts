/** Messages between the primary and its worker processes (validated on receipt: IPC is a process boundary). */
import { z } from 'zod';

import { hostStatsSchema, processStatsSchema } from '../stats/host-stats';

export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('failed'), error: z.string() }),
  /** A worker serving `GET /admin/host/stats` asks the primary for the whole host's figures. */
  z.object({ type: z.literal('statsRequest'), requestId: z.string() }),
  /** A worker's own figures, answering `statsQuery`. */
  z.object({ type: z.literal('stats'), requestId: z.string(), process: processStatsSchema }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

export const primaryMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('serving') }),
  z.object({ type: z.literal('shutdown'), graceMs: z.number() }),
  z.object({ type: z.literal('statsQuery'), requestId: z.string() }),
  z.object({ type: z.literal('statsReply'), requestId: z.string(), stats: hostStatsSchema }),
]);
export type PrimaryMessage = z.infer<typeof primaryMessageSchema>;

/** Asks the Azurite launcher to stop Azurite (not Azurite's own 'shutdown', which its CLI would act on too). */
export const stopAzuriteMessage = 'devhost:stop-azurite';
