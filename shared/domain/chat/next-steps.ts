/**
 * The next command to suggest after a reply, from the scope's state: what the state machine would start
 * now (Prepared → commit or abort), validate again while validation blocks, status while an operation
 * runs. Advice only: admission still decides when the command comes. Pure.
 */
import { decideStart } from '../migration/migration.machine';
import { isTransitional, type MigrationState } from '../migration/migration-state';
import { commandText, type TargetLike } from './chat-text';

const stateful = ['prepare', 'commit', 'abort'] as const;

export function nextCommands(state: MigrationState, target: TargetLike, blocking = false): string[] {
  if (isTransitional(state)) return [commandText('status', target)];
  if (blocking && (state === 'None' || state === 'PrepareFailed')) return [commandText('validate', target)];
  return stateful
    .filter((operation) => decideStart(state, operation).kind === 'start')
    .map((operation) => commandText(operation, target));
}
