/**
 * Everything about one scope in one answer: its MigrationState and lock, the running operation's progress
 * with an ETA, the validation findings and the plan (before Prepare), the Classic and ARM sides side by
 * side with the mapping between them, and the history (operations and audit).
 */
import type { Services } from '../composition';
import type { OperationRecord } from '../contracts/operation-record';
import { isLocked, type MigrationState } from '../domain/migration/migration-state';
import type { Progress, RunningOperation } from '../domain/migration/scope-entity.reducer';
import { buildMigrationPlan, type MigrationPlan } from '../domain/plan/migration-plan';
import { scopeKey, scopeKindPaths, type ScopeRef } from '../domain/scope/scope';
import type { Finding } from '../domain/validation/finding';
import type { ScopeMappingEntry } from '../ports/inventory.port';
import type { AuditEntry } from '../ports/operation.port';
import type { ScopeEntityGateway } from '../ports/scope-entity.port';
import { analyseScopeInSlices } from './analyse-scope';
import { loadAndAnalyse } from './load-analysis';

export interface ProgressView extends Progress {
  percent: number;
  elapsedSeconds: number;
  /** Undefined until the first step finishes (nothing to extrapolate from). */
  etaSeconds?: number;
}

export interface ScopeStatus {
  scope: ScopeRef & { kindPath: string; key: string };
  state: MigrationState;
  locked: boolean;
  lockedSince?: string;
  running?: RunningOperation & {
    /** The lease ran out: the next command (or a force release) abandons the operation as failed. */
    leaseExpired: boolean;
  };
  progress?: ProgressView;
  validation?: { findings: Finding[]; blocking: boolean; refusal?: { code: string; message: string } };
  plan?: MigrationPlan;
  classic?: unknown;
  arm: { resourceGroups: unknown[]; resources: unknown[]; source: 'written' | 'planned' | 'none' };
  mapping: ScopeMappingEntry[];
  history: { operations: OperationRecord[]; audit: AuditEntry[] };
}

type StatusServices = Pick<
  Services,
  'clock' | 'classicInventory' | 'armInventory' | 'operations' | 'audit' | 'scopeMappings'
>;

export async function scopeStatus(
  services: StatusServices,
  entity: ScopeEntityGateway,
  scope: ScopeRef,
): Promise<ScopeStatus> {
  const key = scopeKey(scope);
  const [entityState, operations, audit, mapping, manifest] = await Promise.all([
    entity.read(key),
    services.operations.listByScope(key, 25),
    services.audit.listByScope(key, 100),
    services.scopeMappings.read(key),
    services.armInventory.manifest(scope.subscriptionId, key),
  ]);
  const state = entityState?.state ?? 'None';
  const now = services.clock.now();
  // The options of the latest Prepare or Validate (e.g. an Existing destination) shape the plan shown.
  const options =
    operations.find((op) => op.operation === 'prepare' || op.operation === 'validate')?.options ?? {};
  const { inventory, existingArm, analysis } = await loadAndAnalyse(
    services,
    analyseScopeInSlices,
    scope,
    options,
    true,
  );
  const written = await writtenResources(services, manifest);
  const plan =
    analysis.contents && analysis.translation
      ? buildMigrationPlan({
          inventory,
          scope,
          contents: analysis.contents,
          translation: analysis.translation,
          ...(options.destination ? { destination: options.destination } : {}),
          existingResourceGroups: existingArm.resourceGroups.map((group) => group.name),
        })
      : undefined;
  return {
    scope: { ...scope, kindPath: scopeKindPaths[scope.kind], key },
    state,
    locked: isLocked(state),
    ...(entityState?.lockedSince ? { lockedSince: entityState.lockedSince } : {}),
    ...(entityState?.running
      ? {
          running: {
            ...entityState.running,
            leaseExpired: now.getTime() >= Date.parse(entityState.running.leaseUntil),
          },
        }
      : {}),
    ...(entityState?.progress && entityState.running
      ? { progress: progressView(entityState.progress, entityState.running, now) }
      : {}),
    ...(analysis.contents || analysis.refusal
      ? {
          validation: {
            findings: analysis.findings,
            blocking: analysis.blocking,
            ...(analysis.refusal
              ? { refusal: { code: analysis.refusal.errorCode, message: analysis.refusal.message } }
              : {}),
          },
        }
      : {}),
    ...(plan ? { plan } : {}),
    // The Classic side is the scope's contents as the inventory holds them (plain JSON).
    ...(analysis.contents ? { classic: analysis.contents } : {}),
    arm: armSide(written, analysis.translation),
    mapping: mapping.length > 0 ? mapping : (analysis.translation?.accounting ?? []),
    history: { operations, audit },
  };
}

/** Progress of the running operation: percent of steps done, elapsed time, and an ETA extrapolated from the pace so far. */
export function progressView(progress: Progress, running: RunningOperation, now: Date): ProgressView {
  const elapsedSeconds = Math.max(0, (now.getTime() - Date.parse(running.startedAt)) / 1000);
  const percent = progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100);
  const eta =
    progress.done > 0 ? (elapsedSeconds / progress.done) * (progress.total - progress.done) : undefined;
  return {
    ...progress,
    percent,
    elapsedSeconds: Math.round(elapsedSeconds),
    ...(eta === undefined ? {} : { etaSeconds: Math.round(eta) }),
  };
}

async function writtenResources(
  services: Pick<Services, 'armInventory'>,
  manifest: string[],
): Promise<{ groups: unknown[]; resources: unknown[] }> {
  const groupIds = manifest.filter((id) => /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(id));
  const resourceIds = manifest.filter((id) => !groupIds.includes(id));
  const stored = await Promise.all(resourceIds.map((id) => services.armInventory.getResource(id)));
  const groups = await Promise.all(
    groupIds.map((id) => {
      const [, subscriptionId = '', name = ''] =
        /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i.exec(id) ?? [];
      return services.armInventory.getResourceGroup(subscriptionId, name);
    }),
  );
  return {
    groups: groups.filter((group) => group !== undefined),
    resources: stored
      .filter((resource) => resource !== undefined)
      .map((r) => ({ ...r.resource, phase: r.phase })),
  };
}

function armSide(
  written: { groups: unknown[]; resources: unknown[] },
  translation: { resourceGroups: unknown[]; resources: unknown[] } | undefined,
): ScopeStatus['arm'] {
  if (written.resources.length > 0 || written.groups.length > 0) {
    return { resourceGroups: written.groups, resources: written.resources, source: 'written' };
  }
  if (translation)
    return {
      resourceGroups: translation.resourceGroups,
      resources: translation.resources,
      source: 'planned',
    };
  return { resourceGroups: [], resources: [], source: 'none' };
}
