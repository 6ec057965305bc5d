/**
 * Whether a Prepare must wait for another scope's migration: a resource it would lock and move is in that
 * other migration (see scope/overlapping-scopes.ts). Our choice, Azure published nothing on it:
 * - only Prepare is checked (Commit and Abort act on a scope already prepared, whose overlaps were checked
 *   then; Validate changes nothing);
 * - the other scope holds its resources from its Prepare until its Commit or Abort completes: any state
 *   but `None` and `Committed` (after Commit the shared resources have left the Classic side);
 * - the refusal may lift by time alone only while the other operation runs (a transitional state); a
 *   Prepared or failed scope needs someone to commit or abort it. Pure.
 */
import type { Overlap } from '../scope/overlapping-scopes';
import { isLocked, isTransitional, type MigrationOperation, type MigrationState } from './migration-state';

export interface OverlapRefusal {
  code: 'OverlappingMigration';
  message: string;
  /** True when the other scope's operation is running, so retrying later may succeed on its own. */
  retryable: boolean;
}

export function overlapRefusal(
  operation: MigrationOperation,
  scopeLabel: string,
  overlaps: readonly { overlap: Overlap; state: MigrationState }[],
): OverlapRefusal | undefined {
  if (operation !== 'prepare') return undefined;
  const held = overlaps.filter(({ state }) => isLocked(state));
  const first = held[0];
  if (!first) return undefined;
  const others = held.length > 1 ? ` (and ${held.length - 1} more overlapping migration(s))` : '';
  return {
    code: 'OverlappingMigration',
    message: `Cannot prepare ${scopeLabel}: it shares ${first.overlap.shared} with ${first.overlap.scope.kind} '${first.overlap.scope.name}', which is being migrated (state ${first.state})${others}. A resource cannot be in two migrations: finish that migration (Commit, or Abort to return it to Classic), then retry.`,
    retryable: held.every(({ state }) => isTransitional(state)),
  };
}
