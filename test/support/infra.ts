/**
 * Shared access to infra/ for the infra tests: the files, main.bicep's scope, and the scopes of its modules
 * as main.bicep calls them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import ts from 'typescript';

import { parseConfig } from '../../shared/config';
import * as names from '../../shared/contracts/names';
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

/** main.bicep with its parameter defaults, or with `args` as a deployment would pass them. */
export function mainScope(args: Record<string, BicepValue> = {}): Scope {
  return new Scope(loadInfra('main.bicep'), new Map(Object.entries(args)));
}

/**
 * A module of main.bicep, with its params bound to main.bicep's arguments (see moduleScope); `mainArgs` are
 * main.bicep's own parameters (e.g. `{ enablePrivateNetworking: true }`).
 */
export function moduleOfMain(
  symbol: string,
  overrides: Record<string, BicepValue> = {},
  mainArgs: Record<string, BicepValue> = {},
): Scope {
  return moduleScope(mainScope(mainArgs), symbol, overrides);
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

export interface FunctionRegistration {
  file: string;
  /** The registering method: http, timer, storageQueue, serviceBusQueue, eventGrid, entity, … */
  kind: string;
  name: string;
}

/** Registration methods of `app` (@azure/functions) and `df.app` / `df.app.client` (durable-functions). */
const registrationMethods = new Set([
  'http',
  'get',
  'post',
  'put',
  'patch',
  'deleteRequest',
  'timer',
  'storageQueue',
  'storageBlob',
  'serviceBusQueue',
  'serviceBusTopic',
  'eventGrid',
  'eventHub',
  'cosmosDB',
  'sql',
  'mySql',
  'webPubSub',
  'generic',
  'entity',
  'orchestration',
  'activity',
]);
const registrationReceivers = new Set(['app', 'df.app', 'df.app.client']);

/**
 * Every function registered in functions/*.ts, read with the TypeScript parser (no import): the name is the
 * first argument, a literal or a constant of shared/contracts/names.ts.
 */
export function registeredFunctions(functionsDir = join(projectRoot, 'functions')): FunctionRegistration[] {
  const found: FunctionRegistration[] = [];
  for (const file of readdirSync(functionsDir).filter((name) => name.endsWith('.ts'))) {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(functionsDir, file), 'utf8'),
      ts.ScriptTarget.ES2022,
    );
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        registrationMethods.has(node.expression.name.text) &&
        registrationReceivers.has(node.expression.expression.getText(source))
      ) {
        const name = node.arguments[0] && constantValue(node.arguments[0], source);
        if (typeof name === 'string') found.push({ file, kind: node.expression.name.text, name });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

function constantValue(expression: ts.Expression, source: ts.SourceFile): unknown {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression))
    return expression.text;
  const path = expression.getText(source).split('.');
  let value: unknown = names;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}
