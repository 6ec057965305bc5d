/**
 * The operation id a chat request starts, derived from its idempotency key: the same request (a Slack
 * retry, a redelivered Teams activity, a second `approve` of one code) always names the same operation,
 * and the conversation can be stored under that id before admission runs — so an outcome that comes
 * back fast always finds where to go. A UUID in form (version 8: custom), from SHA-256 (our choice).
 */
import { createHash } from 'node:crypto';

export function chatOperationId(subscriptionId: string, idempotencyKey: string): string {
  const hex = createHash('sha256')
    .update(`${subscriptionId.toLowerCase()}\n${idempotencyKey}`, 'utf8')
    .digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
