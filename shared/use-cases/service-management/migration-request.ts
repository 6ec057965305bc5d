/**
 * A Service Management migration call (`POST …/migration?comp=validate|prepare|commit|abort`, all six
 * scopes) decided as Azure answered it (the C2 and C5 recordings):
 *
 * - an unregistered subscription is refused before anything else, Validate included (D6);
 * - Validate runs the Classic-only checks synchronously and answers with every message (D1),
 *   under the subscription's migration profile (migration-profile.ts); a profile without a separate
 *   Validate operation (the May 2016 preview) refuses it as `invalid`, and Prepare validates instead;
 * - Prepare, Commit and Abort are admitted by `requestOperation` like every other surface's, with the
 *   request id as operation id, so `GET /{sub}/operations/{requestId}` reads the operation record.
 *
 * The Service Management status codes and texts for each outcome are the handler's to map.
 */
import type { Services } from '../../composition';
import type { MigrationOptions } from '../../contracts/phase-command';
import type { ClassicInventory } from '../../domain/classic/inventory.schema';
import { freezeDeep } from '../../domain/freeze-deep';
import type { MigrationOperation } from '../../domain/migration/migration-state';
import { scopeKey, type ScopeRef } from '../../domain/scope/scope';
import type { Finding } from '../../domain/validation/finding';
import { deploymentNotFoundRule } from '../../domain/validation/rules/deployment-not-found.rule';
import { registrationRefusal } from '../../domain/validation/subscription-registration';
import type { ValidationProfile } from '../../domain/validation/validation-profile';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import { analyseScopeInSlices } from '../analyse-scope';
import { cacheKind, type InventorySnapshot, stableKey } from '../inventory-cache/inventory-cache';
import { loadExistingArm } from '../load-analysis';
import { profiledOptions } from '../migration-profile';
import type { AdmissionResult } from '../request-operation/operation-request';
import { requestOperation } from '../request-operation/request-operation';
import { holdsMigratableDeployment } from '../scope-lookup';

export interface ServiceManagementMigrationRequest {
  scope: ScopeRef;
  operation: MigrationOperation;
  /** The `x-ms-request-id` of this call: the operation id of Prepare, Commit and Abort. */
  requestId: string;
  /** Deployment paths name a deployment too; it must be the cloud service's migratable deployment. */
  deploymentName?: string;
  options: MigrationOptions;
  requestedBy: string;
  origin: string;
}

export type ServiceManagementMigrationResult =
  | AdmissionResult
  /** Validate's answer: every message, synchronously. */
  | { kind: 'validated'; findings: Finding[] };

export type MigrationRequestDeps = Pick<
  Services,
  | 'classicInventory'
  | 'armInventory'
  | 'inventoryVersions'
  | 'inventoryCache'
  | 'migrationProfiles'
  | 'operations'
  | 'audit'
  | 'messages'
  | 'clock'
  | 'ids'
> & { entity: ScopeEntityGateway };

export async function requestMigration(
  deps: MigrationRequestDeps,
  request: ServiceManagementMigrationRequest,
): Promise<ServiceManagementMigrationResult> {
  const { scope } = request;
  if (request.operation !== 'validate') {
    return requestOperation(deps, {
      scope,
      operation: request.operation,
      options: request.options,
      requestedBy: request.requestedBy,
      source: 'serviceManagement',
      operationId: request.requestId,
      origin: request.origin,
      ...(request.deploymentName === undefined ? {} : { deploymentName: request.deploymentName }),
    });
  }
  // Both reads at once; the registration refusal still comes first.
  const [snapshot, profiled] = await Promise.all([
    deps.inventoryCache.snapshot(deps, scope.subscriptionId),
    profiledOptions(deps, scope.subscriptionId, 'validate', request.options),
  ]);
  const inventory = await snapshot.classic();
  const notRegistered = registrationRefusal(inventory);
  if (notRegistered) return { kind: 'notRegistered', refusal: notRegistered };
  if (!profiled.ok) {
    await auditValidate(deps, request, `Rejected: ${profiled.refusal.code}`, profiled.refusal.message);
    return { kind: 'invalid', ...profiled.refusal };
  }
  return {
    kind: 'validated',
    findings: await validateNow(
      deps,
      { ...request, options: profiled.options },
      snapshot,
      inventory,
      profiled.profile,
    ),
  };
}

/**
 * Azure's Validate: the Classic-only checks (pre-flight ones only when asked for), synchronously, audited.
 * A deployment path naming a deployment the cloud service does not hold is the recorded not-found message
 * about that deployment name.
 */
async function validateNow(
  deps: MigrationRequestDeps,
  request: ServiceManagementMigrationRequest,
  snapshot: InventorySnapshot,
  inventory: ClassicInventory,
  profile: ValidationProfile,
): Promise<Finding[]> {
  const { scope, options, deploymentName } = request;
  const deploymentMissing =
    deploymentName !== undefined && !holdsMigratableDeployment(inventory, scope.name, deploymentName);
  const findings =
    deploymentMissing && deploymentName !== undefined
      ? deploymentNotFoundRule.check({
          inventory,
          scope: { ...scope, name: deploymentName },
          contents: undefined,
          profile,
        })
      : await analysedFindings(deps, snapshot, scope, options);
  await auditValidate(
    deps,
    request,
    findings.some((finding) => finding.severity === 'Error') ? 'Validation failed' : 'Succeeded',
  );
  return findings;
}

const validateFindings = cacheKind<Finding[]>('sm-validate-findings');

/** The analysis's findings, computed once per inventory version, scope and options. */
function analysedFindings(
  deps: MigrationRequestDeps,
  snapshot: InventorySnapshot,
  scope: ScopeRef,
  options: MigrationOptions,
): Promise<Finding[]> {
  return snapshot.derived(validateFindings, `${scopeKey(scope)}|${stableKey(options)}`, async () => {
    // Read through the snapshot (or after it): the findings must not predate its version.
    const [inventory, existingArm] = await Promise.all([
      snapshot.classic(),
      loadExistingArm(deps.armInventory, scope, options),
    ]);
    const { findings } = await analyseScopeInSlices({
      inventory,
      scope,
      options,
      includePreflight: options.includePreflight ?? false,
      existingArm,
    });
    return { value: findings, bytes: freezeDeep(findings) };
  });
}

async function auditValidate(
  deps: MigrationRequestDeps,
  request: ServiceManagementMigrationRequest,
  outcome: string,
  reason?: string,
): Promise<void> {
  await deps.audit.append({
    at: deps.clock.now().toISOString(),
    scopeKey: scopeKey(request.scope),
    operationId: request.requestId,
    actor: request.requestedBy,
    source: 'serviceManagement',
    action: 'validate',
    outcome,
    detail: reason === undefined ? `from ${request.origin}` : `${reason} (from ${request.origin})`,
  });
}
