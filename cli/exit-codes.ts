/**
 * The CLI's exit codes (fixed: scripts depend on them) and the one error type that carries them, so every
 * command ends the same way: `main.ts` prints the message and sets `process.exitCode`.
 *
 * - 0: done.
 * - 1: the operation failed, was refused (409), or validation found errors.
 * - 2: bad usage or input: unknown command or kind, a missing argument, a file that cannot be read, and the
 *   API's 400/404 (it says the request itself is wrong, so sending it again will not help).
 * - 3: the service cannot be used right now: unreachable (refused, timed out), refused our credentials
 *   (401/403), or failing (5xx after retries). The same command may work later or elsewhere.
 * - 130: Ctrl-C while waiting for an operation (the shell's convention for SIGINT); the operation goes on.
 */

export const exitCodes = {
  success: 0,
  failed: 1,
  usage: 2,
  unavailable: 3,
  interrupted: 130,
} as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** An error that ends the command with `exitCode`; `message` is printed to stderr as it is. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(exitCode: ExitCode, message: string) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Bad usage: `error: <message>` and exit 2. */
export function usageError(message: string): CliError {
  return new CliError(exitCodes.usage, `error: ${message}`);
}
