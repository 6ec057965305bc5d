/**
 * `batch create|status|list|pause|resume|cancel|report`: the batch endpoints (README "Batch plans").
 * `create` takes the plan as a file (`--file plan.json`, the body of `POST /api/batches` as it is) or
 * builds it from flags; the service checks the plan and answers 400 with every problem (exit 2).
 */
import { readFileSync } from 'node:fs';

import { type Command, Option } from 'commander';

import type { BatchReport } from '../../shared/domain/batch/batch-report';
import type { CliContext } from '../context';
import { type ExitCode, exitCodes, usageError } from '../exit-codes';
import {
  type BatchFlags,
  batchFlagsBesideFile,
  batchPlanOf,
  phaseList,
  positiveInteger,
  scopeList,
} from '../options';
import { batchLines, batchListTable, type BatchSummary, type BatchView, reportLines } from '../render/batch';
import type { Runtime } from '../runtime';

export function registerBatchCommands(program: Command, runtime: Runtime): void {
  const batch = program.command('batch').description('batch runs of many scopes in maintenance windows');

  batch
    .command('create')
    .description('create a batch plan: --file plan.json, or --name, --scopes, --phases, --start, --duration')
    .option('--file <path>', 'the plan as JSON (the body of POST /api/batches)')
    .option('--name <name>', 'the batch name')
    .option('--scopes <list>', 'kind:name pairs, e.g. vnet:Prod-VNet,cs:contoso-ftp', scopeList)
    .option('--phases <list>', 'validate,prepare,commit (in that order, any of them), or abort', phaseList)
    .option(
      '--start <time>',
      "window start: ISO date-time (local to --time-zone, or with Z/offset), or 'now'",
    )
    .option('--duration <minutes>', 'window length in minutes', positiveInteger)
    .option('--time-zone <zone>', 'IANA or Windows time zone of --start (e.g. Europe/Paris)')
    .option(
      '--recur-every <recurrence>',
      "Azure's syntax: Day, 3Days, 'Week Saturday,Sunday', 'Month Last Sunday'",
    )
    .option('--max-concurrent <n>', 'scopes active at once (default 1)', positiveInteger)
    .option('--auto-commit', 'commit scopes whose validation found no error')
    .addOption(
      new Option('--on-failure <what>', 'after a failed operation (default stop)').choices([
        'stop',
        'continue',
      ]),
    )
    .option('--abort-on-failure', 'abort a scope left PrepareFailed at once')
    .option('--preflight', 'validate with the ARM-side pre-flight checks')
    .action((flags: BatchFlags & { file?: string }, self: Command) =>
      runtime.run(self, (context) => createBatch(context, flags)),
    );

  batch
    .command('status <batchId>')
    .description('the batch and each of its scopes: kind, name, status, state, phase/operation, note')
    .action((batchId: string, _flags: unknown, self: Command) =>
      runtime.run(self, async (context) => {
        const { body } = await context.client.get<BatchView>(`/api/batches/${encodeURIComponent(batchId)}`);
        if (context.json) context.printJson(body);
        else for (const line of batchLines(body)) context.out(line);
        return exitCodes.success;
      }),
    );

  batch
    .command('list')
    .description("the subscription's batches")
    .action((_flags: unknown, self: Command) =>
      runtime.run(self, async (context) => {
        const { body } = await context.client.get<{ count: number; value: BatchSummary[] }>('/api/batches');
        if (context.json) context.printJson(body);
        else if (body.value.length === 0) context.note('No batches in this subscription.');
        else context.out(batchListTable(body.value));
        return exitCodes.success;
      }),
    );

  for (const [command, what] of [
    ['pause', 'running operations finish, nothing new starts'],
    ['resume', 'continue a paused batch'],
    ['cancel', 'nothing new starts; the batch ends Cancelled'],
  ] as const) {
    batch
      .command(`${command} <batchId>`)
      .description(`${command} a batch: ${what} (409, exit 1, when its status refuses it)`)
      .action((batchId: string, _flags: unknown, self: Command) =>
        runtime.run(self, async (context) => {
          const { body } = await context.client.post<BatchView>(
            `/api/batches/${encodeURIComponent(batchId)}/${command}`,
          );
          if (context.json) context.printJson(body);
          else context.out(`Batch ${body.batchId} '${body.name}': ${body.status}`);
          return exitCodes.success;
        }),
      );
  }

  batch
    .command('report <batchId>')
    .description('the report of a finished run: scopes by state and status, finding codes with their scopes')
    .option('--run <n>', 'the run (default: the last one)', positiveInteger)
    .action((batchId: string, flags: { run?: number }, self: Command) =>
      runtime.run(self, async (context) => {
        const { body } = await context.client.get<BatchReport>(
          `/api/batches/${encodeURIComponent(batchId)}/report`,
          {
            query: { run: flags.run === undefined ? undefined : String(flags.run) },
          },
        );
        if (context.json) context.printJson(body);
        else for (const line of reportLines(body)) context.out(line);
        return exitCodes.success;
      }),
    );
}

async function createBatch(context: CliContext, flags: BatchFlags & { file?: string }): Promise<ExitCode> {
  let plan: unknown;
  if (flags.file !== undefined) {
    const besides = batchFlagsBesideFile(flags);
    if (besides.length > 0) throw usageError(`--file holds the whole plan; drop ${besides.join(', ')}.`);
    let text: string;
    try {
      text = readFileSync(flags.file, 'utf8');
    } catch (caught) {
      throw usageError(`cannot read ${flags.file}: ${(caught as Error).message}`);
    }
    try {
      plan = JSON.parse(text) as unknown;
    } catch (caught) {
      throw usageError(`${flags.file} is not JSON: ${(caught as Error).message}`);
    }
  } else plan = batchPlanOf(flags, new Date());
  const { body } = await context.client.post<BatchView>('/api/batches', { body: plan });
  if (context.json) context.printJson(body);
  else {
    for (const line of batchLines(body)) context.out(line);
    context.note(`Follow it: classic-migrate batch status ${body.batchId}`);
  }
  return exitCodes.success;
}
