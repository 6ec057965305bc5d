import type { ManagementOperation } from '../contracts/management-operation';

/** Records management-plane writes under their request ids (see contracts/management-operation.ts). */
export interface ManagementOperationLog {
  record(operation: ManagementOperation): Promise<void>;
  get(requestId: string): Promise<ManagementOperation | undefined>;
}
