/**
 * `validate|prepare|commit|abort <kind> <name>`: `POST /api/migrations/{kind}/{name}/{action}` (202
 * `{ operationId, statusUrl }`), and with `--wait` the operation followed to its end.
 *
 * Each invocation sends one `Idempotency-Key` (a fresh UUID unless `--idempotency-key` is given), so the
 * client's retry of a 503 inside this run cannot start a second operation; passing the same key again in
 * a later run answers with the operation the first run started.
 */
import { randomUUID } from 'node:crypto';

import { type Command, Option } from 'commander';

import type { OperationRecord } from '../../shared/contracts/operation-record';
import type { CliContext } from '../context';
import { type ExitCode, exitCodes } from '../exit-codes';
import { followOperation, interruptSignal } from '../follow';
import { type DestinationFlags, destinationOf, operationNames, seconds } from '../options';
import { hasErrors, outcomeLines } from '../render/operation';
import { progressDisplay } from '../render/progress';
import type { Runtime } from '../runtime';
import { scopeKindPath, scopePath } from '../scope-kind';

type Operation = (typeof operationNames)[number];

interface OperationFlags extends DestinationFlags {
  preflight?: boolean;
  profile?: string;
  idempotencyKey?: string;
  wait?: boolean;
  interval: number;
}

interface Accepted {
  operationId: string;
  status: string;
  statusUrl: string;
  existing?: boolean;
}

const descriptions: Record<Operation, string> = {
  validate: 'check whether the scope can migrate (findings with recommendations); nothing changes',
  prepare: 'lock the Classic side and create the ARM resources beside it',
  commit: 'make Resource Manager the owner (irreversible)',
  abort: 'undo a Prepare: remove the ARM resources and unlock the Classic side',
};

export function registerOperationCommands(program: Command, runtime: Runtime): void {
  for (const operation of operationNames) {
    const command = program.command(`${operation} <kind> <name>`).description(descriptions[operation]);
    if (operation === 'validate')
      command.option('--preflight', 'also run the ARM-side pre-flight checks (quotas, load balancers, IPs)');
    if (operation === 'validate' || operation === 'prepare') {
      command
        .addOption(new Option('--profile <profile>', 'validation profile').choices(['ga', 'preview-2016']))
        .addOption(
          new Option(
            '--destination <type>',
            'cloud service not in a VNet: a new VNet, or an existing one',
          ).choices(['new', 'existing']),
        )
        .option('--resource-group <name>', 'with --destination existing: the ARM resource group of the VNet')
        .option('--vnet <name>', 'with --destination existing: the ARM virtual network')
        .option('--subnet <name>', 'with --destination existing: the subnet');
    }
    command
      .option('--idempotency-key <key>', 'send this Idempotency-Key (default: a new one per run)')
      .option('--wait', 'follow the operation to its end, with progress; exit 1 if it fails')
      .option('--interval <seconds>', 'with --wait: seconds between polls', seconds, 0.5)
      .action((kind: string, name: string, flags: OperationFlags, self: Command) =>
        runtime.run(self, (context) => startOperation(context, operation, kind, name, flags)),
      );
  }
}

async function startOperation(
  context: CliContext,
  operation: Operation,
  kind: string,
  name: string,
  flags: OperationFlags,
): Promise<ExitCode> {
  const path = scopePath(kind, name);
  const destination = destinationOf(flags);
  const body = {
    ...(flags.preflight ? { includePreflight: true } : {}),
    ...(flags.profile === undefined ? {} : { profile: flags.profile }),
    ...(destination === undefined ? {} : { destination }),
  };
  const started = await context.client.post<Accepted>(`/api/migrations/${path}/${operation}`, {
    body,
    headers: { 'idempotency-key': flags.idempotencyKey ?? randomUUID() },
  });
  const { operationId } = started.body;
  const label = `${operation} ${scopeKindPath(kind)}/${name}`;
  if (!flags.wait) {
    if (context.json) context.printJson(started.body);
    else {
      context.out(
        `${label}: operation ${operationId} ${started.body.status}${started.body.existing ? ' (already requested with this idempotency key)' : ''}`,
      );
      context.note(`Follow it: classic-migrate status ${scopeKindPath(kind)} '${name}' (or add --wait).`);
    }
    return exitCodes.success;
  }

  const interrupt = interruptSignal();
  let record: OperationRecord | undefined;
  try {
    record = await followOperation(context.client, {
      scopePath: path,
      operationId,
      label,
      // With --json, stdout is the operation record alone: progress goes to stderr.
      display: progressDisplay(context.json ? context.io.stderr : context.io.stdout),
      intervalMs: flags.interval * 1000,
      signal: interrupt.signal,
    });
  } finally {
    interrupt.dispose();
  }
  if (record === undefined) {
    context.note(
      `Stopped waiting; operation ${operationId} goes on. See: classic-migrate status ${scopeKindPath(kind)} '${name}'`,
    );
    return exitCodes.interrupted;
  }
  if (context.json) context.printJson(record);
  else for (const line of outcomeLines(label, record)) context.out(line);
  return record.status === 'Failed' || hasErrors(record.findings) ? exitCodes.failed : exitCodes.success;
}
