/**
 * The steps of Prepare, Commit and Abort. Each step is idempotent: a redelivered message runs them all
 * again from the first, and a step that already took effect changes nothing the second time.
 * Fault injection names them `<phase>.<step>` (e.g. `prepare.writeArm`).
 */
import type { OperationRecord } from '../../contracts/operation-record';
import type { ClassicInventory } from '../../domain/classic/inventory.schema';
import { materializeAddresses } from '../../domain/data-plane/materialize-addresses';
import { changedPart } from '../../domain/management/management-write';
import { resolveScope } from '../../domain/scope/scope-contents';
import { classicResourcesRemovedByCommit } from '../../domain/scope/scope-resources';
import type { TranslationResult } from '../../domain/translation/translation-result';
import type { ClassicCollection } from '../../ports/inventory.port';
import { OperationFault } from '../errors';
import { loadAndAnalyse } from '../load-analysis';
import { cachedInventoryStores } from './cached-inventory';
import type { PhaseRun } from './phase-context';
import { validationOutcome } from './validate.phase';

/** What steps hand to the next step and to the final operation record. */
export interface StepState {
  notes: Partial<OperationRecord>;
  inventory?: ClassicInventory;
  translation?: TranslationResult;
}

export interface PhaseStep {
  name: string;
  /** Shown as progress (`step` of the scope's progress). */
  title: string;
  run(run: PhaseRun, state: StepState): Promise<void>;
}

const prepareSteps: readonly PhaseStep[] = [
  {
    name: 'translate',
    title: 'Validating and translating the scope',
    async run({ deps, command }, state) {
      const { inventory, existingArm, analysis } = await loadAndAnalyse(
        cachedInventoryStores(deps.services),
        deps.analyse,
        command.scope,
        command.options,
        true,
      );
      // Validation passed before the lock was taken; the scope is locked since, so only a change made in
      // the instant between the two can fail here.
      const failure = validationOutcome(analysis, true);
      if (failure?.error) throw new OperationFault(failure.error.code, failure.error.message, 400);
      if (!analysis.translation || !analysis.contents)
        throw new OperationFault('ResourceNotFound', 'The scope does not exist.', 404);
      if (analysis.translation.namingErrors.length > 0) {
        const first = analysis.translation.namingErrors[0];
        throw new OperationFault(
          'InvalidResourceName',
          `The naming policy produced ${analysis.translation.namingErrors.length} invalid name(s). First: ${first?.message ?? ''}`,
          400,
        );
      }
      const materialized = materializeAddresses({
        inventory,
        contents: analysis.contents,
        translation: analysis.translation,
        existingArm: existingArm.resources,
        operationId: command.operationId,
      });
      state.inventory = materialized.inventory;
      state.translation = materialized.translation;
      state.notes.dataPlaneEffects = materialized.effects;
      state.notes.findings = analysis.findings;
    },
  },
  {
    name: 'dataPlane',
    title: 'Stopping, deallocating and restarting VMs that are not in a virtual network',
    async run({ deps, command }, state) {
      // Only cloud services outside a VNet have data-plane effects; the new addresses are derived from
      // the operation id, so a retry writes the same values.
      if (command.scope.kind !== 'cloudService' || !state.inventory) return;
      if ((state.notes.dataPlaneEffects ?? []).length === 0) return;
      // Only what the data plane touched: the cloud service itself.
      await deps.services.classicInventory.save(
        changedPart(state.inventory, { cloudServices: [command.scope.name] }),
      );
    },
  },
  {
    name: 'writeArm',
    title: 'Writing the Resource Manager resources',
    async run({ deps, command, scopeKey }, state) {
      const translation = state.translation;
      if (!translation) throw new OperationFault('InternalServerError', 'Internal server error');
      await deps.services.armInventory.writeScope(
        command.scope.subscriptionId,
        scopeKey,
        command.operationId,
        translation.resourceGroups,
        // dependsOn is kept (template exports need it); the ARM read API leaves it out.
        translation.resources,
        'Prepared',
      );
      await deps.services.scopeMappings.write(scopeKey, translation.accounting);
      state.notes.armResourceCount = translation.resources.length;
    },
  },
];

const commitSteps: readonly PhaseStep[] = [
  {
    name: 'recordScope',
    title: 'Recording the Classic resources the scope removes',
    async run({ deps, command, scopeKey }, state) {
      const record = await deps.services.operations.get(command.operationId);
      if (record?.classicResources) {
        state.notes.classicResources = record.classicResources;
        return;
      }
      // A Commit retried after an earlier one failed part-way (CommitFailed) finds the scope partly or wholly
      // gone from Classic: it removes what the earlier Commit recorded, not what is left to resolve.
      const inherited = await classicResourcesOfEarlierCommit(
        deps.services.operations,
        scopeKey,
        command.operationId,
      );
      if (inherited) {
        await deps.services.operations.update(command.operationId, (current) => ({
          ...current,
          classicResources: inherited,
        }));
        state.notes.classicResources = inherited;
        return;
      }
      // Only what the scope holds: the full analysis (translation, every rule, the ARM inventory read) would
      // give the same contents at many times the cost, once per Commit, since every Commit moves the
      // subscription's Classic version on.
      const inventory = await cachedInventoryStores(deps.services).classicInventory.load(
        command.scope.subscriptionId,
      );
      const contents = resolveScope(inventory, command.scope);
      if (!contents) throw new OperationFault('ResourceNotFound', 'The scope does not exist.', 404);
      const classicResources = classicResourcesRemovedByCommit(inventory, contents);
      // Write-ahead: once the resources start leaving the inventory the scope can no longer be resolved,
      // so a retry must find this list on the record.
      await deps.services.operations.update(command.operationId, (current) => ({
        ...current,
        classicResources,
      }));
      state.notes.classicResources = classicResources;
    },
  },
  {
    name: 'commitArm',
    title: 'Handing the Resource Manager resources over',
    async run({ deps, command, scopeKey }, state) {
      state.notes.armResourceCount = await deps.services.armInventory.setScopePhase(
        command.scope.subscriptionId,
        scopeKey,
        'Committed',
      );
    },
  },
  {
    name: 'removeClassic',
    title: 'Removing the scope from Classic',
    async run({ deps, command }, state) {
      const resources = (state.notes.classicResources ?? []).map((resource) => ({
        collection: resource.collection as ClassicCollection,
        name: resource.name,
      }));
      await deps.services.classicInventory.markMigrated(
        command.scope.subscriptionId,
        resources,
        command.operationId,
      );
    },
  },
];

const abortSteps: readonly PhaseStep[] = [
  {
    name: 'removeArm',
    title: 'Removing the Resource Manager resources Prepare wrote',
    async run({ deps, command, scopeKey }, state) {
      state.notes.armResourceCount = await deps.services.armInventory.removeScope(
        command.scope.subscriptionId,
        scopeKey,
      );
    },
  },
];

export const phaseSteps = {
  prepare: prepareSteps,
  commit: commitSteps,
  abort: abortSteps,
} as const;

/** The Classic resources an earlier Commit of the scope recorded before it removed them, if one did. */
async function classicResourcesOfEarlierCommit(
  operations: PhaseRun['deps']['services']['operations'],
  scopeKey: string,
  operationId: string,
): Promise<OperationRecord['classicResources']> {
  const earlier = await operations.listByScope(scopeKey, 50);
  return earlier.find(
    (operation) =>
      operation.operation === 'commit' && operation.operationId !== operationId && operation.classicResources,
  )?.classicResources;
}
