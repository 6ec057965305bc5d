/**
 * Chat use cases on the real stores (Azurite) with real admission, the scope entity in memory, the phase
 * queues recorded, and chat settings of the test's choosing. Users: `UV` viewer (unmapped), `UO`
 * operator, `UA` and `UB` approvers (Slack); `aad-a` approver (Teams).
 */
import type { Config } from '../../../../shared/config';
import type { ChatUser } from '../../../../shared/domain/chat/chat-user';
import type { ChatDeps, ChatRequest } from '../../../../shared/use-cases/chat/chat-request';
import { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import { aVirtualNetwork } from '../../../fixtures/classic-builders';
import { e2eEstate } from '../../../fixtures/e2e-estate';
import { uniqueSubscriptionId } from '../../../support/storage';
import { type TestServices, testServices } from '../../../support/test-services';

export const roles = {
  'slack:UO': 'operator',
  UA: 'approver',
  'slack:UB': 'approver',
  'teams:aad-a': 'approver',
} as const;

export interface ChatKit {
  deps: ChatDeps & TestServices;
  entity: InMemoryScopeEntity;
  subscriptionId: string;
  setNow(iso: string): void;
  request(userId: string, text: string, extra?: Partial<ChatRequest>): ChatRequest;
}

export async function chatKit(chat: Partial<Config['chat']> = {}): Promise<ChatKit> {
  let now = new Date('2026-01-02T03:04:05.000Z');
  const base = testServices();
  const subscriptionId = uniqueSubscriptionId();
  const entity = new InMemoryScopeEntity();
  const estate = e2eEstate(subscriptionId);
  estate.virtualNetworks.push(
    aVirtualNetwork({ name: '"my vnet quoted"', location: 'West US', addressSpace: ['10.7.0.0/16'] }),
  );
  await base.classicInventory.save(estate);
  const deps = {
    ...base,
    clock: { now: () => now },
    entity,
    config: {
      ...base.config,
      chat: {
        ...base.config.chat,
        roles: { ...roles },
        commitRequiresSecondApprover: true,
        approvalMinutes: 30,
        channelWebhooks: {},
        progressSeconds: 1,
        ...chat,
      },
    },
  };
  return {
    deps,
    entity,
    subscriptionId,
    setNow: (iso) => (now = new Date(iso)),
    request: (userId, text, extra = {}) => ({
      user: slackUser(userId),
      channelId: 'C1',
      text: `${text} --subscription ${subscriptionId}`,
      idempotencyKey: `slack:T1:${crypto.randomUUID()}`,
      ...extra,
    }),
  };
}

export function slackUser(id: string): ChatUser {
  return { platform: 'slack', id, name: id.toLowerCase(), otherIds: [] };
}
