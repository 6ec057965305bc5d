/** The two-person rule's decision and its codes. */
import { describe, expect, it } from 'vitest';

import {
  approvalCodeFrom,
  decideApproval,
  type PendingApproval,
} from '../../../../shared/domain/chat/approval';

const approval: PendingApproval = {
  code: 'K7PQ2M',
  operation: 'commit',
  scope: { subscriptionId: 's', kind: 'virtualNetwork', name: 'Prod-VNet' },
  requester: { platform: 'slack', id: 'UA', name: 'alice' },
  channelId: 'C1',
  visibility: 'inChannel',
  createdAt: '2026-01-02T03:00:00.000Z',
  expiresAt: '2026-01-02T03:30:00.000Z',
};
const at = (iso: string) => new Date(iso);
const bob = { platform: 'slack' as const, id: 'UB', name: 'bob', otherIds: [] };

describe('commit approvals', () => {
  it('When a different approver approves in time, then it is approved and names them', () => {
    const decision = decideApproval(approval, bob, at('2026-01-02T03:10:00Z'));
    expect(decision).toMatchObject({ kind: 'approve', approval: { approver: { id: 'UB', name: 'bob' } } });
  });

  it('When the requester approves their own commit, then it is refused with the reason', () => {
    expect(decideApproval(approval, { ...bob, id: 'UA' }, at('2026-01-02T03:10:00Z'))).toMatchObject({
      kind: 'refuse',
      code: 'SameApprover',
      message: expect.stringContaining('different approver'),
    });
  });

  it('When the same id comes from the other platform, then it is another person', () => {
    expect(
      decideApproval(approval, { ...bob, platform: 'teams', id: 'UA' }, at('2026-01-02T03:10:00Z')),
    ).toMatchObject({
      kind: 'approve',
    });
  });

  it('When the code has expired, then it is refused', () => {
    expect(decideApproval(approval, bob, at('2026-01-02T03:30:01Z'))).toMatchObject({
      kind: 'refuse',
      code: 'ApprovalExpired',
    });
  });

  it('When it was approved already, then the answer says so', () => {
    const approved = { ...approval, approver: { platform: 'slack' as const, id: 'UB' } };
    expect(decideApproval(approved, bob, at('2026-01-02T03:10:00Z'))).toMatchObject({
      kind: 'alreadyApproved',
    });
  });

  it('When codes are drawn, then they are 6 characters without look-alikes', () => {
    const codes = Array.from({ length: 200 }, () => approvalCodeFrom(crypto.randomUUID()));
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(195);
  });
});
