/** Messages between the primary and its worker processes (validated on receipt: IPC is a process boundary). */
import { z } from 'zod';

export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('failed'), error: z.string() }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

export const primaryMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('serving') }),
  z.object({ type: z.literal('shutdown'), graceMs: z.number() }),
]);
export type PrimaryMessage = z.infer<typeof primaryMessageSchema>;

/** Asks the Azurite launcher to stop Azurite (not Azurite's own 'shutdown', which its CLI would act on too). */
export const stopAzuriteMessage = 'devhost:stop-azurite';
