/**
 * Chat's answer to an admission result (use-cases/request-operation): accepted (with where the
 * follow-ups go), or why not — not registered, no such scope (did you mean …?), an invalid request, a
 * refusal by the scope's state with the next step, or a queue that could not be reached.
 */
import type { ChatReply, ReplyVisibility } from '../../domain/chat/chat-reply';
import { problemReply } from '../../domain/chat/chat-reply';
import { commandText, operationTitle, targetLabel } from '../../domain/chat/chat-text';
import { nextCommands } from '../../domain/chat/next-steps';
import { acceptedReply } from '../../domain/chat/operation-replies';
import type { MigrationOperation } from '../../domain/migration/migration-state';
import type { ScopeRef } from '../../domain/scope/scope';
import type { AdmissionResult } from '../request-operation/operation-request';
import type { NotFoundHelp } from './resolve-target';

export function admissionReply(
  result: AdmissionResult,
  request: { scope: ScopeRef; operation: MigrationOperation; visibility: ReplyVisibility },
  followUp: 'here' | 'channel' | 'none',
  notFound?: NotFoundHelp,
): ChatReply {
  const { scope, operation } = request;
  const label = targetLabel(scope);
  switch (result.kind) {
    case 'started':
    case 'existing':
      return acceptedReply(
        { operationId: result.operation.operationId, operation, target: scope },
        request.visibility,
        result.kind === 'existing',
        followUp,
      );
    case 'notRegistered':
      return problemReply(
        'Subscription not registered for migration',
        `${result.refusal.message} ${result.refusal.recommendation}`,
      );
    case 'notFound':
      return problemReply(
        `No ${label}`,
        `${result.message} (subscription ${scope.subscriptionId}). ${notFound?.text ?? ''}`.trim(),
        notFound?.next ?? [],
      );
    case 'invalid':
      return problemReply(
        `${operationTitle(operation)} ${label}: not valid`,
        `${result.code}: ${result.message}`,
      );
    case 'refused': {
      const pending = result.pending
        ? ` The ${result.pending.operation} operation \`${result.pending.operationId}\` has not finished yet; try again when it has.`
        : result.retryable
          ? ' Try again when the running operation has finished.'
          : '';
      return problemReply(
        `${operationTitle(operation)} ${label}: refused (${result.code})`,
        `${result.message}${pending} The scope is ${result.state}.`,
        result.retryable ? [commandText('status', scope)] : nextCommands(result.state, scope),
      );
    }
    case 'enqueueFailed':
      return problemReply(`${operationTitle(operation)} ${label}: not queued`, result.message);
  }
}
