/**
 * Child-process entry that runs Azurite (node_modules/azurite/dist/src/azurite.js, with the flags it was given)
 * and ties its life to the dev host that started it: it shuts Azurite down cleanly (flushing persisted data)
 * when asked over IPC, or when the dev host disappears (the IPC channel closes) — so a killed dev host never
 * leaves an orphaned Azurite behind. It runs in its own process group, so a terminal Ctrl-C reaches only the
 * dev host, which then stops it in order, after the workers.
 */
import { stopAzuriteMessage } from './ipc-messages';

const forcedExitMs = 5_000;

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  // Azurite's CLI shuts down on SIGTERM; emitting the event runs its handler without a real signal.
  process.emit('SIGTERM', 'SIGTERM');
  process.removeAllListeners('message');
  process.removeAllListeners('disconnect');
  process.channel?.unref();
  setTimeout(() => process.exit(0), forcedExitMs).unref();
}

process.on('message', (message) => {
  if (message === stopAzuriteMessage) stop();
});
process.on('disconnect', stop);
process.on('SIGINT', () => undefined);

// eslint-disable-next-line @typescript-eslint/no-require-imports
require('azurite/dist/src/azurite.js');
