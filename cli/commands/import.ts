/**
 * `import <paths...>`: each file, or every `*.xml` under a folder (recursively, in name order), posted as one
 * Service Management XML document to `POST /api/inventory/import` (`content-type: application/xml`, the
 * bytes as they are: a byte-order mark or an encoding declaration is the parser's business). Every file is
 * tried; the exit code is 2 when any was refused (or could not be read), and 3 as soon as the service
 * cannot be reached (the next file would fail the same way).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Command } from 'commander';

import { ApiError } from '../api-client';
import type { CliContext } from '../context';
import { type ExitCode, exitCodes } from '../exit-codes';
import type { Runtime } from '../runtime';

interface ImportAnswer {
  kind: string;
  counts: Record<string, number>;
  notes?: string[];
  ignoredMigrationStates?: number;
}

/** One file's outcome; with `--json`, the list of these is printed. */
interface FileOutcome {
  file: string;
  status?: number;
  body: unknown;
}

export function registerImportCommand(program: Command, runtime: Runtime): void {
  program
    .command('import <paths...>')
    .description('import Service Management XML files (folders: every *.xml in them, recursively)')
    .option('--cloud-service <name>', 'the cloud service of a bare <Deployment> document')
    .action((paths: string[], flags: { cloudService?: string }, self: Command) =>
      runtime.run(self, (context) => importFiles(context, paths, flags.cloudService)),
    );
}

async function importFiles(
  context: CliContext,
  paths: string[],
  cloudService: string | undefined,
): Promise<ExitCode> {
  const outcomes: FileOutcome[] = [];
  let code: ExitCode = exitCodes.success;
  const refuse = (file: string, message: string, status?: number, body?: unknown) => {
    context.note(`${file}: ${message}`);
    outcomes.push({
      file,
      ...(status === undefined ? {} : { status }),
      body: body ?? { error: { code: 'NotImported', message } },
    });
    code = exitCodes.usage;
  };
  for (const path of paths) {
    const files = xmlFilesOf(path);
    if ('error' in files) {
      refuse(path, `error: ${files.error}`);
      continue;
    }
    for (const file of files.files) {
      let xml: Buffer;
      try {
        xml = readFileSync(file);
      } catch (caught) {
        refuse(file, `error: cannot read it: ${(caught as Error).message}`);
        continue;
      }
      try {
        const answer = await context.client.post<ImportAnswer>('/api/inventory/import', {
          body: xml,
          contentType: 'application/xml',
          query: { cloudService },
        });
        outcomes.push({ file, status: answer.status, body: answer.body });
        if (!context.json) context.out(`${file}: ${answerText(answer.body)}`);
        for (const note of answer.body.notes ?? []) context.note(`${file}: note: ${note}`);
      } catch (caught) {
        // Only the document's own refusal (4xx) is this file's problem; an unreachable service ends the run.
        if (!(caught instanceof ApiError) || caught.exitCode !== exitCodes.usage) throw caught;
        refuse(file, caught.message, caught.status, caught.body);
      }
    }
  }
  if (context.json) context.printJson(outcomes);
  return code;
}

/** `NetworkConfiguration: virtualNetworks 2, localNetworkSites 2, dnsServers 2` (zero counts left out). */
function answerText(answer: ImportAnswer): string {
  const counts = Object.entries(answer.counts)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${what} ${n}`)
    .join(', ');
  const ignored = answer.ignoredMigrationStates
    ? ` (${answer.ignoredMigrationStates} MigrationState values ignored)`
    : '';
  return `${answer.kind}: ${counts || 'nothing'}${ignored}`;
}

function xmlFilesOf(path: string): { files: string[] } | { error: string } {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    return { error: 'no such file or folder' };
  }
  if (!isDirectory) return { files: [path] };
  const files = readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.xml'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return files.length > 0 ? { files } : { error: 'no *.xml files in this folder' };
}
