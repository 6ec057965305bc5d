/** How a phase ended, before it is written to the operation record. */
import type { OperationRecord } from '../../contracts/operation-record';

export interface PhaseOutcome {
  status: 'Succeeded' | 'Failed';
  decision?: string;
  error?: OperationRecord['error'];
  findings?: OperationRecord['findings'];
  extra?: Partial<OperationRecord>;
}
