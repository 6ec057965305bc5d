/**
 * The checks at the end of a soak run, read straight from the dev host's Azurite with the project's own
 * adapters (the Table stores of shared/adapters/tables, the dev host's entity store, the local Service Bus),
 * not through the API under test. Run once every operation the traffic started has ended:
 * - no operation open past its deadline;
 * - no scope held without a running operation (the entity's `running` must name an open operation, and a
 *   transitional state must have one);
 * - the scope index (the list endpoint's read model) agrees with the entity;
 * - the ARM inventory equals the manifests: a Prepared, Committed or CommitFailed scope has exactly the
 *   resources its manifest lists, in the matching phase; a PrepareFailed or AbortFailed scope a subset; a
 *   scope back to None nothing;
 * - no orphaned ARM resources: every resource and resource group of the soak's subscriptions is listed by
 *   the manifest of a scope that may hold it;
 * - no phase message dead-lettered.
 */
import { TableClient } from '@azure/data-tables';

import { canonicalEntity } from '../../devhost/durable/entity-id';
import { EntityStore, entityTable } from '../../devhost/durable/entity-store';
import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus';
import { TableArmInventoryStore } from '../../shared/adapters/tables/table-arm-inventory.store';
import { TableOperationStore } from '../../shared/adapters/tables/table-operation.store';
import { TableScopeIndex } from '../../shared/adapters/tables/table-scope-index';
import { TableService } from '../../shared/adapters/tables/table-service';
import { migrationScopeEntity, phaseQueues } from '../../shared/contracts/names';
import type { PhaseCommand } from '../../shared/contracts/phase-command';
import {
  type ScopeEntityState,
  scopeEntityStateSchema,
} from '../../shared/domain/migration/scope-entity.reducer';
import type { SoakScope, TrackedOperation } from './soak-traffic';

export interface InvariantResult {
  name: string;
  checked: number;
  violations: string[];
}

interface Stores {
  operations: TableOperationStore;
  arm: TableArmInventoryStore;
  index: TableScopeIndex;
  entities: EntityStore;
  bus: LocalServiceBusClient;
}

export async function checkInvariants(
  storageConnectionString: string,
  scopes: readonly SoakScope[],
  subscriptions: readonly string[],
  operations: readonly TrackedOperation[],
  deadlineMs: number,
): Promise<InvariantResult[]> {
  const tables = new TableService({ kind: 'connectionString', connectionString: storageConnectionString });
  const stores: Stores = {
    operations: new TableOperationStore(tables),
    arm: new TableArmInventoryStore(tables),
    index: new TableScopeIndex(tables),
    entities: new EntityStore(
      TableClient.fromConnectionString(storageConnectionString, entityTable, {
        allowInsecureConnection: true,
      }),
    ),
    bus: LocalServiceBusClient.fromConnectionString(storageConnectionString),
  };
  const entities = new Map<string, ScopeEntityState | undefined>();
  for (const scope of scopes) entities.set(scope.key, await readEntity(stores, scope.key));
  return [
    await openOperations(stores, operations, deadlineMs),
    await heldScopes(stores, scopes, entities),
    await scopeIndex(stores, scopes, subscriptions, entities),
    ...(await armInventory(stores, scopes, subscriptions, entities)),
    await deadLetters(stores, subscriptions),
  ];
}

async function readEntity(stores: Stores, key: string): Promise<ScopeEntityState | undefined> {
  const record = await stores.entities.read(canonicalEntity(migrationScopeEntity, key));
  return record.exists && record.state ? scopeEntityStateSchema.parse(JSON.parse(record.state)) : undefined;
}

async function openOperations(
  stores: Stores,
  operations: readonly TrackedOperation[],
  deadlineMs: number,
): Promise<InvariantResult> {
  const violations: string[] = [];
  for (const tracked of operations) {
    const record = await stores.operations.get(tracked.operationId);
    if (!record) {
      violations.push(`${tracked.operationId} (${tracked.scope.key}): no record`);
      continue;
    }
    const open = record.status === 'Queued' || record.status === 'InProgress';
    const age = Date.now() - Date.parse(record.requestedAt);
    if (open && age > deadlineMs) {
      violations.push(
        `${record.operation} ${record.operationId} (${record.scopeKey}) ${record.status} for ${age} ms`,
      );
    }
  }
  return { name: 'no operation open past its deadline', checked: operations.length, violations };
}

async function heldScopes(
  stores: Stores,
  scopes: readonly SoakScope[],
  entities: ReadonlyMap<string, ScopeEntityState | undefined>,
): Promise<InvariantResult> {
  const violations: string[] = [];
  for (const scope of scopes) {
    const entity = entities.get(scope.key);
    if (!entity) continue;
    const transitional = ['Preparing', 'Committing', 'Aborting'].includes(entity.state);
    if (!entity.running) {
      if (transitional) violations.push(`${scope.key}: ${entity.state} with no running operation`);
      continue;
    }
    const record = await stores.operations.get(entity.running.operationId);
    if (!record || record.status === 'Succeeded' || record.status === 'Failed') {
      violations.push(
        `${scope.key}: ${entity.state}, held by ${entity.running.operation} ${entity.running.operationId}, which is ${record ? record.status : 'unknown'}`,
      );
    }
  }
  return { name: 'no scope held without a running operation', checked: scopes.length, violations };
}

async function scopeIndex(
  stores: Stores,
  scopes: readonly SoakScope[],
  subscriptions: readonly string[],
  entities: ReadonlyMap<string, ScopeEntityState | undefined>,
): Promise<InvariantResult> {
  const violations: string[] = [];
  let checked = 0;
  const keys = new Set(scopes.map((scope) => scope.key));
  for (const subscriptionId of subscriptions) {
    for (const entry of await stores.index.list(subscriptionId)) {
      if (!keys.has(entry.scopeKey)) continue;
      checked++;
      const state = entities.get(entry.scopeKey)?.state ?? 'None';
      if (entry.state !== state) {
        violations.push(
          `${entry.scopeKey}: the index says ${entry.state} (after ${entry.lastOperation} ${entry.lastOperationId}), the entity ${state}`,
        );
      }
    }
  }
  return { name: 'the scope index agrees with the entity', checked, violations };
}

/** ARM ids compare case-insensitively, as ARM does. */
const idOf = (id: string) => id.toLowerCase();

async function armInventory(
  stores: Stores,
  scopes: readonly SoakScope[],
  subscriptions: readonly string[],
  entities: ReadonlyMap<string, ScopeEntityState | undefined>,
): Promise<InvariantResult[]> {
  const equal: string[] = [];
  const orphans: string[] = [];
  // Everything on the ARM side of the soak's subscriptions: resource groups and resources.
  const groups = new Set<string>();
  const resources = new Map<string, { scopeKey: string; phase: string }>();
  for (const subscriptionId of subscriptions) {
    for (const group of await stores.arm.listResourceGroups(subscriptionId)) {
      groups.add(idOf(group.id));
      for (const stored of await stores.arm.listResources(subscriptionId, group.name)) {
        resources.set(idOf(stored.resource.id), { scopeKey: stored.scopeKey, phase: stored.phase });
      }
    }
  }
  const owned = new Set<string>();
  for (const scope of scopes) {
    const state = entities.get(scope.key)?.state ?? 'None';
    const manifest = new Set((await stores.arm.manifest(scope.api.subscriptionId, scope.key)).map(idOf));
    const mine = [...resources].filter(([, resource]) => resource.scopeKey === scope.key).map(([id]) => id);
    const missing = [...manifest].filter((id) => !resources.has(id) && !groups.has(id));
    const unlisted = mine.filter((id) => !manifest.has(id));
    const expectPhase = state === 'Committed' ? 'Committed' : 'Prepared';
    if (['Prepared', 'Committed', 'CommitFailed'].includes(state)) {
      if (missing.length > 0)
        equal.push(`${scope.key} (${state}): ${missing.length} listed but absent, e.g. ${missing[0]}`);
      if (state !== 'CommitFailed') {
        const wrongPhase = mine.filter((id) => resources.get(id)?.phase !== expectPhase);
        if (wrongPhase.length > 0) {
          equal.push(
            `${scope.key} (${state}): ${wrongPhase.length} resource(s) not ${expectPhase}, e.g. ${wrongPhase[0]}`,
          );
        }
      }
    } else if (state === 'None' && (mine.length > 0 || manifest.size > 0)) {
      equal.push(`${scope.key} (None): ${mine.length} resource(s) and a manifest of ${manifest.size} left`);
    }
    if (unlisted.length > 0)
      equal.push(`${scope.key} (${state}): ${unlisted.length} resource(s) not in its manifest`);
    // What a scope may hold: its manifest, unless it is back to None.
    if (state !== 'None') for (const id of manifest) owned.add(id);
  }
  for (const id of [...groups, ...resources.keys()]) if (!owned.has(id)) orphans.push(id);
  return [
    { name: 'the ARM inventory equals the manifests', checked: scopes.length, violations: equal },
    {
      name: 'no orphaned ARM resources',
      checked: groups.size + resources.size,
      violations: orphans.map((id) => `${id} (scope ${resources.get(id)?.scopeKey ?? 'resource group'})`),
    },
  ];
}

async function deadLetters(stores: Stores, subscriptions: readonly string[]): Promise<InvariantResult> {
  const mine = new Set(subscriptions);
  const violations: string[] = [];
  for (const queue of Object.values(phaseQueues)) {
    for (const message of await stores.bus.peekDeadLetterMessages(queue, 1_000)) {
      const command = message.body as Partial<PhaseCommand> | undefined;
      if (command?.scope && mine.has(command.scope.subscriptionId)) {
        violations.push(
          `${queue}: ${command.operation ?? '?'} ${command.operationId ?? message.messageId} (${message.deadLetterReason ?? ''}: ${message.deadLetterErrorDescription ?? ''})`,
        );
      }
    }
  }
  return { name: 'no phase message dead-lettered', checked: Object.keys(phaseQueues).length, violations };
}
