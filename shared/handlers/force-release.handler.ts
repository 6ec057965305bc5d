/**
 * `POST /api/admin/migrations/{scopeKind}/{name}/release` `{ reason }` (`?subscriptionId=…`): an operator
 * releases the operation holding a scope (a crashed run that would otherwise wait for its 24-hour lease).
 * The running operation counts as failed, so the documented retry paths apply; the release is recorded in
 * the entity's decisions and in the audit log with who asked and why.
 */
import { randomUUID } from 'node:crypto';

import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';

import type { Services } from '../composition';
import { describeScope, scopeKey } from '../domain/scope/scope';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { waitForDecision } from '../use-cases/scope-decision';
import { invalidInput, json, jsonError, readJsonBody } from './http-responses';
import { callerOf, originOf } from './request-context';
import { isScope, scopeOfRequest } from './scope-of-request';

const bodySchema = z.object({ reason: z.string().trim().min(1, 'say why the operation is released') });

export async function forceRelease(
  services: Services,
  entity: ScopeEntityGateway,
  request: HttpRequest,
): Promise<HttpResponseInit> {
  const scope = scopeOfRequest(services, request);
  if (!isScope(scope)) return scope;
  const body = await readJsonBody(request);
  if (body === undefined) return jsonError(400, 'InvalidJson', 'The request body is not valid JSON.');
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return invalidInput('release request', parsed.error);

  const key = scopeKey(scope);
  const operationId = randomUUID();
  const actor = callerOf(request);
  await entity.signal(key, {
    type: 'forceRelease',
    operationId,
    now: services.clock.now().toISOString(),
    requestedBy: actor,
    reason: parsed.data.reason,
    scopeLabel: describeScope(scope),
  });
  const decision = await waitForDecision(entity, key, operationId, () => true, {
    timeoutMs: services.config.entityDecisionTimeoutMs,
  });
  const state = await entity.read(key);
  await services.audit.append({
    at: services.clock.now().toISOString(),
    scopeKey: key,
    operationId,
    actor,
    source: 'api',
    action: 'forceRelease',
    outcome: decision.decision === 'succeeded' ? 'Succeeded' : `Refused: ${decision.code ?? ''}`,
    detail: `${parsed.data.reason} (from ${originOf(request)})`,
  });
  if (decision.decision !== 'succeeded')
    return jsonError(409, decision.code ?? 'Refused', decision.message ?? 'Nothing to release.');
  return json(200, { scope, operationId, message: decision.message, state: state?.state });
}
