/**
 * Get Operation Status (`GET /{subscriptionId}/operations/{requestId}`, C3, C4): the migration
 * operation recorded under that request id (Prepare/Commit/Abort started through the Service Management
 * API, or any operation whose id the caller knows), else the management-plane write recorded under it.
 *
 * Mapping of a migration operation: Queued and InProgress → `InProgress`; Succeeded → `Succeeded` with
 * `HttpStatusCode` 200; Failed → `Failed` with the recorded HTTP status (500 when none) and `Error`.
 * An operation of another subscription is not found, as Azure scoped request ids to the subscription.
 */
import type { Services } from '../../composition';
import type { ManagementOperation } from '../../contracts/management-operation';
import type { OperationRecord } from '../../contracts/operation-record';

export type OperationStatusDeps = Pick<Services, 'operations' | 'managementOperations'>;

export interface ServiceManagementOperationView {
  id: string;
  status: 'InProgress' | 'Succeeded' | 'Failed';
  httpStatusCode?: number;
  error?: { code: string; message: string };
}

export async function serviceManagementOperation(
  deps: OperationStatusDeps,
  subscriptionId: string,
  requestId: string,
): Promise<ServiceManagementOperationView | undefined> {
  const record = await deps.operations.get(requestId);
  if (record && sameSubscription(record.scope.subscriptionId, subscriptionId)) return fromRecord(record);
  const write = await deps.managementOperations.get(requestId);
  if (write && sameSubscription(write.subscriptionId, subscriptionId)) return fromWrite(write);
  return undefined;
}

/** The request id formatted as a GUID, as Azure wrote `Operation/ID` (32 hex digits → 8-4-4-4-12). */
export function operationIdAsGuid(requestId: string): string {
  const match = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/i.exec(requestId);
  return match ? match.slice(1).join('-') : requestId;
}

function fromRecord(record: OperationRecord): ServiceManagementOperationView {
  const id = operationIdAsGuid(record.operationId);
  switch (record.status) {
    case 'Queued':
    case 'InProgress':
      return { id, status: 'InProgress' };
    case 'Succeeded':
      return { id, status: 'Succeeded', httpStatusCode: 200 };
    case 'Failed':
      return {
        id,
        status: 'Failed',
        httpStatusCode: record.error?.httpStatusCode ?? 500,
        error: {
          code: record.error?.code ?? 'InternalError',
          message: record.error?.message ?? 'Internal server error',
        },
      };
  }
}

function fromWrite(write: ManagementOperation): ServiceManagementOperationView {
  return {
    id: operationIdAsGuid(write.requestId),
    status: write.status,
    ...(write.status === 'InProgress' ? {} : { httpStatusCode: write.httpStatusCode }),
    ...(write.error ? { error: write.error } : {}),
  };
}

function sameSubscription(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
