/**
 * Which actions the page offers in each state: a hint that mirrors the service's state machine (README,
 * Validate → Prepare → Commit, or Abort) so the buttons say what can be done. The service decides: a
 * refusal it answers is shown as it is.
 */
import type { Action, MigrationState } from '../api/types';

const transitional: readonly MigrationState[] = ['Preparing', 'Committing', 'Aborting'];

export function offered(action: Action, state: MigrationState): boolean {
  switch (action) {
    case 'validate':
      return !transitional.includes(state) && state !== 'Committed';
    case 'prepare':
      return state === 'None' || state === 'PrepareFailed';
    case 'commit':
      return state === 'Prepared' || state === 'CommitFailed';
    case 'abort':
      return state === 'Prepared' || state === 'PrepareFailed' || state === 'AbortFailed';
  }
}

/** The management plane is locked from Prepare until Commit ends or Abort returns to None. */
export function isLocked(state: MigrationState): boolean {
  return state !== 'None' && state !== 'Committed';
}

export const actionLabels: Record<Action, string> = {
  validate: 'Validate',
  prepare: 'Prepare',
  commit: 'Commit…',
  abort: 'Abort',
};
