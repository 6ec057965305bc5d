/**
 * `POST /api/admin/faults` `{ scopeKind, name, step, kind: "transient"|"fatal"|"crash", times?, message? }`
 * (`?subscriptionId=…`) → 201: the next `times` runs of that phase step on that scope fail. For
 * rehearsals and tests (see ports/fault-injector.port.ts). Steps: `prepare.translate`,
 * `prepare.dataPlane`, `prepare.writeArm`, `commit.recordScope`, `commit.commitArm`,
 * `commit.removeClassic`, `abort.removeArm`, and `<phase>.finish` (after the last step).
 */
import { randomUUID } from 'node:crypto';

import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';

import type { Services } from '../composition';
import { scopeKey, scopeKindFromPath, scopeKindSchema } from '../domain/scope/scope';
import { phaseSteps } from '../use-cases/phases/phase-steps';
import { finishCheckpoint } from '../use-cases/phases/run-phase';
import { invalidInput, json, jsonError, readJsonBody } from './http-responses';
import { subscriptionOf } from './request-context';

export const faultableSteps = Object.entries(phaseSteps).flatMap(([phase, steps]) => [
  ...steps.map((step) => `${phase}.${step.name}`),
  `${phase}.${finishCheckpoint}`,
]);

const bodySchema = z.object({
  scopeKind: z.string(),
  name: z.string().min(1),
  step: z.string().refine((step) => faultableSteps.includes(step), {
    message: `must be one of ${faultableSteps.join(', ')}`,
  }),
  kind: z.enum(['transient', 'fatal', 'crash']),
  times: z.number().int().min(1).max(100).default(1),
  message: z.string().min(1).optional(),
});

export async function planFault(services: Services, request: HttpRequest): Promise<HttpResponseInit> {
  if (!services.config.faultsEnabled) {
    return jsonError(
      403,
      'FaultInjectionDisabled',
      'Fault injection is off on this service (FAULTS_ENABLED is not true): it is for rehearsals on the dev host or a rehearsal deployment.',
    );
  }
  const body = await readJsonBody(request);
  if (body === undefined) return jsonError(400, 'InvalidJson', 'The request body is not valid JSON.');
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return invalidInput('fault', parsed.error);
  const kind =
    scopeKindFromPath(parsed.data.scopeKind) ?? scopeKindSchema.safeParse(parsed.data.scopeKind).data;
  if (!kind) return jsonError(400, 'UnknownScopeKind', `'${parsed.data.scopeKind}' is not a scope kind.`);
  const scope = {
    subscriptionId: subscriptionOf(request, services.config.defaultSubscriptionId),
    kind,
    name: parsed.data.name,
  };
  // Azure's own texts for the failures it told users to retry (H5 #1 and #3).
  const message =
    parsed.data.message ??
    (parsed.data.kind === 'transient'
      ? 'Internal server error'
      : `Template ${scope.name}-Migrated deployment failed. CorrelationId=${randomUUID()}`);
  const fault = {
    scopeKey: scopeKey(scope),
    step: parsed.data.step,
    kind: parsed.data.kind,
    remaining: parsed.data.times,
    message,
  };
  await services.faults.plan(fault);
  return json(201, { scope, ...fault });
}
