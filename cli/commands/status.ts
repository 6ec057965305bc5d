/** `status <kind> <name>`: `GET /api/migrations/{kind}/{name}`, as a summary (or, with `--json`, the body as is). */
import type { Command } from 'commander';

import type { ScopeStatus } from '../../shared/use-cases/scope-status';
import { exitCodes } from '../exit-codes';
import { statusLines } from '../render/status';
import type { Runtime } from '../runtime';
import { scopePath } from '../scope-kind';

export function registerStatusCommand(program: Command, runtime: Runtime): void {
  program
    .command('status <kind> <name>')
    .description('state, lock, running operation and progress, findings, last operations')
    .action((kind: string, name: string, _flags: unknown, self: Command) =>
      runtime.run(self, async (context) => {
        const status = await context.client.get<ScopeStatus>(`/api/migrations/${scopePath(kind, name)}`);
        if (context.json) context.printJson(status.body);
        else for (const line of statusLines(status.body)) context.out(line);
        return exitCodes.success;
      }),
    );
}
