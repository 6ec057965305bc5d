/**
 * The dead letters of the phase queues, for operators (authLevel admin):
 * - `GET /api/admin/deadletters[?queue=]` → `{ value: DeadLetterView[] }`: the messages still in the
 *   dead-letter queues (`pending`) and those the dead-letter processor handled (`handled`), each with its
 *   operation's status and whether it may be replayed; `queue` is a phase queue (`migration-prepare`) or a
 *   phase (`prepare`);
 * - `POST /api/admin/deadletters/{queue}/{messageId}/replay` → 202 `{ operationId, queue, messageId,
 *   status }`: the command is sent again as a new delivery of the same operation; 409 `OperationFinal`
 *   (with when and how it ended) when the operation is final, 400 `NotACommand`, 404 when no such dead
 *   letter is waiting.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import type { Services } from '../composition';
import {
  listDeadLetters,
  phaseQueueNamed,
  replayDeadLetter,
} from '../use-cases/operations/dead-letter-admin';
import { json, jsonError } from './http-responses';
import { callerOf } from './request-context';

function unknownQueue(name: string): HttpResponseInit {
  return jsonError(
    400,
    'InvalidQueue',
    `'${name}' is not a phase queue. Use migration-validate, migration-prepare, migration-commit or migration-abort (or the phase name).`,
  );
}

export async function getDeadLetters(services: Services, request: HttpRequest): Promise<HttpResponseInit> {
  const asked = request.query.get('queue')?.trim();
  const queue = asked ? phaseQueueNamed(asked) : undefined;
  if (asked && !queue) return unknownQueue(asked);
  const value = await listDeadLetters({ services }, queue);
  return json(200, { value });
}

export async function postDeadLetterReplay(
  services: Services,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const asked = request.params.queue ?? '';
  const queue = phaseQueueNamed(asked);
  if (!queue) return unknownQueue(asked);
  const result = await replayDeadLetter(
    { services },
    queue,
    request.params.messageId ?? '',
    callerOf(request),
  );
  switch (result.kind) {
    case 'replayed':
      return json(202, {
        operationId: result.operation.operationId,
        queue: result.queue,
        messageId: result.messageId,
        status: result.operation.status,
      });
    case 'notFound':
      return jsonError(404, 'DeadLetterNotFound', result.message);
    case 'refused':
      return jsonError(result.code === 'OperationFinal' ? 409 : 400, result.code, result.message);
  }
}
