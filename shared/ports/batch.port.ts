import type { Batch } from '../domain/batch/batch-plan';
import type { BatchReport } from '../domain/batch/batch-report';

export interface StoredBatch {
  batch: Batch;
  /** For optimistic concurrency: the scheduler and people (pause, cancel) change a batch at once. */
  etag: string;
}

/** Batch plans and their run state, and the report each run writes. */
export interface BatchStore {
  /** False when a batch with this id already exists. */
  create(batch: Batch): Promise<boolean>;
  get(batchId: string): Promise<StoredBatch | undefined>;
  /** Replaces the batch if it has not changed since `etag` was read; false when it has. */
  replace(batch: Batch, etag: string): Promise<boolean>;
  /** The subscription's batches, newest first. */
  list(subscriptionId: string): Promise<Batch[]>;
  /** Every batch the scheduler may still have to advance (unfinished, or repeating and not cancelled). */
  listActive(): Promise<StoredBatch[]>;
  saveReport(report: BatchReport): Promise<void>;
  /** The report of run `run`, or of the latest run. */
  getReport(batchId: string, run?: number): Promise<BatchReport | undefined>;
}
