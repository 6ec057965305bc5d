#!/usr/bin/env node
/**
 * `classic-migrate`: the command line of the migration service's JSON API — import a Classic estate,
 * validate, prepare, commit or abort a scope and follow it, read its status and plan, run batches, export.
 *
 *   classic-migrate [--endpoint URL] [--subscription ID] [--token T] [--json] <command> …
 *
 * Global options fall back to MIGRATION_ENDPOINT (default http://localhost:7071), MIGRATION_SUBSCRIPTION
 * (default: none, the service's default subscription) and MIGRATION_TOKEN. The program is in program.ts;
 * this file runs it on the process and sets the exit code (exit-codes.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runCli } from './program';

/** The package version (dist/cli/main.js → ../../package.json; tsc does not copy it into dist/). */
function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

// `classic-migrate status … | head`: the reader left; stop quietly instead of dying on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }, version()).then(
  (code) => {
    // exitCode, not exit(): stdout to a pipe is written asynchronously and must drain first.
    process.exitCode = code;
  },
);
