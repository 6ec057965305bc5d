/**
 * Chat commands end to end through the use cases: roles from the permission table, admission with
 * source `chat`, did-you-mean, quoted names, the plan and status replies, and the two-person rule for
 * Commit with both people in the audit log.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import { scopeKey } from '../../../../shared/domain/scope/scope';
import { handleChatCommand } from '../../../../shared/use-cases/chat/handle-chat-command';
import { type ChatKit, chatKit } from './chat-test-kit';

let kit: ChatKit;
beforeEach(async () => {
  kit = await chatKit();
});

const say = (userId: string, text: string, extra = {}) =>
  handleChatCommand(kit.deps, kit.request(userId, text, extra));
const prodKey = () =>
  scopeKey({ subscriptionId: kit.subscriptionId, kind: 'virtualNetwork', name: 'Prod-VNet' });
const codeOf = (text: string) => /approve ([A-Z0-9]{6})/.exec(text)?.[1] ?? '';

describe('chat commands and roles', () => {
  it('When a viewer commits, then it is refused naming the approver role, and the refusal is audited', async () => {
    const reply = await say('UV', 'commit vnet Prod-VNet');
    expect(reply).toMatchObject({
      title: 'Not allowed',
      text: 'commit needs the approver role; you are a viewer.',
    });
    const audit = await kit.deps.audit.listByScope(prodKey());
    expect(audit).toContainEqual(
      expect.objectContaining({
        actor: 'slack:UV (uv)',
        outcome: 'Rejected: ChatRoleRequired',
        source: 'chat',
      }),
    );
  });

  it('When an operator commits, then it is refused naming the approver role', async () => {
    expect((await say('UO', 'commit vnet Prod-VNet')).text).toBe(
      'commit needs the approver role; you are an operator.',
    );
  });

  it('When a viewer validates, then the operation starts through admission with source chat', async () => {
    const reply = await say('UV', 'validate vnet Prod-VNet --preflight');
    expect(reply.title).toBe('Validate vnet Prod-VNet: accepted');
    const operationId = /`([0-9a-f-]{36})`/.exec(reply.text)?.[1] ?? '';
    const record = await kit.deps.operations.get(operationId);
    expect(record).toMatchObject({
      operation: 'validate',
      source: 'chat',
      requestedBy: 'slack:UV (uv)',
      options: { includePreflight: true },
    });
    expect(kit.deps.messages.sent.map((message) => message.entityName)).toContain('migration-validate');
    expect(await kit.deps.chatConversations.get(operationId)).toMatchObject({
      platform: 'slack',
      channelId: 'C1',
    });
  });

  it('When Slack sends the same command twice, then one operation answers both', async () => {
    const request = kit.request('UO', 'prepare vnet Prod-VNet', { idempotencyKey: 'slack:T1:trigger-1' });
    const first = await handleChatCommand(kit.deps, request);
    const second = await handleChatCommand(kit.deps, request);
    expect(first.title).toContain('accepted');
    expect(second.title).toContain('already accepted');
    expect(/`([0-9a-f-]{36})`/.exec(second.text)?.[1]).toBe(/`([0-9a-f-]{36})`/.exec(first.text)?.[1]);
    expect((await kit.deps.operations.listByScope(prodKey())).length).toBe(1);
  });

  it('When the name does not exist, then the reply suggests the closest scope', async () => {
    const reply = await say('UO', 'prepare vnet Prod-Vnett');
    expect(reply.title).toBe('No vnet Prod-Vnett');
    expect(reply.text).toContain('Did you mean `vnet Prod-VNet`?');
    expect(reply.next).toContain('prepare vnet Prod-VNet');
  });

  it('When a quoted name is the name with its quotes, then that scope is found', async () => {
    const reply = await say('UV', 'status vnet "my vnet quoted"');
    expect(reply.title).toBe('vnet "my vnet quoted": None');
  });

  it('When the plan is asked for, then it shows resources, new names, downtime, IP changes and the next step', async () => {
    const reply = await say('UV', 'plan cs contoso-ftp');
    expect(reply.title).toBe('Plan: cs contoso-ftp');
    const facts = Object.fromEntries(reply.facts.map((fact) => [fact.label, fact.value]));
    expect(facts.Resources).toMatch(/^\d+ in 1 resource group$/);
    expect(facts.Downtime).toMatch(/^yes/);
    expect(facts['IP changes']).toBe('2 VMs');
    expect(reply.sections.map((section) => section.heading)).toEqual(
      expect.arrayContaining(['IP changes', 'New names']),
    );
    expect(reply.next).toEqual(['prepare cs contoso-ftp']);
  });

  it('When a refused operation is asked for, then the reply says why and what to do next', async () => {
    kit.entity.setState(prodKey(), 'Prepared');
    const reply = await say('UO', 'prepare vnet Prod-VNet');
    expect(reply.title).toBe('Prepare vnet Prod-VNet: accepted');
    kit.entity.setState(prodKey(), 'Committed');
    const refused = await say('UO', 'abort vnet Prod-VNet');
    expect(refused.title).toBe('Abort vnet Prod-VNet: refused (AbortNotAllowedAfterCommit)');
  });

  it('When help or unknown words come, then the help text lists the commands and the caller role', async () => {
    const reply = await say('UO', 'frobnicate');
    expect(reply.text).toContain("I don't know `frobnicate`.");
    expect(reply.footer).toContain('You are an operator');
  });
});

describe('the two-person rule for Commit', () => {
  beforeEach(() => kit.entity.setState(prodKey(), 'Prepared'));

  it('When approver A commits, then it waits for a second approver; A cannot approve it; a viewer cannot; B can, and both are audited', async () => {
    const pending = await say('UA', 'commit vnet Prod-VNet');
    expect(pending.title).toBe('Commit vnet Prod-VNet: waiting for a second approver');
    expect(pending.visibility).toBe('inChannel');
    const code = codeOf(pending.text);
    expect(pending.text).toBe(
      `Waiting for a second approver: \`approve ${code}\` within 30 minutes. Commit cannot be undone.`,
    );
    expect(
      kit.deps.messages.sent.filter((message) => message.entityName === 'migration-commit'),
    ).toHaveLength(0);

    const own = await say('UA', `approve ${code}`);
    expect(own.title).toBe(`Approval ${code} refused`);
    expect(own.text).toContain('different approver');

    const viewer = await say('UV', `approve ${code}`);
    expect(viewer.text).toBe('approve needs the approver role; you are a viewer.');

    const approved = await say('UB', `approve ${code.toLowerCase()}`);
    expect(approved.title).toBe('Commit vnet Prod-VNet: accepted');
    const operationId = /`([0-9a-f-]{36})`/.exec(approved.text)?.[1] ?? '';
    expect(await kit.deps.operations.get(operationId)).toMatchObject({
      operation: 'commit',
      source: 'chat',
      requestedBy: 'slack:UA (ua), approved by slack:UB (ub)',
    });
    expect(
      kit.deps.messages.sent.filter((message) => message.entityName === 'migration-commit'),
    ).toHaveLength(1);

    const audit = await kit.deps.audit.listByScope(prodKey());
    expect(audit).toContainEqual(
      expect.objectContaining({ actor: 'slack:UA (ua)', outcome: 'AwaitingSecondApprover' }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({ actor: 'slack:UA (ua)', outcome: 'Rejected: SameApprover' }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({
        actor: 'slack:UB (ub)',
        action: 'approve',
        outcome: 'Approved',
        operationId,
      }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({
        actor: 'slack:UA (ua), approved by slack:UB (ub)',
        action: 'commit',
        outcome: 'Queued',
      }),
    );

    // Approving again starts nothing new.
    const again = await say('UB', `approve ${code}`);
    expect(again.text).toContain('Already approved by slack:UB (ub)');
    expect(
      kit.deps.messages.sent.filter((message) => message.entityName === 'migration-commit'),
    ).toHaveLength(1);
  });

  it('When the code has expired, then the approval is refused', async () => {
    const code = codeOf((await say('UA', 'commit vnet Prod-VNet')).text);
    kit.setNow('2026-01-02T03:35:00.000Z');
    const reply = await say('UB', `approve ${code}`);
    expect(reply.title).toBe(`Approval ${code} refused`);
    expect(reply.text).toContain('expired');
  });

  it('When the code is unknown, then the approval is refused', async () => {
    expect((await say('UB', 'approve ZZZZZZ')).title).toBe('Unknown approval code');
  });

  it('When Slack retries the commit request, then the same code answers', async () => {
    const request = kit.request('UA', 'commit vnet Prod-VNet', { idempotencyKey: 'slack:T1:same-trigger' });
    const first = await handleChatCommand(kit.deps, request);
    const second = await handleChatCommand(kit.deps, request);
    expect(codeOf(second.text)).toBe(codeOf(first.text));
  });

  it('When the rule is off, then an approver commit starts at once', async () => {
    kit = await chatKit({ commitRequiresSecondApprover: false });
    kit.entity.setState(prodKey(), 'Prepared');
    const reply = await say('UA', 'commit vnet Prod-VNet');
    expect(reply.title).toBe('Commit vnet Prod-VNet: accepted');
  });

  it('When a Teams approver approves a Slack approver commit, then it is a different person', async () => {
    const code = codeOf((await say('UA', 'commit vnet Prod-VNet')).text);
    const reply = await handleChatCommand(kit.deps, {
      user: { platform: 'teams', id: 'aad-a', name: 'Dana', otherIds: ['29:aad-a'] },
      channelId: '19:chan',
      text: `approve ${code}`,
      idempotencyKey: 'teams:activity-1',
    });
    expect(reply.title).toBe('Commit vnet Prod-VNet: accepted');
  });
});
