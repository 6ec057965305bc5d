import type { OperationRecord } from '../contracts/operation-record';

/** An operation not yet final (Queued or InProgress), as the open-operation index lists it. */
export interface OpenOperation {
  operationId: string;
  scopeKey: string;
  operation: string;
  requestedAt: string;
}

export interface OperationStore {
  /** Creates the record; returns false when an operation with this id already exists. */
  create(record: OperationRecord): Promise<boolean>;
  get(operationId: string): Promise<OperationRecord | undefined>;
  /** Applies a change to the stored record (optimistic concurrency inside). */
  update(operationId: string, change: (record: OperationRecord) => OperationRecord): Promise<OperationRecord>;
  /** The scope's operations, newest first. */
  listByScope(scopeKey: string, limit?: number): Promise<OperationRecord[]>;
  /**
   * Binds an idempotency key to an operation id; returns the id already bound when the key was used
   * before (the caller then answers with that operation instead of starting a new one).
   */
  claimIdempotencyKey(subscriptionId: string, key: string, operationId: string): Promise<string>;
  /** The operation id an idempotency key is bound to, without binding it. */
  findIdempotencyKey(subscriptionId: string, key: string): Promise<string | undefined>;
  /**
   * Every operation recorded and not yet final (an index kept beside the records: written before a record
   * is created, removed when it turns final). May name an operation whose record is missing or final after
   * a crash between the two writes; the sweeper repairs those with {@link forgetOpen}.
   */
  listOpen(): Promise<OpenOperation[]>;
  /** Removes an operation from the open index. */
  forgetOpen(operationId: string): Promise<void>;
}

export interface AuditEntry {
  at: string;
  scopeKey: string;
  operationId?: string;
  actor: string;
  source: string;
  action: string;
  outcome: string;
  detail?: string;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  listByScope(scopeKey: string, limit?: number): Promise<AuditEntry[]>;
}

/** The last known state of every scope that ever had an operation (a read model for listing scopes). */
export interface ScopeIndexEntry {
  subscriptionId: string;
  scopeKey: string;
  kind: string;
  name: string;
  state: string;
  lastOperationId: string;
  lastOperation: string;
  lastStatus: string;
  updatedAt: string;
}

export interface ScopeIndex {
  upsert(entry: ScopeIndexEntry): Promise<void>;
  list(subscriptionId: string): Promise<ScopeIndexEntry[]>;
}
