/**
 * What the use cases that end operations outside their phase need (the dead-letter processor, the
 * sweeper, the invalid-message path, the dead-letter admin API), built once per invocation by the handlers.
 */
import type { Services } from '../../composition';
import type { ScopeEntityGateway } from '../../ports/scope-entity.port';
import type { WaitOptions } from '../scope-decision';
import type { FinaliseDeps } from './finish-operation';

export interface OperationDeps extends FinaliseDeps {
  services: FinaliseDeps['services'] & Pick<Services, 'config' | 'messages' | 'phaseQueues' | 'deadLetters'>;
}

/** The deps from the process's services, the invocation's entity client and its log. */
export function operationDeps(
  services: OperationDeps['services'],
  entity: ScopeEntityGateway,
  log: (line: string) => void,
  wait?: Partial<WaitOptions>,
): OperationDeps {
  return {
    services,
    entity,
    log,
    wait: { timeoutMs: services.config.entityDecisionTimeoutMs, ...wait },
  };
}
