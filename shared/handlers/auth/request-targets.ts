/**
 * What each HTTP request asks to do (the action of the permission table) and in which subscription, per
 * surface. Function registrations pick one of these for `withAuthorization`.
 */
import type { HttpRequest } from '@azure/functions';

import type { Services } from '../../composition';
import type { Action } from '../../domain/auth/permissions';
import { migrationOperationSchema } from '../../domain/migration/migration-state';
import { readJsonBody } from '../http-responses';
import { subscriptionOf } from '../request-context';
import { requestedOperation } from '../requested-operation';
import type { RequestTarget } from './authorized';

type TargetOf = (request: HttpRequest) => RequestTarget | Promise<RequestTarget>;

/** The migration verb a request names (JSON `{action}` segment, Service Management `?comp=`); reads otherwise. */
function operationAction(value: string | null | undefined): Action {
  return migrationOperationSchema.safeParse((value ?? '').toLowerCase()).data ?? 'read';
}

type TargetServices = Pick<Services, 'config' | 'operations' | 'batches'>;

/** Built once per process (per services object), not on every request. */
const built = new WeakMap<TargetServices, ReturnType<typeof buildTargets>>();

export function requestTargets(services: TargetServices): ReturnType<typeof buildTargets> {
  let targets = built.get(services);
  if (!targets) {
    targets = buildTargets(services);
    built.set(services, targets);
  }
  return targets;
}

function buildTargets(services: TargetServices) {
  const jsonSubscription = (request: HttpRequest) =>
    subscriptionOf(request, services.config.defaultSubscriptionId);
  const pathSubscription = (request: HttpRequest) => request.params.subscriptionId ?? '';
  const json =
    (action: Action): TargetOf =>
    (request) => ({ action, subscriptionId: jsonSubscription(request) });
  const servicePath =
    (action: Action): TargetOf =>
    (request) => ({ action, subscriptionId: pathSubscription(request) });
  return {
    /** JSON API reads (status, lists, exports, operations, reports). */
    jsonRead: json('read'),
    /** `POST /api/migrations/{kind}/{name}/{action}`. */
    jsonOperation: ((request) => ({
      action: operationAction(request.params.action),
      subscriptionId: jsonSubscription(request),
    })) satisfies TargetOf,
    jsonImport: json('import'),
    jsonForceRelease: json('forceRelease'),
    /** Rehearsal faults and dead letters concern the service, not one subscription. */
    faults: { action: 'faults' } satisfies RequestTarget,
    deadLetters: { action: 'deadLetters' } satisfies RequestTarget,
    grants: { action: 'grants' } satisfies RequestTarget,
    /** `/api/subscriptions/{subscriptionId}/migration-profile`: an Admin's, read or written. */
    migrationProfile: servicePath('migrationProfile'),
    /** Creating a batch: one that commits needs the approver's role. */
    jsonBatchCreate: (async (request) => {
      const body = (await readJsonBody(request.clone())) as
        { phases?: unknown; autoCommit?: unknown } | undefined;
      const commits =
        Array.isArray(body?.phases) && body.phases.includes('commit') && body.autoCommit === true;
      return { action: commits ? 'batchCommit' : 'batch', subscriptionId: jsonSubscription(request) };
    }) satisfies TargetOf,
    /** The nightly plan of a subscription. */
    jsonBatch: json('batch'),
    /** An operation by id: a read in the operation's own subscription. */
    jsonOperationRead: (async (request) => {
      const operation = await requestedOperation(request, services.operations);
      return { action: 'read', subscriptionId: operation?.scope.subscriptionId ?? jsonSubscription(request) };
    }) satisfies TargetOf,
    /** A batch by id (read, report; pause, resume, cancel): in the batch's own subscription. */
    jsonBatchById: (async (request) => {
      const stored = await services.batches.get(request.params.batchId ?? '');
      return {
        action: request.method === 'GET' ? 'read' : 'batch',
        subscriptionId: stored?.batch.plan.subscriptionId ?? jsonSubscription(request),
      };
    }) satisfies TargetOf,
    /** Service Management GETs. */
    smRead: servicePath('read'),
    /** Service Management migration verbs (`?comp=validate|prepare|commit|abort`). */
    smOperation: ((request) => ({
      action: operationAction(request.query.get('comp')),
      subscriptionId: pathSubscription(request),
    })) satisfies TargetOf,
    /** Service Management writes to the Classic inventory (GET on the same route is a read). */
    smWrite: ((request) => ({
      action: request.method === 'GET' ? 'read' : 'import',
      subscriptionId: pathSubscription(request),
    })) satisfies TargetOf,
    /** ARM read API (writes are refused as Azure refuses them for resources being migrated). */
    armRead: servicePath('read'),
    /** The migration provider: GET reads it, POST registers or unregisters the subscription. */
    armProvider: ((request) => ({
      action: request.method === 'GET' ? 'read' : 'register',
      subscriptionId: pathSubscription(request),
    })) satisfies TargetOf,
  };
}
