/**
 * The two-person rule for Commit (COMMIT_REQUIRES_SECOND_APPROVER): an approver's commit waits, under a
 * short code, until a DIFFERENT approver sends `approve <code>` before it expires (CHAT_APPROVAL_MINUTES,
 * 30 by default) — the spirit of Atlantis' `approved` requirement. Codes: 6 characters without look-alikes
 * (our choice). Pure.
 */
import { z } from 'zod';

import { scopeRefSchema } from '../scope/scope';
import { chatIdentity, chatPlatformSchema, type ChatUser, samePerson } from './chat-user';

const person = z.object({ platform: chatPlatformSchema, id: z.string(), name: z.string().optional() });

export const pendingApprovalSchema = z.object({
  code: z.string(),
  operation: z.literal('commit'),
  scope: scopeRefSchema,
  requester: person,
  channelId: z.string(),
  visibility: z.enum(['ephemeral', 'inChannel']),
  responseUrl: z.string().optional(),
  createdAt: z.string(),
  expiresAt: z.string(),
  approver: person.optional(),
  approvedAt: z.string().optional(),
  operationId: z.string().optional(),
});
export type PendingApproval = z.infer<typeof pendingApprovalSchema>;

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const approvalCodeLength = 6;

/** A code from a random UUID (30 of its random bits). */
export function approvalCodeFrom(uuid: string): string {
  const hex = uuid.replace(/[^0-9a-f]/gi, '');
  let value = Number.parseInt(hex.slice(0, 8), 16) >>> 0;
  let code = '';
  for (let i = 0; i < approvalCodeLength; i++) {
    code += alphabet.charAt(value % alphabet.length);
    value = Math.floor(value / alphabet.length);
  }
  return code;
}

export type ApprovalDecision =
  | { kind: 'approve'; approval: PendingApproval }
  /** Approved before: answer with the operation it started. */
  | { kind: 'alreadyApproved'; approval: PendingApproval }
  | { kind: 'refuse'; code: 'ApprovalExpired' | 'SameApprover'; message: string };

/** May `approver` (already known to hold the approver role) approve this commit now? */
export function decideApproval(approval: PendingApproval, approver: ChatUser, now: Date): ApprovalDecision {
  if (approval.approver) return { kind: 'alreadyApproved', approval };
  if (now.getTime() > Date.parse(approval.expiresAt)) {
    return {
      kind: 'refuse',
      code: 'ApprovalExpired',
      message: `Approval code ${approval.code} expired at ${approval.expiresAt}. Ask for the commit again.`,
    };
  }
  if (samePerson(approval.requester, approver)) {
    return {
      kind: 'refuse',
      code: 'SameApprover',
      message: `You asked for this commit; the two-person rule needs a different approver to send \`approve ${approval.code}\`.`,
    };
  }
  return {
    kind: 'approve',
    approval: {
      ...approval,
      approver: {
        platform: approver.platform,
        id: approver.id,
        ...(approver.name ? { name: approver.name } : {}),
      },
      approvedAt: now.toISOString(),
    },
  };
}

export const requesterIdentity = (approval: PendingApproval) => chatIdentity(approval.requester);
