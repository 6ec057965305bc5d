/**
 * Follow-ups of chat-started operations, posted to a local receiver standing in for Slack's response_url
 * and the channels' incoming webhooks: progress (at most 3 posts, only when it changed, never after the
 * end) and outcomes (once per event, the response_url while it is usable, the webhook otherwise, nothing
 * for operations started elsewhere).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { OperationRecord } from '../../../../shared/contracts/operation-record';
import { scopeKey } from '../../../../shared/domain/scope/scope';
import { checkProgress } from '../../../../shared/use-cases/chat/chat-progress';
import { handleChatCommand } from '../../../../shared/use-cases/chat/handle-chat-command';
import { notifyOutcome } from '../../../../shared/use-cases/chat/notify-outcome';
import { TransientFault } from '../../../../shared/use-cases/errors';
import { outcomeEventOf } from '../../../../shared/use-cases/outcome-event';
import { type ChatReceiver, startChatReceiver } from '../../../support/chat-receiver';
import { type ChatKit, chatKit } from './chat-test-kit';

let receiver: ChatReceiver;
let kit: ChatKit;
let responsePath: string;

beforeAll(async () => {
  receiver = await startChatReceiver();
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(async () => {
  responsePath = `/slack/response/${crypto.randomUUID()}`;
  kit = await chatKit({
    channelWebhooks: {
      'slack:C1': `${receiver.url}/slack/webhook/C1`,
      'teams:19:chan': `${receiver.url}/teams/C`,
    },
  });
  receiver.posts.length = 0;
});

const operationIdOf = (text: string) => /`([0-9a-f-]{36})`/.exec(text)?.[1] ?? '';

async function startFromSlack(text: string, user = 'UO'): Promise<string> {
  const reply = await handleChatCommand(
    kit.deps,
    kit.request(user, text, { responseUrl: `${receiver.url}${responsePath}` }),
  );
  return operationIdOf(reply.text);
}

async function finish(operationId: string, change: Partial<OperationRecord>): Promise<OperationRecord> {
  return kit.deps.operations.update(operationId, (record) => ({
    ...record,
    status: 'Succeeded',
    finishedAt: kit.deps.clock.now().toISOString(),
    ...change,
  }));
}

type Block = { type: string; text?: { text: string } };
const blockTexts = (body: unknown) => JSON.stringify((body as { blocks: Block[] }).blocks);

describe('outcome notifications', () => {
  it('When a Slack prepare ends, then its outcome goes once to the response_url, in Block Kit', async () => {
    const operationId = await startFromSlack('prepare cs contoso-ftp');
    const record = await finish(operationId, {
      resultingState: 'Prepared',
      armResourceCount: 7,
      dataPlaneEffects: [
        {
          cloudService: 'contoso-ftp',
          virtualMachine: 'ftp1',
          actions: ['Stop'],
          internalIp: { before: '10.0.0.4', after: '10.0.0.5' },
        },
      ],
    });
    const event = outcomeEventOf(record)!;
    expect(await notifyOutcome(kit.deps, event)).toBe('posted');
    expect(await notifyOutcome(kit.deps, event)).toBe('alreadyPosted');
    const posts = receiver.postsTo(responsePath);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const blocks = blockTexts(posts[0]!.body);
    expect(blocks).toContain('Prepare succeeded: cs contoso-ftp');
    expect(blocks).toContain('internal IP 10.0.0.4 → 10.0.0.5');
    expect(blocks).toContain('`commit cs contoso-ftp`');
  });

  it('When the response_url refuses the post, then the outcome goes to the channel webhook', async () => {
    const operationId = await startFromSlack('prepare vnet Prod-VNet');
    receiver.failOn(responsePath, 404);
    const record = await finish(operationId, { resultingState: 'Prepared' });
    expect(await notifyOutcome(kit.deps, outcomeEventOf(record)!)).toBe('posted');
    expect(receiver.postsTo('/slack/webhook/C1')).toHaveLength(1);
    expect(receiver.postsTo('/slack/webhook/C1')[0]!.body).not.toHaveProperty('response_type');
  });

  it('When the response_url has expired, then the outcome goes to the channel webhook', async () => {
    const operationId = await startFromSlack('prepare vnet Prod-VNet');
    kit.setNow('2026-01-02T03:40:00.000Z');
    const record = await finish(operationId, { resultingState: 'Prepared' });
    expect(await notifyOutcome(kit.deps, outcomeEventOf(record)!)).toBe('posted');
    expect(receiver.postsTo(responsePath)).toHaveLength(0);
    expect(receiver.postsTo('/slack/webhook/C1')).toHaveLength(1);
  });

  it('When every target fails, then the event is retried later and posted once it can be', async () => {
    kit.deps.config.chat.channelWebhooks = {};
    const operationId = await startFromSlack('prepare vnet Prod-VNet');
    receiver.failOn(responsePath, 500);
    const event = outcomeEventOf(await finish(operationId, { resultingState: 'Prepared' }))!;
    await expect(notifyOutcome(kit.deps, event)).rejects.toBeInstanceOf(TransientFault);
    receiver.failOn(responsePath, 200);
    expect(await notifyOutcome(kit.deps, event)).toBe('posted');
    expect(receiver.postsTo(responsePath)).toHaveLength(1);
  });

  it('When a Teams validate fails, then its findings with recommendations go to the channel webhook as an Adaptive Card', async () => {
    const reply = await handleChatCommand(kit.deps, {
      user: { platform: 'teams', id: 'aad-v', name: 'Val', otherIds: [] },
      channelId: '19:chan',
      text: `validate vnet Legacy-VNet --subscription ${kit.subscriptionId}`,
      idempotencyKey: `teams:${crypto.randomUUID()}`,
    });
    expect(reply.text).toContain('The outcome will be posted to this channel.');
    const operationId = operationIdOf(reply.text);
    const record = await finish(operationId, {
      status: 'Failed',
      error: { code: 'ValidationFailed', message: 'Validation failed.' },
      findings: [
        {
          code: 'WEB_ROLE_IN_VNET',
          severity: 'Error',
          stage: 'classic',
          resourceType: 'Deployment',
          resourceName: 'legacy',
          message: 'Deployment legacy has a web role.',
          recommendation: 'Move the web role out of the VNet.',
        },
      ],
    });
    expect(await notifyOutcome(kit.deps, outcomeEventOf(record)!)).toBe('posted');
    const [post] = receiver.postsTo('/teams/C');
    const card = JSON.stringify(post!.body);
    expect(card).toContain('application/vnd.microsoft.card.adaptive');
    expect(card).toContain('Validate failed: vnet Legacy-VNet');
    expect(card).toContain('WEB_ROLE_IN_VNET');
    expect(card).toContain('Recommendation: Move the web role out of the VNet.');
  });

  it('When the operation was started elsewhere, then nothing is posted', async () => {
    const event = outcomeEventOf({
      operationId: crypto.randomUUID(),
      operation: 'validate',
      scope: { subscriptionId: kit.subscriptionId, kind: 'virtualNetwork', name: 'Prod-VNet' },
      scopeKey: 'k',
      status: 'Succeeded',
      options: {},
      requestedBy: 'api',
      source: 'api',
      requestedAt: '2026-01-02T03:00:00.000Z',
    })!;
    expect(await notifyOutcome(kit.deps, event)).toBe('noConversation');
    expect(receiver.posts).toHaveLength(0);
  });
});

describe('progress follow-ups', () => {
  async function running(operationId: string, done: number) {
    const key = scopeKey({ subscriptionId: kit.subscriptionId, kind: 'virtualNetwork', name: 'Prod-VNet' });
    if (done === 0) {
      await kit.deps.operations.update(operationId, (record) => ({ ...record, status: 'InProgress' }));
      await kit.entity.signal(key, {
        type: 'request',
        operationId,
        operation: 'prepare',
        now: '2026-01-02T03:04:05.000Z',
        scopeLabel: 'vnet',
      });
      return;
    }
    await kit.entity.signal(key, {
      type: 'progress',
      operationId,
      step: `step ${done}`,
      done,
      total: 5,
      now: '2026-01-02T03:04:05.000Z',
    });
  }

  it('When an operation runs, then progress is posted when it changes, at most 3 times, and not after the end', async () => {
    const operationId = await startFromSlack('prepare vnet Prod-VNet');
    expect(await checkProgress(kit.deps, { v: 1, operationId })).toBe('unchanged'); // queued: nothing to add
    await running(operationId, 0);
    kit.setNow('2026-01-02T03:04:35.000Z');
    expect(await checkProgress(kit.deps, { v: 1, operationId })).toBe('posted');
    expect(await checkProgress(kit.deps, { v: 1, operationId })).toBe('unchanged');
    await running(operationId, 1);
    expect(await checkProgress(kit.deps, { v: 1, operationId })).toBe('posted');
    await running(operationId, 2);
    expect(await checkProgress(kit.deps, { v: 1, operationId })).toBe('posted');
    await running(operationId, 3);
    expect(await checkProgress(kit.deps, { v: 1, operationId })).toBe('stopped');

    const posts = receiver.postsTo(responsePath);
    expect(posts).toHaveLength(3);
    expect(blockTexts(posts[2]!.body)).toContain('Prepare vnet Prod-VNet: 2/5');
    expect(blockTexts(posts[2]!.body)).toContain('ETA');
    expect(await kit.deps.chatConversations.get(operationId)).toMatchObject({
      postsUsed: 3,
      progressPosts: 3,
    });

    // The outcome still has its post.
    const record = await finish(operationId, { resultingState: 'Prepared' });
    expect(await notifyOutcome(kit.deps, outcomeEventOf(record)!)).toBe('posted');
    expect(receiver.postsTo(responsePath)).toHaveLength(4);
  });

  it('When the operation has ended, then the check stops without posting', async () => {
    const operationId = await startFromSlack('prepare vnet Prod-VNet');
    await finish(operationId, { resultingState: 'Prepared' });
    expect(await checkProgress(kit.deps, { v: 1, operationId })).toBe('finished');
    expect(receiver.posts).toHaveLength(0);
  });
});
