/**
 * An end-to-end flow as data: its test name and its body, run against whichever dev host a test file
 * starts, so the same flows run in the default mode (test/e2e/migration-*.test.ts) and in the Azure-like
 * mode (test/e2e/azure-fidelity.test.ts) without being copied.
 */
import type { E2eHost } from '../e2e-host';

export interface Flow {
  readonly name: string;
  run(e2e: E2eHost): Promise<void>;
}

/** A flow run once per step (`it.each(flow.steps)(flow.name, …)`; `%s` in the name is the step). */
export interface StepFlow {
  readonly name: string;
  readonly steps: readonly string[];
  run(e2e: E2eHost, step: string): Promise<void>;
}
