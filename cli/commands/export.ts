/**
 * `export template <kind> <name> [--resource-group RG] [-o file]`: the ARM deployment templates
 * (`{ source, resourceGroups: [{ name, location, template }] }`, or one group's template alone);
 * `export classic <kind> <name> [-o file]`: the Classic configuration as Service Management XML.
 * Without `-o` the document goes to stdout, as the API sent it (JSON pretty-printed).
 */
import { writeFileSync } from 'node:fs';

import type { Command } from 'commander';

import type { CliContext } from '../context';
import { type ExitCode, exitCodes, usageError } from '../exit-codes';
import type { Runtime } from '../runtime';
import { scopePath } from '../scope-kind';

export function registerExportCommands(program: Command, runtime: Runtime): void {
  const exports = program.command('export').description('export a scope as ARM templates or as Classic XML');

  exports
    .command('template <kind> <name>')
    .description('ARM deployment templates per resource group (written, or planned before Prepare)')
    .option('--resource-group <name>', "that resource group's template alone")
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action((kind: string, name: string, flags: { resourceGroup?: string; output?: string }, self: Command) =>
      runtime.run(self, async (context) => {
        const { body } = await context.client.get<unknown>(`/api/exports/${scopePath(kind, name)}/template`, {
          query: { resourceGroup: flags.resourceGroup },
        });
        return write(context, `${JSON.stringify(body, null, 2)}\n`, flags.output);
      }),
    );

  exports
    .command('classic <kind> <name>')
    .description('the Classic configuration as the Service Management XML a user would have downloaded')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action((kind: string, name: string, flags: { output?: string }, self: Command) =>
      runtime.run(self, async (context) => {
        const { text } = await context.client.get(`/api/exports/${scopePath(kind, name)}/classic`);
        return write(context, text.endsWith('\n') ? text : `${text}\n`, flags.output);
      }),
    );
}

function write(context: CliContext, document: string, output: string | undefined): ExitCode {
  if (output === undefined || output === '-') {
    context.io.stdout.write(document);
    return exitCodes.success;
  }
  try {
    writeFileSync(output, document);
  } catch (caught) {
    throw usageError(`cannot write ${output}: ${(caught as Error).message}`);
  }
  context.note(`Wrote ${output} (${Buffer.byteLength(document)} bytes).`);
  return exitCodes.success;
}
