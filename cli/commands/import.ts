/**
 * `import <paths...>`: each file, or every `*.xml` and `*.json` under a folder (recursively, in name order),
 * posted as one document to `POST /api/inventory/import`: Service Management XML, or an estate-facts
 * document (an ARM list, a usage list, … as `az` or the REST API saved it; see docs/estate-facts.md). The
 * service tells the kind from the content; the content type follows the file's extension, the bytes go as
 * they are (a byte-order mark or an encoding declaration is the parser's business), and the file's name is
 * the document's name in the facts' provenance. Every file is tried; the exit code is 2 when any was refused
 * (or could not be read), and 3 as soon as the service cannot be reached (the next file would fail the same
 * way).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { Command } from 'commander';

import { ApiError } from '../api-client';
import type { CliContext } from '../context';
import { type ExitCode, exitCodes } from '../exit-codes';
import type { Runtime } from '../runtime';

interface ImportAnswer {
  kind: string;
  counts: Record<string, number>;
  /** Estate facts the document carried (0 for Service Management XML). */
  facts?: number;
  notes?: string[];
  ignoredMigrationStates?: number;
}

/** One file's outcome; with `--json`, the list of these is printed. */
interface FileOutcome {
  file: string;
  status?: number;
  body: unknown;
}

/** What some documents carry only in the URL they were read from (see docs/estate-facts.md). */
interface ImportFlags {
  cloudService?: string;
  virtualNetwork?: string;
  serviceKey?: string;
  location?: string;
}

export function registerImportCommand(program: Command, runtime: Runtime): void {
  program
    .command('import <paths...>')
    .description(
      'import Service Management XML and estate-facts JSON files (folders: every *.xml and *.json in them, recursively)',
    )
    .option('--cloud-service <name>', 'the cloud service of a bare <Deployment> document')
    .option('--virtual-network <name>', 'the Classic VNet of a document that names it only in its URL')
    .option('--service-key <key>', 'the ExpressRoute circuit of a dedicated circuit links document')
    .option('--location <region>', 'the region of a usages list')
    .action((paths: string[], flags: ImportFlags, self: Command) =>
      runtime.run(self, (context) => importFiles(context, paths, flags)),
    );
}

async function importFiles(context: CliContext, paths: string[], flags: ImportFlags): Promise<ExitCode> {
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
    const files = documentFilesOf(path);
    if ('error' in files) {
      refuse(path, `error: ${files.error}`);
      continue;
    }
    for (const file of files.files) {
      let document: Buffer;
      try {
        document = readFileSync(file);
      } catch (caught) {
        refuse(file, `error: cannot read it: ${(caught as Error).message}`);
        continue;
      }
      try {
        const answer = await context.client.post<ImportAnswer>('/api/inventory/import', {
          body: document,
          contentType: isJson(file) ? 'application/json' : 'application/xml',
          query: { ...flags, document: basename(file) },
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

/**
 * `NetworkConfiguration: virtualNetworks 2, localNetworkSites 2, dnsServers 2` (zero counts left out), or
 * `Microsoft.HDInsight/clusters: 1 fact(s)` for an estate-facts document.
 */
function answerText(answer: ImportAnswer): string {
  const counts = Object.entries(answer.counts)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${what} ${n}`)
    .join(', ');
  const ignored = answer.ignoredMigrationStates
    ? ` (${answer.ignoredMigrationStates} MigrationState values ignored)`
    : '';
  const facts = answer.facts ? `${answer.facts} fact(s)` : '';
  return `${answer.kind}: ${[counts, facts].filter(Boolean).join(', ') || 'nothing'}${ignored}`;
}

function isJson(file: string): boolean {
  return file.toLowerCase().endsWith('.json');
}

function documentFilesOf(path: string): { files: string[] } | { error: string } {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    return { error: 'no such file or folder' };
  }
  if (!isDirectory) return { files: [path] };
  const files = readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(xml|json)$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return files.length > 0 ? { files } : { error: 'no *.xml or *.json files in this folder' };
}
