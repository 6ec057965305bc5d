/**
 * What a phase needs: the stores, the entity, the analysis of the scope, time and logging. Dependencies
 * are plain parameters (built once in composition.ts, replaced in tests).
 */
import type { Services } from '../../composition';
import type { PhaseCommand } from '../../contracts/phase-command';
import type { FaultInjector } from '../../ports/fault-injector.port';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import type { AnalyseScope } from '../scope-analysis';
import type { WaitOptions } from '../scope-decision';

export interface PhaseDeps {
  services: Pick<
    Services,
    | 'clock'
    | 'classicInventory'
    | 'armInventory'
    | 'inventoryVersions'
    | 'inventoryCache'
    | 'operations'
    | 'audit'
    | 'messages'
    | 'outcomes'
    | 'scopeIndex'
    | 'scopeMappings'
  > & {
    config: Pick<Services['config'], 'operationLeaseSeconds' | 'entityDecisionTimeoutMs'>;
  };
  entity: ScopeEntityGateway;
  analyse: AnalyseScope;
  faults: FaultInjector;
  wait?: Partial<WaitOptions>;
  log: (message: string) => void;
  /** Ends the process at once (fault kind `crash`); the host restarts the worker. */
  crash?: (reason: string) => never;
}

/** How the trigger delivered the message: the last delivery must not throw a transient fault. */
export interface Delivery {
  deliveryCount: number;
  maxDeliveryCount: number;
}

export interface PhaseRun {
  deps: PhaseDeps;
  command: PhaseCommand;
  scopeKey: string;
  delivery: Delivery;
}
