/**
 * Admission, the one use case every surface starts operations through: each result it can give, with the
 * real stores on Azurite, the scope entity in memory (the real reducer) and the phase queues recorded.
 */
import { randomUUID } from 'node:crypto';

import { beforeEach, describe, expect, it } from 'vitest';

import { phaseQueues } from '../../../../shared/contracts/names';
import { maxServiceBusIdLength, phaseSessionId } from '../../../../shared/contracts/service-bus-ids';
import { scopeKey, type ScopeRef } from '../../../../shared/domain/scope/scope';
import type { MessageSender } from '../../../../shared/ports/message-sender.port';
import type { OperationRequest } from '../../../../shared/use-cases/request-operation/operation-request';
import {
  type AdmissionDeps,
  requestOperation,
} from '../../../../shared/use-cases/request-operation/request-operation';
import { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import {
  aCloudService,
  aNetworkSecurityGroup,
  anInventory,
  aVirtualNetwork,
} from '../../../fixtures/classic-builders';
import { uniqueSubscriptionId } from '../../../support/storage';
import { type TestServices, testServices } from '../../../support/test-services';

let services: TestServices;
let entity: InMemoryScopeEntity;
let subscriptionId: string;
let nsg: ScopeRef;

const deps = (overrides: Partial<AdmissionDeps> = {}): AdmissionDeps => ({
  ...services,
  entity,
  ...overrides,
});

const request = (overrides: Partial<OperationRequest> = {}): OperationRequest => ({
  scope: nsg,
  operation: 'prepare',
  options: {},
  requestedBy: 'alice@contoso.com',
  source: 'api',
  origin: '203.0.113.7',
  ...overrides,
});

async function saveEstate(registered: boolean): Promise<void> {
  await services.classicInventory.save(
    anInventory({
      subscription: { id: subscriptionId, registeredForMigration: registered },
      cloudServices: [aCloudService({ name: 'svc1' })],
      networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg1' })],
    }),
  );
}

beforeEach(async () => {
  services = testServices();
  entity = new InMemoryScopeEntity();
  subscriptionId = uniqueSubscriptionId();
  nsg = { subscriptionId, kind: 'networkSecurityGroup', name: 'nsg1' };
  await saveEstate(true);
});

const lastAudit = async (scope: ScopeRef = nsg) => (await services.audit.listByScope(scopeKey(scope), 1))[0];

describe('requestOperation', () => {
  it('When a Prepare of an existing scope in state None is asked, then it is recorded Queued, queued in the scope session and audited', async () => {
    const result = await requestOperation(deps(), request());

    expect(result.kind).toBe('started');
    if (result.kind !== 'started') return;
    const { operationId } = result.operation;
    expect(await services.operations.get(operationId)).toMatchObject({
      status: 'Queued',
      operation: 'prepare',
      scopeKey: scopeKey(nsg),
      requestedBy: 'alice@contoso.com',
      source: 'api',
    });
    expect(services.messages.sent).toEqual([
      {
        entityName: phaseQueues.prepare,
        message: expect.objectContaining({ messageId: operationId, sessionId: scopeKey(nsg) }),
      },
    ]);
    expect(await lastAudit()).toMatchObject({ outcome: 'Queued', operationId, detail: 'from 203.0.113.7' });
  });

  it('When the subscription is not registered for migration, then every operation is refused with Azure’s text, Validate included', async () => {
    await saveEstate(false);
    for (const operation of ['validate', 'prepare'] as const) {
      const result = await requestOperation(deps(), request({ operation }));
      expect(result).toMatchObject({
        kind: 'notRegistered',
        refusal: { message: 'Subscription is not registered for migration.' },
      });
    }
    expect(services.messages.sent).toEqual([]);
    expect(await lastAudit()).toMatchObject({ outcome: 'Rejected: SUBSCRIPTION_NOT_REGISTERED' });
  });

  it('When the scope is in neither the inventory nor the entity, then it is not found with the scope kind’s text', async () => {
    const missing = { ...nsg, name: 'nope' };
    const result = await requestOperation(deps(), request({ scope: missing, operation: 'validate' }));

    expect(result).toMatchObject({ kind: 'notFound', name: 'nope' });
    if (result.kind === 'notFound') expect(result.message).toContain('nope');
    expect(services.messages.sent).toEqual([]);
    expect(await lastAudit(missing)).toMatchObject({ outcome: 'Rejected: ResourceNotFound' });
  });

  it('When a deployment path names a deployment the cloud service does not hold, then it is not found by that deployment name', async () => {
    const service = { subscriptionId, kind: 'cloudService' as const, name: 'svc1' };
    const result = await requestOperation(deps(), request({ scope: service, deploymentName: 'other' }));
    expect(result).toMatchObject({ kind: 'notFound', name: 'other' });
  });

  it('When the entity knows a scope that Classic no longer holds (committed), then it is not "not found" but answered by its state', async () => {
    const gone = { ...nsg, name: 'committed-nsg' };
    entity.setState(scopeKey(gone), 'Committed');
    const result = await requestOperation(deps(), request({ scope: gone, operation: 'commit' }));
    expect(result.kind).toBe('started');
  });

  it('When the scope’s state refuses the operation, then it is refused with the state machine’s code and text', async () => {
    const result = await requestOperation(deps(), request({ operation: 'commit' }));

    expect(result).toMatchObject({ kind: 'refused', code: 'NotPrepared', state: 'None', retryable: false });
    if (result.kind === 'refused') expect(result.message).toContain('Run Prepare first');
    expect(await lastAudit()).toMatchObject({ outcome: 'Rejected: NotPrepared', actor: 'alice@contoso.com' });
  });

  it('When another operation holds the scope, then the refusal is retryable (time alone may resolve it)', async () => {
    entity.setState(scopeKey(nsg), 'Preparing');
    const result = await requestOperation(deps(), request({ operation: 'commit' }));
    expect(result).toMatchObject({ kind: 'refused', code: 'OperationInProgress', retryable: true });
  });

  it('When the state refuses an operation while an earlier one waits in its queue, then the refusal is retryable and names it', async () => {
    const prepare = await requestOperation(deps(), request());
    const commit = await requestOperation(deps(), request({ operation: 'commit' }));
    expect(prepare.kind).toBe('started');
    if (prepare.kind !== 'started') return;
    expect(commit).toMatchObject({
      kind: 'refused',
      code: 'NotPrepared',
      retryable: true,
      pending: { operationId: prepare.operation.operationId, operation: 'prepare' },
    });
  });

  it('When Validate is asked of a scope in any state, then it is admitted (it never changes state)', async () => {
    entity.setState(scopeKey(nsg), 'Preparing');
    expect((await requestOperation(deps(), request({ operation: 'validate' }))).kind).toBe('started');
  });

  it('When a destination is given for a scope that is not a cloud service, then the request is invalid', async () => {
    const result = await requestOperation(deps(), request({ options: { destination: { type: 'New' } } }));
    expect(result).toMatchObject({ kind: 'invalid', code: 'DestinationNotApplicable' });
  });

  it('When the same idempotency key is sent again after the scope moved on, then the first operation is answered, not a refusal', async () => {
    const first = await requestOperation(deps(), request({ idempotencyKey: 'k-1' }));
    entity.setState(scopeKey(nsg), 'Preparing');
    const again = await requestOperation(deps(), request({ idempotencyKey: 'k-1' }));

    expect(first.kind).toBe('started');
    expect(again.kind).toBe('existing');
    if (first.kind === 'started' && again.kind === 'existing')
      expect(again.operation.operationId).toBe(first.operation.operationId);
    expect(services.messages.sent).toHaveLength(1);
  });

  it('When a client operation id is sent again, then the operation it names is answered', async () => {
    const operationId = randomUUID();
    await requestOperation(deps(), request({ operationId }));
    const again = await requestOperation(deps(), request({ operationId }));
    expect(again).toMatchObject({ kind: 'existing', operation: { operationId } });
  });

  it('When an idempotency key is reused for a different request, then it is invalid and names the first one', async () => {
    await requestOperation(deps(), request({ idempotencyKey: 'k-2', operation: 'validate' }));
    const result = await requestOperation(deps(), request({ idempotencyKey: 'k-2', operation: 'prepare' }));
    expect(result).toMatchObject({ kind: 'invalid', code: 'IdempotencyKeyReused' });
  });

  it('When a key is bound to an operation that was never recorded (a crash between writes), then the retry starts it under the bound id', async () => {
    const bound = await services.operations.claimIdempotencyKey(subscriptionId, 'k-3', randomUUID());
    const result = await requestOperation(deps(), request({ idempotencyKey: 'k-3' }));
    expect(result).toMatchObject({ kind: 'started', operation: { operationId: bound } });
  });

  it('When the phase queue refuses the message, then the operation is recorded Failed and the answer says it could not be queued', async () => {
    const refusing: MessageSender = { send: () => Promise.reject(new Error('namespace unreachable')) };
    const result = await requestOperation(deps({ messages: refusing }), request());

    expect(result.kind).toBe('enqueueFailed');
    if (result.kind !== 'enqueueFailed') return;
    expect(result.message).toContain('namespace unreachable');
    expect(await services.operations.get(result.operation.operationId)).toMatchObject({
      status: 'Failed',
      error: { code: 'EnqueueFailed' },
    });
    expect(await lastAudit()).toMatchObject({ outcome: 'Rejected: EnqueueFailed' });

    const retried = await requestOperation(deps(), request({ operationId: result.operation.operationId }));
    expect(retried).toMatchObject({
      kind: 'started',
      operation: { operationId: result.operation.operationId },
    });
    expect(await services.operations.get(result.operation.operationId)).toMatchObject({ status: 'Queued' });
    expect(services.messages.sent).toHaveLength(1);
  });

  it('When storage fails, then the fault is thrown to the surface (never turned into a refusal)', async () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const failing = { ...services.classicInventory, load: () => Promise.reject(outage) };
    await expect(requestOperation(deps({ classicInventory: failing }), request())).rejects.toBe(outage);
  });

  describe('concurrency and overlapping scopes', () => {
    it('When a scope name makes its key longer than 128 characters, then the command is queued in a session id within the Service Bus limit', async () => {
      const longName = `nsg-${'é'.repeat(60)}`;
      await services.classicInventory.save(
        anInventory({
          subscription: { id: subscriptionId, registeredForMigration: true },
          networkSecurityGroups: [aNetworkSecurityGroup({ name: longName })],
        }),
      );
      const scope: ScopeRef = { subscriptionId, kind: 'networkSecurityGroup', name: longName };
      const result = await requestOperation(deps(), request({ scope }));
      expect(result.kind).toBe('started');
      const sent = services.messages.sent[0]?.message;
      expect(scopeKey(scope).length).toBeGreaterThan(maxServiceBusIdLength);
      expect(sent?.sessionId).toBe(phaseSessionId(scopeKey(scope)));
      expect(sent?.sessionId?.length).toBeLessThanOrEqual(maxServiceBusIdLength);
    });

    it('When a Prepare is asked while another one on the scope is still queued, then it is refused, naming the one that holds the scope, and may be retried', async () => {
      const first = await requestOperation(deps(), request());
      if (first.kind !== 'started') throw new Error(first.kind);
      const second = await requestOperation(deps(), request());
      expect(second).toMatchObject({
        kind: 'refused',
        code: 'OperationInProgress',
        retryable: true,
        pending: { operationId: first.operation.operationId, operation: 'prepare' },
      });
      if (second.kind === 'refused') expect(second.message).toContain(first.operation.operationId);
      expect(services.messages.sent).toHaveLength(1);
    });

    it('When an NSG is to be prepared while the VNet using it is being migrated, then it is refused as an overlapping migration', async () => {
      await services.classicInventory.save(
        anInventory({
          subscription: { id: subscriptionId, registeredForMigration: true },
          virtualNetworks: [
            aVirtualNetwork({
              name: 'vnet1',
              subnets: [{ name: 'web', addressPrefix: '10.0.0.0/24', networkSecurityGroup: 'nsg1' }],
            }),
          ],
          networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg1' })],
        }),
      );
      const vnetKey = scopeKey({ subscriptionId, kind: 'virtualNetwork', name: 'vnet1' });
      entity.setState(vnetKey, 'Preparing');
      const whileRunning = await requestOperation(deps(), request());
      expect(whileRunning).toMatchObject({ kind: 'refused', code: 'OverlappingMigration', retryable: true });
      if (whileRunning.kind === 'refused') {
        expect(whileRunning.message).toContain("virtualNetwork 'vnet1'");
        expect(whileRunning.message).toContain('Preparing');
      }
      entity.setState(vnetKey, 'Prepared');
      expect(await requestOperation(deps(), request())).toMatchObject({
        kind: 'refused',
        code: 'OverlappingMigration',
        retryable: false,
      });
      expect(await lastAudit()).toMatchObject({ outcome: 'Rejected: OverlappingMigration' });
      // Validate is never refused for it; once the VNet is committed the NSG is free.
      expect((await requestOperation(deps(), request({ operation: 'validate' }))).kind).toBe('started');
      entity.setState(vnetKey, 'Committed');
      expect((await requestOperation(deps(), request())).kind).toBe('started');
    });
  });
});
