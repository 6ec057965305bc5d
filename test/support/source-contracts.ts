/**
 * Facts the infra must match, read statically from the source with the TypeScript parser instead of
 * importing the modules: the trigger registrations in functions/*.ts and the table-name constants of the
 * adapters. The infra tests need only these literals; importing a module would load (and depend on)
 * everything behind it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import ts from 'typescript';

import * as names from '../../shared/contracts/names';

export interface TriggerRegistration {
  file: string;
  /** The `app.*` / `df.app.client.*` method: serviceBusQueue, serviceBusTopic, eventGrid. */
  kind: string;
  functionName: unknown;
  options: Record<string, unknown>;
}

const triggerKinds = new Set(['serviceBusQueue', 'serviceBusTopic', 'eventGrid']);

export function triggerRegistrations(functionsDir: string): TriggerRegistration[] {
  const found: TriggerRegistration[] = [];
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
        triggerKinds.has(node.expression.name.text)
      ) {
        const [nameArgument, optionsArgument] = node.arguments;
        found.push({
          file,
          kind: node.expression.name.text,
          functionName: nameArgument && staticValue(nameArgument),
          options:
            optionsArgument && ts.isObjectLiteralExpression(optionsArgument)
              ? objectOptions(optionsArgument)
              : {},
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

function objectOptions(object: ts.ObjectLiteralExpression): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name)) {
      options[property.name.text] = staticValue(property.initializer);
    }
  }
  return options;
}

/** Literals, and references into shared/contracts/names.ts (`phaseQueues.validate`, `eventsTopic`). */
function staticValue(expression: ts.Expression): unknown {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression))
    return expression.text;
  if (expression.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (expression.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isIdentifier(expression)) return (names as Record<string, unknown>)[expression.text];
  if (ts.isPropertyAccessExpression(expression)) {
    const target = staticValue(expression.expression);
    return typeof target === 'object' && target !== null
      ? (target as Record<string, unknown>)[expression.name.text]
      : undefined;
  }
  return undefined;
}

/** `export const <name>Table = '<literal>'` in every .ts file of `dir` (the adapters' own tables). */
export function exportedTableConstants(dir: string): string[] {
  const found: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.ES2022);
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      if (!statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (
          ts.isIdentifier(declaration.name) &&
          declaration.name.text.endsWith('Table') &&
          declaration.initializer &&
          ts.isStringLiteral(declaration.initializer)
        ) {
          found.push(declaration.initializer.text);
        }
      }
    }
  }
  return found;
}
