/**
 * What the command modules share: building each command's context from its options (globals included),
 * and carrying the command's exit code back to `main.ts` (commander ignores action return values).
 */
import type { Command } from 'commander';

import { type CliContext, contextOf, type GlobalOptions, type Io } from './context';
import type { ExitCode } from './exit-codes';

export interface Runtime {
  io: Io;
  userAgent: string;
  /** Runs an action with its context and records the exit code it ends with. */
  run(command: Command, action: (context: CliContext) => Promise<ExitCode>): Promise<void>;
  exitCode(): ExitCode;
}

export function createRuntime(io: Io, userAgent: string): Runtime {
  let code: ExitCode = 0;
  return {
    io,
    userAgent,
    async run(command, action) {
      const context = contextOf(command.optsWithGlobals<GlobalOptions>(), io, userAgent);
      code = await action(context);
    },
    exitCode: () => code,
  };
}
