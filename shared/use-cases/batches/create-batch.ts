/**
 * Creating a batch plan: the window must open at least once more, listed scopes must exist, a selector is
 * resolved against the estate now (so the caller sees what will run; a repeating plan selects again at
 * each run), and the subscription must be registered for migration (as every migration call).
 */
import type { Services } from '../../composition';
import type { BatchRequest, NightlyValidationRequest } from '../../contracts/batch-request';
import { type Batch, maxBatchScopes, pendingItem } from '../../domain/batch/batch-plan';
import { selectScopes } from '../../domain/batch/batch-selector';
import { parseMaintenanceWindow, windowAt } from '../../domain/batch/maintenance-window';
import { findByName } from '../../domain/classic/names';
import { describeScope } from '../../domain/scope/scope';
import { registrationRefusal } from '../../domain/validation/subscription-registration';
import { estateScopes } from '../estate-scopes';

export type CreateBatchDeps = Pick<
  Services,
  'batches' | 'classicInventory' | 'scopeIndex' | 'clock' | 'ids' | 'audit'
>;

export type CreateBatchResult =
  | { kind: 'created'; batch: Batch }
  /** The nightly plan already exists: answered as it is. */
  | { kind: 'existing'; batch: Batch }
  | { kind: 'invalid'; code: string; problems: string[] }
  | { kind: 'notRegistered'; code: string; message: string };

export async function createBatch(
  deps: CreateBatchDeps,
  subscriptionId: string,
  request: BatchRequest,
  createdBy: string,
  batchId: string = deps.ids.newId(),
): Promise<CreateBatchResult> {
  const now = deps.clock.now();
  const window = parseMaintenanceWindow(request.window);
  if (!window.ok) return { kind: 'invalid', code: 'InvalidWindow', problems: window.problems };
  const state = windowAt(window.value, now);
  if (!state.open && state.nextOpening === undefined) {
    return {
      kind: 'invalid',
      code: 'WindowNeverOpens',
      problems: [
        'window: it does not open again after now (a one-off in the past, or expired); move start or add recurEvery',
      ],
    };
  }
  const inventory = await deps.classicInventory.load(subscriptionId);
  const notRegistered = registrationRefusal(inventory);
  if (notRegistered)
    return { kind: 'notRegistered', code: notRegistered.code, message: notRegistered.message };

  const estate = await estateScopes(deps, subscriptionId);
  let items;
  if (request.scopes) {
    const missing = request.scopes.filter(
      (scope) =>
        !findByName(
          estate.filter((row) => row.kind === scope.kind),
          scope.name,
        ),
    );
    if (missing.length > 0) {
      return {
        kind: 'invalid',
        code: 'ScopesNotFound',
        problems: missing.map(
          (scope) => `scopes: ${describeScope(scope)} is not in subscription ${subscriptionId}`,
        ),
      };
    }
    items = request.scopes.map((scope) =>
      pendingItem(
        scope,
        findByName(
          estate.filter((row) => row.kind === scope.kind),
          scope.name,
        )?.state,
      ),
    );
  } else {
    const selected = selectScopes(estate, request.selector ?? {});
    if (selected.length === 0 && !request.repeat) {
      return {
        kind: 'invalid',
        code: 'NothingSelected',
        problems: ['selector: it matches no scope of the subscription'],
      };
    }
    if (selected.length > maxBatchScopes) {
      return {
        kind: 'invalid',
        code: 'TooManyScopes',
        problems: [
          `selector: it matches ${selected.length} scopes; a batch holds at most ${maxBatchScopes} (narrow it by kind, namePattern, location or state)`,
        ],
      };
    }
    items = selected.map((scope) => pendingItem(scope, scope.state));
  }

  const batch: Batch = {
    plan: {
      batchId,
      subscriptionId,
      name: request.name,
      target: request.scopes
        ? { scopes: request.scopes.map(({ kind, name }) => ({ kind, name })) }
        : { selector: request.selector ?? {} },
      phases: request.phases,
      window: window.value,
      windowInput: request.window,
      maxConcurrent: request.maxConcurrent,
      onFailure: request.onFailure,
      abortOnFailure: request.abortOnFailure,
      autoCommit: request.autoCommit,
      repeat: request.repeat,
      includePreflight: request.includePreflight,
      createdBy,
      createdAt: now.toISOString(),
    },
    run: {
      status: 'Scheduled',
      run: 0,
      items,
      ...(state.open ? { windowClosesAt: state.closesAt.toISOString() } : {}),
      ...(!state.open && state.nextOpening ? { nextWindow: state.nextOpening.toISOString() } : {}),
    },
  };
  if (!(await deps.batches.create(batch))) {
    const existing = await deps.batches.get(batchId);
    if (existing) return { kind: 'existing', batch: existing.batch };
  }
  await deps.audit.append({
    at: now.toISOString(),
    scopeKey: batchAuditKey(batchId),
    actor: createdBy,
    source: 'batch',
    action: 'create',
    outcome: 'Scheduled',
    detail: `${request.name}: ${items.length} scope(s), phases ${request.phases.join(', ')}`,
  });
  return { kind: 'created', batch };
}

/** The ready-made nightly "validate everything" plan of a subscription (one per subscription). */
export function createNightlyValidation(
  deps: CreateBatchDeps,
  subscriptionId: string,
  request: NightlyValidationRequest,
  createdBy: string,
): Promise<CreateBatchResult> {
  const today = deps.clock.now().toISOString().slice(0, 10);
  return createBatch(
    deps,
    subscriptionId,
    {
      name: 'Nightly validation of every scope',
      selector: {},
      phases: ['validate'],
      window: {
        start: `${today}T${request.at}`,
        durationMinutes: request.durationMinutes,
        timeZone: request.timeZone,
        recurEvery: 'Day',
      },
      maxConcurrent: request.maxConcurrent,
      onFailure: 'continue',
      abortOnFailure: false,
      autoCommit: false,
      repeat: true,
      includePreflight: request.includePreflight,
    },
    createdBy,
    nightlyValidationBatchId(subscriptionId),
  );
}

export const nightlyValidationBatchId = (subscriptionId: string) =>
  `nightly-validation-${subscriptionId.toLowerCase()}`;

/** The audit partition of a batch's own events (created, paused, resumed, cancelled). */
export const batchAuditKey = (batchId: string) => `batch_${batchId}`;
