/**
 * The message on the `chat-progress` storage queue: check one chat operation's progress, post it if it
 * changed, and check again later. Base64-encoded JSON, as the Functions queue trigger expects.
 */
import { z } from 'zod';

export const progressTickSchema = z.object({
  v: z.literal(1),
  operationId: z.string().min(1),
});
export type ProgressTick = z.infer<typeof progressTickSchema>;
