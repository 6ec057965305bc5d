/**
 * `plan <kind> <name>`: what Prepare will create and change, from the scope status's `plan`. With `--json`
 * it prints that `plan` object (the part of the body this command is about). A scope the translation
 * refuses has no plan: the reason is printed and the exit code is 1.
 */
import type { Command } from 'commander';

import type { ScopeStatus } from '../../shared/use-cases/scope-status';
import { exitCodes } from '../exit-codes';
import { planLines } from '../render/plan';
import type { Runtime } from '../runtime';
import { scopePath } from '../scope-kind';

export function registerPlanCommand(program: Command, runtime: Runtime): void {
  program
    .command('plan <kind> <name>')
    .description('resources to create, downtime, IP changes, dropped settings, RBAC re-mapping, estimate')
    .action((kind: string, name: string, _flags: unknown, self: Command) =>
      runtime.run(self, async (context) => {
        const { body: status } = await context.client.get<ScopeStatus>(
          `/api/migrations/${scopePath(kind, name)}`,
        );
        if (!status.plan) {
          const refusal = status.validation?.refusal;
          context.note(
            `error: no plan for ${status.scope.kindPath}/${status.scope.name}${refusal ? `: ${refusal.code}: ${refusal.message}` : ' (nothing to translate)'}`,
          );
          if (context.json) context.printJson(null);
          return exitCodes.failed;
        }
        if (context.json) context.printJson(status.plan);
        else for (const line of planLines(status.plan)) context.out(line);
        return exitCodes.success;
      }),
    );
}
