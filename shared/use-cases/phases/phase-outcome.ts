/** How a phase ended, before it is written to the operation record (see operations/operation-outcome.ts). */
import type { OperationOutcome } from '../operations/operation-outcome';

export type PhaseOutcome = OperationOutcome;
