/** Replies: the next step from the state, commands as they must be typed, outcomes with their findings. */
import { describe, expect, it } from 'vitest';

import { commandText } from '../../../../shared/domain/chat/chat-text';
import { helpReply } from '../../../../shared/domain/chat/help-reply';
import { nextCommands } from '../../../../shared/domain/chat/next-steps';
import { outcomeReply } from '../../../../shared/domain/chat/operation-replies';

const vnet = { kind: 'virtualNetwork' as const, name: 'Prod-VNet' };

describe('chat replies', () => {
  it.each([
    ['None', ['prepare vnet Prod-VNet']],
    ['Prepared', ['commit vnet Prod-VNet', 'abort vnet Prod-VNet']],
    ['PrepareFailed', ['prepare vnet Prod-VNet', 'abort vnet Prod-VNet']],
    ['Preparing', ['status vnet Prod-VNet']],
    ['CommitFailed', ['commit vnet Prod-VNet']],
    ['AbortFailed', ['abort vnet Prod-VNet']],
    ['Committed', []],
  ] as const)('When the scope is %s, then the next step is %j', (state, next) => {
    expect(nextCommands(state, vnet)).toEqual(next);
  });

  it('When validation blocks, then the next step is to validate again', () => {
    expect(nextCommands('None', vnet, true)).toEqual(['validate vnet Prod-VNet']);
  });

  it('When a name has spaces, then commands quote it; a name with its own quotes is left alone', () => {
    expect(commandText('status', { kind: 'virtualNetwork', name: 'Group rg vnet' })).toBe(
      'status vnet "Group rg vnet"',
    );
    expect(commandText('status', { kind: 'virtualNetwork', name: '"my vnet quoted"' })).toBe(
      'status vnet "my vnet quoted"',
    );
  });

  it('When a validation succeeds, then the outcome suggests the plan and Prepare', () => {
    const reply = outcomeReply(
      {
        operationId: 'op',
        operation: 'validate',
        target: vnet,
        status: 'Succeeded',
        state: 'None',
        requestedBy: 'slack:U1 (a)',
        findings: [],
        counts: { errors: 0, warnings: 0, information: 0 },
      },
      'ephemeral',
    );
    expect(reply).toMatchObject({ tone: 'success', title: 'Validate succeeded: vnet Prod-VNet' });
    expect(reply.next).toEqual(['plan vnet Prod-VNet', 'prepare vnet Prod-VNet']);
  });

  it('When help is asked for, then it names what the role may do', () => {
    expect(helpReply('viewer').footer).toBe(
      'You are a viewer: you may status, plan, validate, batch list, batch status.',
    );
  });
});
