/**
 * Shared access to infra/ for the infra tests: the files, main.bicep's scope, and the scopes of its modules
 * as main.bicep calls them.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import { parseConfig } from '../../shared/config';
import { connectionSettings } from '../../shared/contracts/names';
import { BicepFile, type BicepResource } from './bicep';
import { type BicepValue, moduleScope, Scope } from './bicep-eval';

export const projectRoot = join(__dirname, '..', '..');
export const infraDir = join(projectRoot, 'infra');

/** Every .bicep file under infra/, relative to infra/. */
export function bicepFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(dir, entry.name))
        : entry.name.endsWith('.bicep')
          ? [join(dir, entry.name)]
          : [],
    );
  return walk(infraDir).map((path) => relative(infraDir, path));
}

export function loadInfra(path: string): BicepFile {
  return BicepFile.load(join(infraDir, path));
}

export function mainScope(): Scope {
  return new Scope(loadInfra('main.bicep'));
}

/** A module of main.bicep, with its params bound to main.bicep's arguments (see moduleScope). */
export function moduleOfMain(symbol: string, overrides: Record<string, BicepValue> = {}): Scope {
  return moduleScope(mainScope(), symbol, overrides);
}

/** The single resource of `type` declared in a scope's file (not an `existing` reference). */
export function onlyResource(scope: Scope, type: string): BicepResource {
  const declared = scope.file.resourcesOfType(type).filter((resource) => !resource.existing);
  if (declared.length !== 1)
    throw new Error(`${scope.file.path}: expected one ${type}, found ${declared.length}`);
  return declared[0]!;
}

/** The code's configuration with nothing but the two required connections: every default it applies. */
export function codeDefaults(): ReturnType<typeof parseConfig> {
  return parseConfig({
    [`${connectionSettings.storage}__tableServiceUri`]: 'https://example.table.core.windows.net/',
    [`${connectionSettings.serviceBus}__fullyQualifiedNamespace`]: 'example.servicebus.windows.net',
  });
}
