/**
 * What a read notices besides the model: MigrationState values (the scope entity owns migration state,
 * so they are reported rather than imported) and notes about what was left out.
 */
import type { MigrationState } from '../../../domain/migration/migration-state';

export interface ObservedMigrationState {
  resourceType: 'VirtualMachine' | 'VirtualNetwork' | 'StorageAccount';
  /** Role, VNet or storage account name. */
  name: string;
  /** For a VirtualMachine: its cloud service, when known, and deployment. */
  cloudServiceName?: string;
  deploymentName?: string;
  state: MigrationState;
}

export interface ParseContext {
  observedMigrationStates: ObservedMigrationState[];
  /** Human-readable notes: elements skipped on purpose (e.g. platform images). */
  notes: string[];
}

export function newParseContext(): ParseContext {
  return { observedMigrationStates: [], notes: [] };
}
