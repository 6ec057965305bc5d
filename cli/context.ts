/**
 * What every command gets: the API client built from the global options (flag, then environment, then
 * default), whether to print JSON, and where to write. stdout carries the result (with `--json`, the API's
 * body and nothing else); stderr carries notes for people, so a script can pipe stdout safely.
 */
import { ApiClient } from './api-client';

/** The streams the CLI writes to (process.stdout/stderr, or a test's). */
export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
}

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Global options as commander hands them over (each already falls back to its environment variable). */
export interface GlobalOptions {
  endpoint?: string;
  subscription?: string;
  token?: string;
  json?: boolean;
}

export interface CliContext {
  client: ApiClient;
  json: boolean;
  io: Io;
  /** A result line for people (stdout). */
  out(line?: string): void;
  /** A note for people (stderr): never mixed into `--json` output. */
  note(line: string): void;
  /** The API's body on stdout, as JSON. */
  printJson(value: unknown): void;
}

export const defaultEndpoint = 'http://localhost:7071';

export function contextOf(options: GlobalOptions, io: Io, userAgent: string): CliContext {
  const note = (line: string) => {
    io.stderr.write(`${line}\n`);
  };
  const client = new ApiClient({
    endpoint: options.endpoint ?? defaultEndpoint,
    subscriptionId: options.subscription,
    token: options.token,
    userAgent,
    onRetry: note,
  });
  return {
    client,
    json: options.json === true,
    io,
    out: (line = '') => {
      io.stdout.write(`${line}\n`);
    },
    note,
    printJson: (value) => {
      io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
  };
}
