/**
 * `watch <kind> <name>`: follows a scope: a line per state change and per operation that starts or ends, a
 * progress bar (plain lines when not a terminal) while an operation runs; it stops when no operation runs
 * or queues (or on Ctrl-C). Exit 1 when the last operation it saw end had failed.
 */
import type { Command } from 'commander';

import type { OperationRecord } from '../../shared/contracts/operation-record';
import type { ScopeStatus } from '../../shared/use-cases/scope-status';
import type { CliContext } from '../context';
import { type ExitCode, exitCodes } from '../exit-codes';
import { activeOperation, interruptSignal, pause } from '../follow';
import { seconds } from '../options';
import { time } from '../render/format';
import { progressDisplay } from '../render/progress';
import type { Runtime } from '../runtime';
import { scopePath } from '../scope-kind';

export function registerWatchCommand(program: Command, runtime: Runtime): void {
  program
    .command('watch <kind> <name>')
    .description('follow a scope until no operation runs on it (Ctrl-C stops watching, not the operation)')
    .option('--interval <seconds>', 'seconds between polls', seconds, 1)
    .action((kind: string, name: string, flags: { interval: number }, self: Command) =>
      runtime.run(self, (context) => watch(context, scopePath(kind, name), flags.interval * 1000)),
    );
}

async function watch(context: CliContext, path: string, intervalMs: number): Promise<ExitCode> {
  // With --json, stdout holds the last scope status alone.
  const display = progressDisplay(context.json ? context.io.stderr : context.io.stdout);
  const interrupt = interruptSignal();
  let lastState: string | undefined;
  let following: { operationId: string; operation: string; status: string } | undefined;
  let code: ExitCode = exitCodes.success;
  let status: ScopeStatus | undefined;
  const stamp = () => time(new Date().toISOString());
  try {
    for (;;) {
      status = (await context.client.get<ScopeStatus>(`/api/migrations/${path}`)).body;
      const label = `${status.scope.kindPath}/${status.scope.name}`;
      if (status.state !== lastState) {
        display.line(`${stamp()} ${label}: state ${status.state}${status.locked ? ' (locked)' : ''}`);
        lastState = status.state;
      }
      const active = activeOperation(status);
      if (following && following.operationId !== active?.operationId) {
        // The operation we followed ended (or another took its place): say how it ended.
        display.stop();
        const ended = await operationRecord(context, following.operationId);
        display.line(
          `${stamp()} ${following.operation} ${following.operationId}: ${ended.status}${ended.error ? ` (${ended.error.code}: ${ended.error.message})` : ''}`,
        );
        code = ended.status === 'Failed' ? exitCodes.failed : exitCodes.success;
        following = undefined;
      }
      if (active && (following === undefined || following.status !== active.status)) {
        display.line(`${stamp()} ${active.operation} ${active.operationId}: ${active.status}`);
        following = active;
      }
      if (status.progress && active)
        display.update({
          label: `${active.operation} ${label}`,
          step: status.progress.step,
          done: status.progress.done,
          total: status.progress.total,
          etaSeconds: status.progress.etaSeconds,
        });
      if (!active) {
        display.line(`${stamp()} ${label}: no operation runs`);
        break;
      }
      if (!(await pause(intervalMs, interrupt.signal))) break;
    }
  } finally {
    display.stop();
    interrupt.dispose();
  }
  if (context.json) context.printJson(status);
  return code;
}

async function operationRecord(context: CliContext, operationId: string): Promise<OperationRecord> {
  return (await context.client.get<OperationRecord>(`/api/operations/${encodeURIComponent(operationId)}`))
    .body;
}
