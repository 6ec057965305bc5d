/**
 * The shape of the code, checked on every test run (ESLint says the same at edit time):
 * - no import cycles among the service's modules (type-only imports included: a cycle of types is still
 *   two modules that cannot be understood apart);
 * - handlers and function registrations decide nothing: they import no decision code of the domain and
 *   reach admission only through `requestOperation`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function importsOf(file: string): ImportEdge[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest);
  const edges: ImportEdge[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const target = resolveModule(file, specifier.text);
    if (!target) continue;
    edges.push({ from: file, to: target, typeOnly: isTypeOnly(statement) });
  }
  return edges;
}

function isTypeOnly(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(statement)) return statement.isTypeOnly;
  const clause = statement.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    clause.name === undefined &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

function resolveModule(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try {
      readFileSync(join(root, candidate));
      return candidate;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

const files = [...sourceFiles('shared'), ...sourceFiles('functions')];
const edges = files.flatMap(importsOf);

function findCycles(): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const target of next.get(file) ?? []) {
      if (state.get(target) === 'open') cycles.push([...path.slice(path.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

/** Decision code of the domain (and the admission internals) that only use cases may call. */
const decisionModules = [
  /^shared\/domain\/migration\/migration\.machine\.ts$/,
  /^shared\/domain\/migration\/migration\.refusals\.ts$/,
  /^shared\/domain\/migration\/scope-entity\.reducer\.ts$/,
  /^shared\/domain\/scope\/scope-contents\.ts$/,
  /^shared\/domain\/validation\/(?!scope-not-found\.ts$).*/,
  /^shared\/domain\/batch\/batch-.*/,
  /^shared\/domain\/chat\/(chat-roles|chat-user|approval|chat-conversation|next-steps)\.ts$/,
  /^shared\/use-cases\/request-operation\/enqueue-operation\.ts$/,
];

/** The entity's own registration runs its reducer: that is the entity, not a handler. */
const isHandler = (file: string) =>
  (file.startsWith('shared/handlers/') || file.startsWith('functions/')) &&
  file !== 'functions/migration-scope.entity.ts';

describe('module dependencies', () => {
  it('When the modules are read, then they have imports to check', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.some((edge) => edge.to === 'shared/use-cases/request-operation/request-operation.ts')).toBe(
      true,
    );
  });

  it('When every import is followed, then no module imports itself back', () => {
    expect(findCycles().map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('When handlers and function registrations are read, then none imports decision code as a value', () => {
    const offending = edges
      .filter((edge) => isHandler(edge.from) && !edge.typeOnly)
      .filter((edge) => decisionModules.some((pattern) => pattern.test(edge.to)))
      .map((edge) => `${edge.from} → ${edge.to}`);
    expect(offending).toEqual([]);
  });

  it('When the state machine is imported, then only use cases, the entity and the domain do it', () => {
    const importers = edges
      .filter((edge) => edge.to === 'shared/domain/migration/migration.machine.ts' && !edge.typeOnly)
      .map((edge) => edge.from)
      .filter((file) => !file.startsWith('shared/domain/') && !file.startsWith('shared/use-cases/'));
    expect(importers).toEqual([]);
  });
});
