/** A MigrationState as a badge: text always (colour is never the only signal), tone by what it means. */
import type { MigrationState } from '../api/types';
import { h, setText } from '../dom/h';

const tones: Record<MigrationState, string> = {
  None: 'neutral',
  Preparing: 'busy',
  Prepared: 'ready',
  PrepareFailed: 'failed',
  Committing: 'busy',
  Committed: 'done',
  CommitFailed: 'failed',
  Aborting: 'busy',
  AbortFailed: 'failed',
};

export function stateBadge(state: MigrationState): HTMLSpanElement {
  const badge = h('span', { class: 'badge' });
  updateStateBadge(badge, state);
  return badge;
}

/** Updates a badge in place (only when the state changed). */
export function updateStateBadge(badge: HTMLElement, state: MigrationState): void {
  setText(badge, state);
  const className = `badge badge-${tones[state] ?? 'neutral'}`;
  if (badge.className !== className) badge.className = className;
}
