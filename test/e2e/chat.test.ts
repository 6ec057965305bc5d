/**
 * Chat end to end on one dev host, with a local receiver standing in for Slack's response_url and the
 * channels' incoming webhooks (the only fakes): signed Slack slash commands and Teams outgoing webhooks in,
 * Block Kit and Adaptive Cards out — the acknowledgement at once, progress from the `chat-progress`
 * storage queue, the outcome from the `notifiers` subscription of `migration-events` — and the two-person
 * rule ending with the scope Committed. To watch progress, Prepare is held up as a rehearsal does it: the
 * worker crashes at `prepare.writeArm` and the message comes back when its (short) lock expires.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { eventsNotifierSubscription, eventsTopic, phaseQueues } from '../../shared/contracts/names';
import { type ChatReceiver, startChatReceiver } from '../support/chat-receiver';
import { slackForm, slackHeaders, teamsActivity, teamsHeaders } from '../support/chat-requests';
import { useDevHost } from '../support/e2e-host';
import { waitFor } from '../support/wait-for';

const slackSecret = 'e2e-slack-signing-secret';
const teamsSecret = Buffer.from('e2e teams outgoing webhook token').toString('base64');
const teamsChannel = '19:e2e-migrations@thread.tacv2';
// A crash costs a worker restart and a lock expiry; on a loaded 2-core machine that can take a while.
const recoveryMs = 110_000;

let receiver: ChatReceiver;
beforeAll(async () => {
  receiver = await startChatReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

const e2e = useDevHost(() => {
  const config = join(mkdtempSync(join(tmpdir(), 'chat-')), 'servicebus.local.json');
  writeFileSync(
    config,
    JSON.stringify({
      entities: {
        [phaseQueues.prepare]: { lockDuration: 'PT3S', maxDeliveryCount: 10 },
        'devhost-durable-entities': { lockDuration: 'PT2S' },
      },
      topics: { [eventsTopic]: [eventsNotifierSubscription] },
    }),
  );
  return {
    workers: 2,
    env: {
      DEVHOST_SERVICEBUS_CONFIG: config,
      SLACK_SIGNING_SECRET: slackSecret,
      TEAMS_HMAC_SECRET: teamsSecret,
      CHAT_ROLES: JSON.stringify({ 'slack:UO': 'operator', 'slack:UA': 'approver', UB: 'approver' }),
      COMMIT_REQUIRES_SECOND_APPROVER: 'true',
      CHAT_CHANNEL_WEBHOOKS: JSON.stringify({ [`teams:${teamsChannel}`]: `${receiver.url}/teams/webhook` }),
      CHAT_PROGRESS_SECONDS: '1',
    },
  };
});

interface SlackAnswer {
  status: number;
  ms: number;
  body: { response_type?: string; text: string; blocks: { type: string }[] };
}

async function slack(userId: string, text: string, responsePath: string): Promise<SlackAnswer> {
  const body = slackForm({ text, userId, responseUrl: `${receiver.url}${responsePath}` });
  const started = performance.now();
  const response = await fetch(`${e2e.host.baseUrl}/api/chat/slack`, {
    method: 'POST',
    headers: slackHeaders(slackSecret, body),
    body,
  });
  const ms = performance.now() - started;
  return { status: response.status, ms, body: (await response.json()) as SlackAnswer['body'] };
}

const textOf = (body: unknown) => JSON.stringify(body);

describe('chat on the dev host', () => {
  it(
    'When a signed Slack prepare comes, then it is acknowledged at once, progress follows on the response_url, then the PrepareSucceeded outcome',
    async () => {
      const api = await e2e.freshEstate();
      const planned = await api.request('POST', '/api/admin/faults', {
        scopeKind: 'virtualNetwork',
        name: 'Prod-VNet',
        step: 'prepare.writeArm',
        kind: 'crash',
      });
      expect(planned.status).toBe(201);
      const path = `/slack/response/${randomUUID()}`;

      const ack = await slack('UO', `prepare vnet Prod-VNet --subscription ${api.subscriptionId}`, path);
      expect(ack.status).toBe(200);
      expect(ack.ms).toBeLessThan(3000);
      expect(ack.body.response_type).toBe('ephemeral');
      expect(ack.body.text).toContain('Prepare vnet Prod-VNet: accepted');
      expect(ack.body.blocks[0]).toMatchObject({ type: 'header' });

      const posts = await waitFor(
        () => {
          const received = receiver.postsTo(path);
          return received.some((post) => textOf(post.body).includes('Prepare succeeded')) && received;
        },
        { timeoutMs: recoveryMs, intervalMs: 200, what: 'the PrepareSucceeded outcome on the response_url' },
      );
      const outcome = posts.at(-1)!;
      expect(textOf(outcome.body)).toContain('Prepare succeeded: vnet Prod-VNet');
      expect(textOf(outcome.body)).toContain('`commit vnet Prod-VNet`');
      expect(outcome.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      const progress = posts.slice(0, -1);
      expect(progress.length).toBeGreaterThanOrEqual(1);
      expect(progress.length).toBeLessThanOrEqual(3);
      for (const post of progress) {
        expect(textOf(post.body)).toMatch(/Prepare vnet Prod-VNet: (started|\d+\/\d+)/);
        expect((post.body as { blocks: unknown[] }).blocks.length).toBeGreaterThan(0);
      }
      // Whether a progress check lands while the steps run (`n/m`) or only at the start depends on timing;
      // the counts themselves are covered by chat-follow-ups.test.ts.
      expect(posts.length).toBeLessThanOrEqual(5);
      // Redelivered outcomes and late progress checks post nothing more.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(receiver.postsTo(path)).toHaveLength(posts.length);
    },
    recoveryMs + 20_000,
  );

  it('When a Teams @bot validate comes, then an Adaptive Card answers, and the ValidateFailed outcome with its findings reaches the channel webhook', async () => {
    const api = await e2e.freshEstate();
    const body = teamsActivity({
      text: `validate vnet Legacy-VNet --subscription ${api.subscriptionId}`,
      aadObjectId: `aad-${randomUUID()}`,
      name: 'Dana',
      channelId: teamsChannel,
    });
    const started = performance.now();
    const response = await fetch(`${e2e.host.baseUrl}/api/chat/teams`, {
      method: 'POST',
      headers: teamsHeaders(teamsSecret, body),
      body,
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(response.status).toBe(200);
    const card = (await response.json()) as { type: string; attachments: { contentType: string }[] };
    expect(card.type).toBe('message');
    expect(card.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(card)).toContain('Validate vnet Legacy-VNet: accepted');

    const outcome = await waitFor(
      () =>
        receiver
          .postsTo('/teams/webhook')
          .find((post) => textOf(post.body).includes('Validate failed: vnet Legacy-VNet')),
      { timeoutMs: 30_000, what: 'the ValidateFailed outcome on the Teams webhook' },
    );
    const text = textOf(outcome.body);
    expect(text).toContain('application/vnd.microsoft.card.adaptive');
    expect(text).toContain('Findings (');
    expect(text).toContain('Recommendation: ');
    expect(text).toContain('`validate vnet Legacy-VNet`');
  });

  it('When approver A asks for a commit in Slack and approver B approves it, then the scope ends Committed', async () => {
    const api = await e2e.freshEstate();
    await api.run('virtualNetwork', 'Prod-VNet', 'prepare');
    const sub = `--subscription ${api.subscriptionId}`;

    const pending = await slack('UA', `commit vnet Prod-VNet ${sub}`, `/slack/a/${randomUUID()}`);
    expect(pending.status).toBe(200);
    expect(pending.body.response_type).toBe('in_channel');
    const code = /approve ([A-Z0-9]{6})/.exec(pending.body.text)?.[1] ?? '';
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    const own = await slack('UA', `approve ${code}`, `/slack/a/${randomUUID()}`);
    expect(own.body.text).toContain(`Approval ${code} refused`);

    const path = `/slack/b/${randomUUID()}`;
    const approved = await slack('UB', `approve ${code}`, path);
    expect(approved.body.text).toContain('Commit vnet Prod-VNet: accepted');

    await waitFor(
      () => receiver.postsTo(path).find((post) => textOf(post.body).includes('Commit succeeded')),
      {
        timeoutMs: 60_000,
        what: 'the CommitSucceeded outcome',
      },
    );
    const status = await api.status('virtualNetwork', 'Prod-VNet');
    expect(status.state).toBe('Committed');
    const commit = status.history.operations.find((operation) => operation.operation === 'commit')!;
    expect(commit).toMatchObject({ source: 'chat', requestedBy: 'slack:UA (ua), approved by slack:UB (ub)' });
    expect(status.history.audit.map((entry) => `${entry.actor}: ${entry.outcome}`)).toEqual(
      expect.arrayContaining(['slack:UA (ua): AwaitingSecondApprover', 'slack:UB (ub): Approved']),
    );
  });
});
