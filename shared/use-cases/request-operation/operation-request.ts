/**
 * What every surface asks of the admission use case (`requestOperation`) and the one answer it gets back.
 * The JSON API, the Service Management API, Event Grid, batches, chat, the CLI and the portal only map
 * an `AdmissionResult` to their own wire format; none of them decides whether an operation may start.
 */
import type { OperationRecord } from '../../contracts/operation-record';
import type { CommandSource, MigrationOptions } from '../../contracts/phase-command';
import type { MigrationOperation, MigrationState } from '../../domain/migration/migration-state';
import type { ScopeRef } from '../../domain/scope/scope';
import type { ValidationRefusal } from '../../domain/validation/subscription-registration';

export interface OperationRequest {
  scope: ScopeRef;
  operation: MigrationOperation;
  options: MigrationOptions;
  /** Who asked, as the surface verified it (or `anonymous`). */
  requestedBy: string;
  source: CommandSource;
  /** Where the request came from, for the audit log (address, chat channel, event source…). */
  origin?: string;
  /**
   * Makes a retried request answer with the operation it already started: the JSON API's
   * `Idempotency-Key`, `event:<source>:<id>` for an event, `batch:<batch>:<item>:<phase>:<attempt>` for a
   * batch step. Keys are per subscription.
   */
  idempotencyKey?: string;
  /** A client-chosen operation id (the JSON API's `operationId`, the Service Management request id). */
  operationId?: string;
  /** Service Management deployment paths name a deployment, which must be the service's migratable one. */
  deploymentName?: string;
}

export type AdmissionResult =
  /** The subscription has not registered `Microsoft.ClassicInfrastructureMigrate` (D6). */
  | { kind: 'notRegistered'; refusal: ValidationRefusal }
  /** The scope is in neither the Classic inventory nor the entity's memory. `name` is what was looked up. */
  | { kind: 'notFound'; scope: ScopeRef; name: string; message: string }
  /** The request can never be valid as sent (options that do not apply, a reused idempotency key). */
  | { kind: 'invalid'; code: string; message: string }
  /**
   * The scope's state refuses the operation now. `retryable` is true when it may be accepted later
   * without anyone acting but time: another operation runs on the scope, or one is still queued (the
   * entity hears of an operation only when its phase starts, so until then it reports the state before
   * it); `pending` names that operation.
   */
  | {
      kind: 'refused';
      code: string;
      message: string;
      state: MigrationState;
      retryable: boolean;
      pending?: { operationId: string; operation: MigrationOperation };
    }
  /** Recorded as Queued and put on its phase queue. */
  | { kind: 'started'; operation: OperationRecord }
  /** The same request was admitted before (same operation id, idempotency key or event id). */
  | { kind: 'existing'; operation: OperationRecord }
  /** Recorded, but the phase queue refused the message: the record is Failed, nothing changed. */
  | { kind: 'enqueueFailed'; operation: OperationRecord; message: string };

export type AdmissionKind = AdmissionResult['kind'];

/** What a surface that can retry later (events, batches) does with an admission result. */
export type AdmissionDisposition =
  | { kind: 'admitted'; operation: OperationRecord; existing: boolean }
  /** Never accepted as sent: asking again changes nothing. */
  | { kind: 'permanent'; code: string; message: string }
  /** May be accepted later: ask again. */
  | { kind: 'later'; code: string; message: string };

export function dispositionOf(result: AdmissionResult): AdmissionDisposition {
  switch (result.kind) {
    case 'started':
    case 'existing':
      return { kind: 'admitted', operation: result.operation, existing: result.kind === 'existing' };
    case 'notRegistered':
      return { kind: 'permanent', code: result.refusal.code, message: result.refusal.message };
    case 'notFound':
      return { kind: 'permanent', code: 'ResourceNotFound', message: result.message };
    case 'invalid':
      return { kind: 'permanent', code: result.code, message: result.message };
    case 'refused': {
      const message = result.pending
        ? `${result.message} The ${result.pending.operation} operation ${result.pending.operationId} on the scope has not finished yet.`
        : result.message;
      return { kind: result.retryable ? 'later' : 'permanent', code: result.code, message };
    }
    case 'enqueueFailed':
      return { kind: 'later', code: 'EnqueueFailed', message: result.message };
  }
}
