/** The permission table, roles from CHAT_ROLES, and refusals that name the role needed. */
import { describe, expect, it } from 'vitest';

import {
  authorize,
  chatActions,
  chatRoles,
  permissionTable,
} from '../../../../shared/domain/chat/chat-roles';
import { roleOf } from '../../../../shared/domain/chat/chat-user';

describe('chat roles', () => {
  it('When the table is read, then viewers read, validate and plan; operators also prepare, abort and steer batches; approvers also commit', () => {
    const allowed = (role: (typeof chatRoles)[number]) =>
      chatActions.filter((action) => permissionTable[action][role]);
    expect(allowed('viewer')).toEqual(['help', 'status', 'plan', 'validate', 'batchList', 'batchStatus']);
    expect(allowed('operator')).toEqual([
      ...allowed('viewer'),
      'prepare',
      'abort',
      'batchPause',
      'batchResume',
      'batchCancel',
    ]);
    expect(allowed('approver')).toEqual([...allowed('operator'), 'commit', 'approve']);
  });

  it('When a viewer or an operator commits, then the refusal names the approver role and their own', () => {
    expect(authorize('viewer', 'commit')).toEqual({
      allowed: false,
      needed: 'approver',
      role: 'viewer',
      message: 'commit needs the approver role; you are a viewer.',
    });
    expect(authorize('operator', 'commit')).toMatchObject({
      message: 'commit needs the approver role; you are an operator.',
    });
    expect(authorize('viewer', 'batchPause')).toMatchObject({
      message: 'batch pause needs the operator role; you are a viewer.',
    });
  });

  it('When CHAT_ROLES maps a platform id or a plain id, then that role applies; anyone else is a viewer', () => {
    const roles = { 'slack:U1': 'approver', U2: 'operator', 'teams:aad-3': 'approver' } as const;
    const slack = (id: string) => ({ platform: 'slack' as const, id, otherIds: [] });
    expect(roleOf(roles, slack('U1'))).toBe('approver');
    expect(roleOf(roles, slack('U2'))).toBe('operator');
    expect(roleOf(roles, slack('U9'))).toBe('viewer');
    expect(roleOf(roles, { platform: 'teams', id: 'aad-3', otherIds: ['29:x'] })).toBe('approver');
    expect(roleOf({ 'teams:29:x': 'operator' }, { platform: 'teams', id: 'aad-3', otherIds: ['29:x'] })).toBe(
      'operator',
    );
    // A Slack mapping does not leak to Teams.
    expect(roleOf(roles, { platform: 'teams', id: 'U1', otherIds: [] })).toBe('viewer');
  });
});
