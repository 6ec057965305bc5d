/**
 * Replies about one operation: accepted (the acknowledgement), progress (the follow-ups while it runs:
 * state, step, done/total, ETA) and the outcome (findings with recommendations, IP changes made, the
 * next step). Pure.
 */
import type { MigrationOperation, MigrationState } from '../migration/migration-state';
import type { Finding } from '../validation/finding';
import { type ChatReply, chatReply, firstOf, type ReplyFact, type ReplyVisibility } from './chat-reply';
import { commandText, formatDuration, operationTitle, targetLabel, type TargetLike } from './chat-text';
import { nextCommands } from './next-steps';
import { findingCounts, replyFindings } from './reply-findings';

export interface OperationRef {
  operationId: string;
  operation: MigrationOperation;
  target: TargetLike;
}

export function acceptedReply(
  ref: OperationRef,
  visibility: ReplyVisibility,
  existing: boolean,
  followUp: 'here' | 'channel' | 'none',
): ChatReply {
  const where =
    followUp === 'here'
      ? 'Progress and the outcome follow here.'
      : followUp === 'channel'
        ? 'The outcome will be posted to this channel.'
        : `Follow it with \`${commandText('status', ref.target)}\`.`;
  return chatReply({
    visibility,
    title: `${operationTitle(ref.operation)} ${targetLabel(ref.target)}: ${existing ? 'already accepted' : 'accepted'}`,
    text: `${existing ? 'This request was accepted before; its operation is' : 'Operation'} \`${ref.operationId}\` (${ref.operation} of ${targetLabel(ref.target)}). ${where}`,
    next: [commandText('status', ref.target)],
    footer: `Operation ${ref.operationId}`,
  });
}

export interface ProgressView {
  status: 'Queued' | 'InProgress';
  state: MigrationState;
  progress?: {
    step: string;
    done: number;
    total: number;
    percent: number;
    etaSeconds?: number;
    elapsedSeconds: number;
  };
}

export function progressReply(ref: OperationRef, view: ProgressView, visibility: ReplyVisibility): ChatReply {
  const { progress } = view;
  const facts: ReplyFact[] = [{ label: 'State', value: view.state }];
  if (progress) {
    facts.push({ label: 'Step', value: `${progress.done}/${progress.total} (${progress.percent} %)` });
    facts.push({ label: 'Elapsed', value: formatDuration(progress.elapsedSeconds) });
    facts.push({
      label: 'ETA',
      value: progress.etaSeconds === undefined ? 'after the first step' : formatDuration(progress.etaSeconds),
    });
  }
  return chatReply({
    visibility,
    title: `${operationTitle(ref.operation)} ${targetLabel(ref.target)}: ${progress ? `${progress.done}/${progress.total}` : view.status === 'Queued' ? 'queued' : 'started'}`,
    text: progress
      ? `Done: ${progress.step}.`
      : view.status === 'Queued'
        ? 'Waiting for its phase to start.'
        : 'Started; the first step is running.',
    facts,
    footer: `Operation ${ref.operationId}`,
  });
}

export interface OutcomeView extends OperationRef {
  status: 'Succeeded' | 'Failed';
  state?: MigrationState;
  requestedBy: string;
  error?: { code: string; message: string };
  findings: readonly Finding[];
  counts: { errors: number; warnings: number; information: number };
  armResourceCount?: number;
  dataPlaneEffects?: readonly {
    cloudService: string;
    virtualMachine: string;
    internalIp?: { before?: string; after?: string };
    vip?: { before?: string; after?: string };
  }[];
}

export function outcomeReply(view: OutcomeView, visibility: ReplyVisibility): ChatReply {
  const total = view.counts.errors + view.counts.warnings + view.counts.information;
  const findings = replyFindings(view.findings, total);
  const facts: ReplyFact[] = [{ label: 'Outcome', value: view.status }];
  if (view.state) facts.push({ label: 'State', value: view.state });
  if (view.operation === 'validate' || total > 0)
    facts.push({ label: 'Findings', value: findingCounts(view.counts) });
  if (view.armResourceCount !== undefined)
    facts.push({ label: 'ARM resources', value: String(view.armResourceCount) });
  const addressLines = (view.dataPlaneEffects ?? []).flatMap((effect) => {
    const parts = [
      effect.internalIp && effect.internalIp.before !== effect.internalIp.after
        ? `internal IP ${effect.internalIp.before ?? '?'} → ${effect.internalIp.after ?? '?'}`
        : undefined,
      effect.vip && effect.vip.before !== effect.vip.after
        ? `VIP ${effect.vip.before ?? '?'} → ${effect.vip.after ?? '?'}`
        : undefined,
    ].filter(Boolean);
    return parts.length === 0 ? [] : [`${effect.cloudService}/${effect.virtualMachine}: ${parts.join('; ')}`];
  });
  const shownAddresses = firstOf(addressLines, 8);
  return chatReply({
    visibility,
    tone: view.status === 'Failed' ? 'error' : view.counts.warnings > 0 ? 'warning' : 'success',
    title: `${operationTitle(view.operation)} ${view.status === 'Succeeded' ? 'succeeded' : 'failed'}: ${targetLabel(view.target)}`,
    text: outcomeSentence(view),
    facts,
    sections:
      shownAddresses.items.length === 0
        ? []
        : [{ heading: 'Addresses changed', lines: shownAddresses.items, more: shownAddresses.more }],
    ...(findings ? { findings } : {}),
    next: outcomeNext(view),
    footer: `Operation ${view.operationId} · asked by ${view.requestedBy}`,
  });
}

function outcomeSentence(view: OutcomeView): string {
  if (view.operation === 'validate') {
    if (view.counts.errors > 0)
      return `Validation found ${view.counts.errors === 1 ? 'an error' : `${view.counts.errors} errors`}: fix ${view.counts.errors === 1 ? 'it' : 'them'} (see the recommendations), then validate again.`;
    return view.status === 'Succeeded'
      ? 'The scope can migrate. See the plan before preparing.'
      : (view.error?.message ?? 'Validation failed.');
  }
  if (view.status === 'Failed')
    return view.error ? `${view.error.code}: ${view.error.message}` : 'The operation failed.';
  switch (view.operation) {
    case 'prepare':
      return 'The ARM side is ready and the Classic side is locked. Check it, then commit or abort.';
    case 'commit':
      return 'Committed: Resource Manager owns the resources; the Classic side is gone.';
    case 'abort':
      return 'Aborted: the scope is back in Classic and unlocked.';
  }
}

function outcomeNext(view: OutcomeView): string[] {
  if (view.operation === 'validate') {
    if (view.counts.errors > 0) return [commandText('validate', view.target)];
    const state = view.state ?? 'None';
    return [commandText('plan', view.target), ...nextCommands(state, view.target)];
  }
  return view.state ? nextCommands(view.state, view.target) : [commandText('status', view.target)];
}
