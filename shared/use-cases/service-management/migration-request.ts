/**
 * A Service Management migration call (`POST …/migration?comp=validate|prepare|commit|abort`, all six
 * scopes) decided as Azure answered it (reference §5, §8):
 *
 * - an unregistered subscription is refused before anything else, Validate included (D6);
 * - Validate runs the Classic-only checks synchronously and answers with every message (§2.1, §2.6);
 * - Prepare, Commit and Abort go through `startOperation`, the same queues and scope entity as every other
 *   surface, with the request id as operation id, so `GET /{sub}/operations/{requestId}` reads the
 *   operation record;
 * - a scope that does not exist, or an operation its state refuses, is answered at once (the phases
 *   would refuse it later anyway; the entity stays the arbiter, as these reads can be stale).
 *
 * The Service Management status codes and texts for each outcome are the handler's to map.
 */
import type { Services } from '../../composition';
import type { MigrationOptions } from '../../contracts/phase-command';
import type { ClassicInventory } from '../../domain/classic/inventory.schema';
import { findByName, sameName } from '../../domain/classic/names';
import { migratableDeploymentOf } from '../../domain/classic/virtual-machines';
import { decideStart } from '../../domain/migration/migration.machine';
import { refusal } from '../../domain/migration/migration.refusals';
import type { MigrationOperation } from '../../domain/migration/migration-state';
import { describeScope, scopeKey, type ScopeRef } from '../../domain/scope/scope';
import { resolveScope } from '../../domain/scope/scope-contents';
import type { Finding } from '../../domain/validation/finding';
import { deploymentNotFoundRule } from '../../domain/validation/rules/deployment-not-found.rule';
import {
  registrationRefusal,
  type ValidationRefusal,
} from '../../domain/validation/subscription-registration';
import { defaultValidationProfile } from '../../domain/validation/validation-profile';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { analyseScope } from '../analyse-scope';
import { loadExistingArm } from '../load-analysis';
import { startOperation } from '../start-operation';

export interface ServiceManagementMigrationRequest {
  scope: ScopeRef;
  operation: MigrationOperation;
  /** The `x-ms-request-id` of this call: the operation id of Prepare, Commit and Abort. */
  requestId: string;
  /** Deployment paths name the deployment too; it must be the cloud service's migratable deployment. */
  deploymentName?: string;
  options: MigrationOptions;
  requestedBy: string;
  origin: string;
}

export type ServiceManagementMigrationResult =
  | { kind: 'notRegistered'; refusal: ValidationRefusal }
  /** `name` is what the not-found text names: the deployment for deployment paths. */
  | { kind: 'notFound'; scope: ScopeRef; name: string }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'validated'; findings: Finding[] }
  | { kind: 'accepted'; operationId: string }
  | { kind: 'enqueueFailed'; message: string };

export type MigrationRequestDeps = Pick<
  Services,
  'classicInventory' | 'armInventory' | 'operations' | 'audit' | 'messages' | 'clock' | 'ids'
> & { entity: ScopeEntityGateway };

export async function requestMigration(
  deps: MigrationRequestDeps,
  request: ServiceManagementMigrationRequest,
): Promise<ServiceManagementMigrationResult> {
  const { scope } = request;
  const inventory = await deps.classicInventory.load(scope.subscriptionId);
  const notRegistered = registrationRefusal(inventory);
  if (notRegistered) return { kind: 'notRegistered', refusal: notRegistered };

  // A deployment path names a deployment the cloud service must hold (as its migratable deployment).
  const deploymentName = request.deploymentName;
  const deploymentMissing =
    deploymentName !== undefined && !holdsDeployment(inventory, scope.name, deploymentName);

  if (request.operation === 'validate') {
    const findings = await validateNow(deps, request, inventory, deploymentMissing);
    return { kind: 'validated', findings };
  }

  const state = await deps.entity.read(scopeKey(scope));
  // Once a scope has moved on from None its Classic resources may already be leaving (Commit); the
  // entity knows the scope, so only a scope it never saw (no entity: state None) must exist in Classic.
  if (!state || state.state === 'None') {
    if (deploymentMissing || !resolveScope(inventory, scope)) {
      return { kind: 'notFound', scope, name: deploymentName ?? scope.name };
    }
  }

  const current = state?.state ?? 'None';
  const decision = decideStart(current, request.operation);
  if (decision.kind === 'refuse') {
    const { code, message } = refusal(decision.code, {
      operation: request.operation,
      state: current,
      scopeLabel: describeScope(scope),
      ...(state?.running ? { inFlight: state.running } : {}),
    });
    return { kind: 'refused', code, message };
  }
  const started = await startOperation(deps, {
    scope,
    operation: request.operation,
    options: request.options,
    requestedBy: request.requestedBy,
    source: 'serviceManagement',
    operationId: request.requestId,
    origin: request.origin,
  });
  if (started.kind === 'enqueueFailed') return { kind: 'enqueueFailed', message: started.message };
  return { kind: 'accepted', operationId: started.operation.operationId };
}

/**
 * Azure's Validate: the Classic-only checks (pre-flight ones only when asked for), synchronously, audited.
 * A deployment path naming a deployment the cloud service does not hold is the recorded not-found message
 * about that deployment name.
 */
async function validateNow(
  deps: MigrationRequestDeps,
  request: ServiceManagementMigrationRequest,
  inventory: ClassicInventory,
  deploymentMissing: boolean,
): Promise<Finding[]> {
  const { scope, options } = request;
  const findings =
    deploymentMissing && request.deploymentName !== undefined
      ? deploymentNotFoundRule.check({
          inventory,
          scope: { ...scope, name: request.deploymentName },
          contents: undefined,
          profile: options.profile ?? defaultValidationProfile,
        })
      : analyseScope({
          inventory,
          scope,
          options,
          includePreflight: options.includePreflight ?? false,
          existingArm: await loadExistingArm(deps.armInventory, scope, options),
        }).findings;
  await deps.audit.append({
    at: deps.clock.now().toISOString(),
    scopeKey: scopeKey(scope),
    operationId: request.requestId,
    actor: request.requestedBy,
    source: 'serviceManagement',
    action: 'validate',
    outcome: findings.some((finding) => finding.severity === 'Error') ? 'Validation failed' : 'Succeeded',
    detail: `from ${request.origin}`,
  });
  return findings;
}

function holdsDeployment(inventory: ClassicInventory, serviceName: string, deploymentName: string): boolean {
  const service = findByName(inventory.cloudServices, serviceName);
  return sameName(service && migratableDeploymentOf(service)?.name, deploymentName);
}
