/**
 * The `classic-migrate` program: global options (flag, then environment, then default), the commands, and
 * the mapping of every way a run can end to an exit code (exit-codes.ts). `main.ts` runs it on the
 * process; tests run it in-process with their own streams.
 */
import { Command, CommanderError, Option } from 'commander';

import { registerBatchCommands } from './commands/batch';
import { registerExportCommands } from './commands/export';
import { registerImportCommand } from './commands/import';
import { registerOperationCommands } from './commands/operations';
import { registerPlanCommand } from './commands/plan';
import { registerStatusCommand } from './commands/status';
import { registerWatchCommand } from './commands/watch';
import { defaultEndpoint, type Io } from './context';
import { CliError, type ExitCode, exitCodes } from './exit-codes';
import { createRuntime } from './runtime';

export function buildProgram(io: Io, version: string) {
  const userAgent = `classic-migrate/${version} node/${process.versions.node}`;
  const runtime = createRuntime(io, userAgent);
  const program = new Command('classic-migrate')
    .description("Classic → Resource Manager migration: the command line of the service's JSON API")
    .version(version, '-V, --version')
    .addOption(
      new Option('--endpoint <url>', 'service base URL').env('MIGRATION_ENDPOINT').default(defaultEndpoint),
    )
    .addOption(
      new Option('--subscription <id>', "subscription id (default: the service's default)").env(
        'MIGRATION_SUBSCRIPTION',
      ),
    )
    .addOption(new Option('--token <token>', 'bearer token sent with every request').env('MIGRATION_TOKEN'))
    .option('--json', "print the API's JSON body alone on stdout (notes go to stderr)")
    // Commander must not exit the process: main maps its errors to exit code 2 (bad usage).
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      `
Scope kinds: virtualNetworks (vnet), cloudServices (cs), storageAccounts (storage, sa), reservedIps (rip),
networkSecurityGroups (nsg), routeTables (rt).

Exit codes: 0 done; 1 the operation failed or was refused, or validation found errors; 2 bad usage or
input (unknown command or kind, a 400/404 from the service); 3 the service is unreachable, refused the
credentials, or failed (5xx after retries).

Example: classic-migrate prepare virtualNetworks Prod-VNet --wait`,
    );
  registerImportCommand(program, runtime);
  registerOperationCommands(program, runtime);
  registerStatusCommand(program, runtime);
  registerPlanCommand(program, runtime);
  registerWatchCommand(program, runtime);
  registerBatchCommands(program, runtime);
  registerExportCommands(program, runtime);
  return { program, runtime };
}

/** Runs the CLI on `argv` (without node and the script) and answers the exit code. */
export async function runCli(argv: readonly string[], io: Io, version = 'dev'): Promise<ExitCode> {
  const { program, runtime } = buildProgram(io, version);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return runtime.exitCode();
  } catch (caught) {
    if (caught instanceof CommanderError) {
      // Help and version end with 0; every other commander error (already printed) is bad usage.
      return caught.exitCode === 0 ? exitCodes.success : exitCodes.usage;
    }
    if (caught instanceof CliError) {
      io.stderr.write(`${caught.message}\n`);
      return caught.exitCode;
    }
    // A bug or an answer we did not expect: say so plainly rather than with a stack trace.
    io.stderr.write(`error: ${caught instanceof Error ? caught.message : String(caught)}\n`);
    return exitCodes.failed;
  }
}
