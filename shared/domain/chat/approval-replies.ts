/** Replies of the two-person rule: a commit waiting for a second approver. Pure. */
import { type ChatReply, chatReply } from './chat-reply';
import { targetLabel, type TargetLike } from './chat-text';
import { when } from './scope-replies';

export function pendingApprovalReply(input: {
  code: string;
  target: TargetLike;
  requestedBy: string;
  expiresAt: string;
  minutes: number;
}): ChatReply {
  return chatReply({
    // Our choice: in the channel, so a second approver sees the code.
    visibility: 'inChannel',
    tone: 'warning',
    title: `Commit ${targetLabel(input.target)}: waiting for a second approver`,
    text: `Waiting for a second approver: \`approve ${input.code}\` within ${input.minutes} minutes. Commit cannot be undone.`,
    facts: [
      { label: 'Requested by', value: input.requestedBy },
      { label: 'Expires', value: when(input.expiresAt) },
    ],
    next: [`approve ${input.code}`],
  });
}
