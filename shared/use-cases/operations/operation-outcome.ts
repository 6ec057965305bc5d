/**
 * How an operation ended, before it is written to its record, and the outcome the scope entity's answer
 * stands for (a redelivery, a refusal, a no-op, an operation the entity already finished or abandoned).
 */
import type { OperationRecord } from '../../contracts/operation-record';
import type { Decision } from '../../domain/migration/scope-entity.reducer';

export interface OperationOutcome {
  status: 'Succeeded' | 'Failed';
  decision?: string;
  error?: OperationRecord['error'];
  findings?: OperationRecord['findings'];
  extra?: Partial<OperationRecord>;
}

/** The outcome of an operation the entity answered; `started` means it has not ended yet. */
export function outcomeOfDecision(decision: Decision): OperationOutcome {
  switch (decision.decision) {
    case 'succeeded':
    case 'noop':
      return { status: 'Succeeded', decision: decision.decision };
    case 'refused':
      return {
        status: 'Failed',
        decision: 'refused',
        error: {
          code: decision.code ?? 'Refused',
          message: decision.message ?? 'Refused.',
          httpStatusCode: 409,
        },
      };
    case 'failed':
    case 'abandoned':
      return {
        status: 'Failed',
        decision: decision.decision,
        error: { code: decision.code ?? 'Failed', message: decision.message ?? 'The operation failed.' },
      };
    case 'started':
      // Callers end a started operation through the entity first (complete, expireLease).
      return {
        status: 'Failed',
        decision: 'started',
        error: { code: 'InternalServerError', message: 'Internal server error' },
      };
  }
}
