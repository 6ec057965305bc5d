/**
 * Messages for screen readers and sighted users alike: one polite live region for outcomes ("Prepare
 * succeeded: Prepared"), so an operation's end is heard without moving focus. Progress ticks are never
 * announced (they would drown everything else); the progress bar carries them.
 */
import { byId } from './h';

export function announce(message: string): void {
  const region = byId('announcer');
  // Clearing first makes a repeated message be read again.
  region.textContent = '';
  window.setTimeout(() => (region.textContent = message), 50);
}
