/**
 * The admin API on dead letters, with the local Service Bus on the test run's Azurite (no dead-letter
 * processor runs here, so a dead letter stays in its queue until the test takes it): the listing, a
 * replay of an operation that is not final (sent again as a new delivery of the same operation), and
 * the refusals (a final operation, a message that is not a command, an unknown queue or message).
 */
import { randomUUID } from 'node:crypto';

import { HttpRequest } from '@azure/functions';
import { beforeEach, describe, expect, inject, it } from 'vitest';

import { sendToDeadLetter } from '../../../shared/adapters/local-service-bus/dead-letter-queue';
import { createEnvelope } from '../../../shared/adapters/local-service-bus/message-envelope';
import { StorageClients } from '../../../shared/adapters/local-service-bus/storage-clients';
import { phaseQueues } from '../../../shared/contracts/names';
import { queuedRecordOf } from '../../../shared/contracts/operation-record';
import type { PhaseCommand } from '../../../shared/contracts/phase-command';
import { phaseSessionId } from '../../../shared/contracts/service-bus-ids';
import { scopeKey } from '../../../shared/domain/scope/scope';
import { getDeadLetters, postDeadLetterReplay } from '../../../shared/handlers/dead-letters.handler';
import type { DeadLetterView } from '../../../shared/use-cases/operations/dead-letter-admin';
import { uniqueSubscriptionId } from '../../support/storage';
import { type TestServices, testServices } from '../../support/test-services';

let services: TestServices;

beforeEach(() => {
  services = testServices();
});

function commandOf(operation: PhaseCommand['operation']): PhaseCommand {
  return {
    v: 1,
    operationId: randomUUID(),
    operation,
    scope: { subscriptionId: uniqueSubscriptionId(), kind: 'virtualNetwork', name: 'vnet1' },
    options: {},
    requestedBy: 'alice@contoso.com',
    source: 'api',
    requestedAt: services.clock.now().toISOString(),
  };
}

/** Dead-letters a message on a phase queue, as the broker would after its last delivery. */
async function deadLetter(queue: string, body: unknown, messageId: string): Promise<void> {
  await sendToDeadLetter(
    new StorageClients(inject('azuriteConnectionString')),
    queue,
    { ...createEnvelope({ body, messageId, sessionId: 'session' }, Date.now()), deliveryCount: 10 },
    'MaxDeliveryCountExceeded',
    'Error: worker exited',
  );
}

const list = async (queue?: string) => {
  const response = await getDeadLetters(
    services,
    new HttpRequest({
      method: 'GET',
      url: `http://localhost/api/admin/deadletters${queue === undefined ? '' : `?queue=${queue}`}`,
    }),
  );
  return { status: response.status, value: (response.jsonBody as { value?: DeadLetterView[] }).value ?? [] };
};

const replay = (queue: string, messageId: string) =>
  postDeadLetterReplay(
    services,
    new HttpRequest({
      method: 'POST',
      url: `http://localhost/api/admin/deadletters/${queue}/${messageId}/replay`,
      params: { queue, messageId },
      headers: { 'x-ms-client-principal-name': 'ops@contoso.com' },
    }),
  );

describe('GET /api/admin/deadletters and POST …/replay', () => {
  it('When an open operation’s command is dead-lettered, then it is listed as replayable, and a replay sends it again as a new delivery of the same operation', async () => {
    const command = commandOf('prepare');
    const key = scopeKey(command.scope);
    await services.operations.create({ ...queuedRecordOf(command, key), status: 'InProgress' });
    await deadLetter(phaseQueues.prepare, command, command.operationId);

    const listed = await list('prepare');
    expect(listed.status).toBe(200);
    expect(listed.value.find((view) => view.messageId === command.operationId)).toMatchObject({
      queue: phaseQueues.prepare,
      state: 'pending',
      operationId: command.operationId,
      operation: 'prepare',
      operationStatus: 'InProgress',
      deadLetterReason: 'MaxDeliveryCountExceeded',
      deadLetterErrorDescription: 'Error: worker exited',
      deliveryCount: 10,
      replayable: true,
    });

    const response = await replay('migration-prepare', command.operationId);
    expect(response.status).toBe(202);
    expect(response.jsonBody).toMatchObject({ operationId: command.operationId, status: 'InProgress' });
    const sent = services.messages.sent.find((entry) => entry.entityName === phaseQueues.prepare);
    expect(sent?.message).toMatchObject({
      body: command,
      sessionId: phaseSessionId(key),
      messageId: (response.jsonBody as { messageId: string }).messageId,
    });
    expect(sent?.message.messageId).not.toBe(command.operationId);
    // Taken out of the dead-letter queue, and audited with who asked.
    expect((await list('prepare')).value.some((view) => view.messageId === command.operationId)).toBe(false);
    expect((await services.audit.listByScope(key, 1))[0]).toMatchObject({
      action: 'replay',
      actor: 'ops@contoso.com',
      operationId: command.operationId,
    });
  });

  it('When the operation is final, then the replay is refused with when and how it ended, and the dead letter stays', async () => {
    const command = commandOf('commit');
    await services.operations.create({
      ...queuedRecordOf(command, scopeKey(command.scope)),
      status: 'Failed',
      finishedAt: '2026-01-02T03:04:05.000Z',
      error: { code: 'DeadLettered', message: 'gone' },
    });
    await deadLetter(phaseQueues.commit, command, command.operationId);
    expect((await list('commit')).value.find((view) => view.messageId === command.operationId)).toMatchObject(
      {
        replayable: false,
        operationStatus: 'Failed',
      },
    );
    const response = await replay('commit', command.operationId);
    expect(response.status).toBe(409);
    expect(response.jsonBody).toMatchObject({ error: { code: 'OperationFinal' } });
    expect((response.jsonBody as { error: { message: string } }).error.message).toContain(
      'Failed (DeadLettered: gone) at 2026-01-02T03:04:05.000Z',
    );
    expect(services.messages.sent).toEqual([]);
    expect((await list('commit')).value.some((view) => view.messageId === command.operationId)).toBe(true);
  });

  it('When the dead letter is not a phase command, then the replay is refused', async () => {
    const messageId = `junk-${randomUUID()}`;
    await deadLetter(phaseQueues.abort, { hello: 'world' }, messageId);
    const response = await replay('abort', messageId);
    expect(response.status).toBe(400);
    expect(response.jsonBody).toMatchObject({ error: { code: 'NotACommand' } });
  });

  it('When the queue or the message is unknown, then 400 and 404', async () => {
    expect((await replay('migration-events', 'x')).status).toBe(400);
    expect((await list('nope')).status).toBe(400);
    expect((await replay('validate', `missing-${randomUUID()}`)).status).toBe(404);
  });
});
