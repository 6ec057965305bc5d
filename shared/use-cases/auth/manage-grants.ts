/** Admins grant and revoke principals' subscriptions (audited under `grants`). */
import type { Services } from '../../composition';
import type { Grant } from '../../ports/grant.port';

export type GrantDeps = Pick<Services, 'grants' | 'audit' | 'clock'>;

export const grantsAuditKey = 'grants';

export async function grantSubscription(
  deps: GrantDeps,
  principalId: string,
  subscriptionId: string,
  by: string,
): Promise<Grant> {
  const grant: Grant = {
    principalId: principalId.toLowerCase(),
    subscriptionId: subscriptionId.toLowerCase(),
    grantedBy: by,
    grantedAt: deps.clock.now().toISOString(),
  };
  await deps.grants.put(grant);
  await deps.audit.append({
    at: grant.grantedAt,
    scopeKey: grantsAuditKey,
    actor: by,
    source: 'api',
    action: 'grant',
    outcome: 'Granted',
    detail: `${grant.principalId} → ${grant.subscriptionId}`,
  });
  return grant;
}

export async function revokeSubscription(
  deps: GrantDeps,
  principalId: string,
  subscriptionId: string,
  by: string,
): Promise<boolean> {
  const removed = await deps.grants.remove(principalId, subscriptionId);
  if (removed) {
    await deps.audit.append({
      at: deps.clock.now().toISOString(),
      scopeKey: grantsAuditKey,
      actor: by,
      source: 'api',
      action: 'revoke',
      outcome: 'Revoked',
      detail: `${principalId.toLowerCase()} → ${subscriptionId.toLowerCase()}`,
    });
  }
  return removed;
}

export function listGrants(deps: Pick<Services, 'grants'>, principalId?: string): Promise<Grant[]> {
  return principalId ? deps.grants.list(principalId) : deps.grants.listAll();
}
