/**
 * Get Operation Status (`GET /{subscriptionId}/operations/{requestId}`): `Operation` with `ID`, `Status`
 * (`InProgress` | `Succeeded` | `Failed`), `HttpStatusCode` once finished, and `Error` on failure —
 * element order as the SDK parsers read it (C3, C4).
 */
import { element, leaf } from '../xml/xml-writer';
import { renderBody } from './response-body';

export const serviceManagementOperationStatuses = ['InProgress', 'Succeeded', 'Failed'] as const;
export type ServiceManagementOperationStatus = (typeof serviceManagementOperationStatuses)[number];

export interface ServiceManagementOperation {
  /** The request id, formatted as a GUID. */
  id: string;
  status: ServiceManagementOperationStatus;
  httpStatusCode?: number;
  error?: { code: string; message: string };
}

export function serializeOperation(operation: ServiceManagementOperation): string {
  return renderBody(
    element('Operation', [
      leaf('ID', operation.id),
      leaf('Status', operation.status),
      leaf('HttpStatusCode', operation.httpStatusCode),
      operation.error &&
        element('Error', [leaf('Code', operation.error.code), leaf('Message', operation.error.message)]),
    ]),
  );
}
