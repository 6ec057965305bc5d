/**
 * Batches in chat: `batch list`, `batch status <id>` and `batch pause|resume|cancel <id>`, through the
 * batch use cases (pausing, resuming and cancelling are audited there with the chat user).
 */
import type { Batch } from '../../domain/batch/batch-plan';
import type { BatchVerb, ChatOptions } from '../../domain/chat/chat-command';
import { type ChatReply, chatReply, firstOf, problemReply } from '../../domain/chat/chat-reply';
import { chatIdentity } from '../../domain/chat/chat-user';
import { scopeKindAliases } from '../../domain/chat/scope-kind-words';
import { when } from '../../domain/chat/scope-replies';
import { getBatch, listBatches, runBatchCommand } from '../batches/batch-commands';
import type { ChatDeps, ChatRequest } from './chat-request';
import { subscriptionOf, visibilityOf } from './start-from-chat';

const listed = 10;

export async function batchList(deps: ChatDeps, options: ChatOptions): Promise<ChatReply> {
  const subscriptionId = subscriptionOf(deps, options);
  const batches = firstOf(await listBatches(deps, subscriptionId), listed);
  return chatReply({
    visibility: visibilityOf(options),
    title: `Batches (${batches.items.length + batches.more})`,
    text:
      batches.items.length === 0
        ? `No batches in subscription ${subscriptionId}.`
        : `Subscription ${subscriptionId}.`,
    sections:
      batches.items.length === 0
        ? []
        : [
            {
              heading: 'Newest first',
              lines: batches.items.map(
                (batch) =>
                  `\`${batch.plan.batchId}\` ${batch.plan.name}: ${batch.run.status} (${counts(batch)})`,
              ),
              more: batches.more,
            },
          ],
    next: batches.items[0] ? [`batch status ${batches.items[0].plan.batchId}`] : [],
  });
}

export async function batchAction(
  deps: ChatDeps,
  request: ChatRequest,
  verb: BatchVerb,
  batchId: string,
  options: ChatOptions,
): Promise<ChatReply> {
  if (verb === 'batchStatus') {
    const batch = await getBatch(deps, batchId);
    return batch ? { ...batchReply(batch), visibility: visibilityOf(options) } : notFound(batchId);
  }
  const command = verb === 'batchPause' ? 'pause' : verb === 'batchResume' ? 'resume' : 'cancel';
  const result = await runBatchCommand(deps, batchId, command, chatIdentity(request.user));
  switch (result.kind) {
    case 'notFound':
      return notFound(batchId);
    case 'refused':
      return problemReply(`Batch ${command} refused`, result.message, [`batch status ${batchId}`]);
    case 'conflict':
      return problemReply(
        `Batch ${command}: try again`,
        'The batch kept changing while this was applied. Try again in a few seconds.',
      );
    case 'done':
      return { ...batchReply(result.batch, `${command} done`), visibility: visibilityOf(options) };
  }
}

function batchReply(batch: Batch, done?: string): ChatReply {
  const { plan, run } = batch;
  const items = firstOf(run.items, 15);
  const next =
    run.status === 'Paused'
      ? [`batch resume ${plan.batchId}`, `batch cancel ${plan.batchId}`]
      : ['Succeeded', 'Failed', 'Cancelled'].includes(run.status)
        ? []
        : [`batch pause ${plan.batchId}`, `batch cancel ${plan.batchId}`];
  return chatReply({
    tone: run.status === 'Failed' ? 'error' : run.status === 'Succeeded' ? 'success' : 'info',
    title: `Batch ${plan.name}: ${run.status}${done ? ` (${done})` : ''}`,
    text: run.note ?? `Phases ${plan.phases.join(', ')}; ${counts(batch)}.`,
    facts: [
      { label: 'Batch', value: plan.batchId },
      { label: 'Run', value: String(run.run) },
      {
        label: 'Window',
        value: run.windowClosesAt
          ? `open until ${when(run.windowClosesAt)}`
          : run.nextWindow
            ? `next opens ${when(run.nextWindow)}`
            : 'closed',
      },
      { label: 'Concurrency', value: String(plan.maxConcurrent) },
      { label: 'Auto-commit', value: plan.autoCommit ? 'yes' : 'no' },
    ],
    sections: [
      {
        heading: 'Scopes',
        lines: items.items.map(
          (item) =>
            `${scopeKindAliases[item.kind]} ${item.name}: ${item.status}, ${item.state ?? 'None'}${item.runningPhase ? ` (${item.runningPhase} running)` : ''}${item.note ? ` — ${item.note}` : ''}`,
        ),
        more: items.more,
      },
    ],
    next,
  });
}

function counts(batch: Batch): string {
  const byStatus = new Map<string, number>();
  for (const item of batch.run.items) byStatus.set(item.status, (byStatus.get(item.status) ?? 0) + 1);
  return [...byStatus].map(([status, count]) => `${count} ${status}`).join(', ') || 'no scopes';
}

function notFound(batchId: string): ChatReply {
  return problemReply('No such batch', `No batch \`${batchId}\`.`, ['batch list']);
}
