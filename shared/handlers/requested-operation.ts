/**
 * The operation a request's `{operationId}` names, read once per request: the authorisation target needs
 * its subscription and the handler needs the record, and an operation poll (the portal and the CLI poll
 * every second) should cost one storage read, not two.
 */
import type { HttpRequest } from '@azure/functions';

import type { OperationRecord } from '../contracts/operation-record';
import type { OperationStore } from '../ports/operation.port';

const reads = new WeakMap<HttpRequest, Promise<OperationRecord | undefined>>();

export function requestedOperation(
  request: HttpRequest,
  operations: Pick<OperationStore, 'get'>,
): Promise<OperationRecord | undefined> {
  let read = reads.get(request);
  if (!read) {
    read = operations.get(request.params.operationId ?? '');
    reads.set(request, read);
  }
  return read;
}
