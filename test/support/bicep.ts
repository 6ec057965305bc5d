/**
 * Offline Bicep inspection for tests: parses with tree-sitter-bicep (no Bicep compiler is installable here:
 * npm and Debian carry none, and `bicep-node` downloads the CLI at run time) and exposes the declarations
 * of a file as syntax nodes, so tests can assert on the AST instead of grepping text. Semantic checks (types, property names, API shapes) are out of reach;
 * only `az bicep build` and a what-if can do those.
 */
import { readFileSync } from 'node:fs';

import Parser from 'tree-sitter';
import bicepLanguage from 'tree-sitter-bicep';

export type SyntaxNode = Parser.SyntaxNode;

export interface SyntaxProblem {
  kind: 'ERROR' | 'MISSING';
  /** 1-based, like an editor. */
  line: number;
  column: number;
  text: string;
}

export interface BicepParam {
  name: string;
  type: string;
  defaultValue: SyntaxNode | undefined;
  /** Decorator names without the `@`, e.g. `secure`, `allowed`. */
  decorators: string[];
}

export interface BicepVariable {
  name: string;
  value: SyntaxNode;
}

export interface BicepLoop {
  variable: string;
  iterable: SyntaxNode;
}

export interface BicepResource {
  symbol: string;
  /** `Microsoft.Storage/storageAccounts` (without the API version). */
  type: string;
  apiVersion: string;
  existing: boolean;
  /** The declaration's object body (inside any loop or condition). */
  body: SyntaxNode;
  loop: BicepLoop | undefined;
  condition: SyntaxNode | undefined;
}

export interface BicepModule {
  symbol: string;
  path: string;
  body: SyntaxNode;
  condition: SyntaxNode | undefined;
}

export interface BicepOutput {
  name: string;
  type: string;
  value: SyntaxNode;
}

const declarationTypes = new Set([
  'parameter_declaration',
  'variable_declaration',
  'resource_declaration',
  'module_declaration',
  'output_declaration',
]);

const parser = new Parser();
// The grammar's typings describe `language` as unknown; at run time it is what setLanguage expects.
parser.setLanguage(bicepLanguage as unknown as Parser.Language);

export function parseBicep(source: string): Parser.Tree {
  return parser.parse(source);
}

/** Every ERROR and MISSING node, i.e. every place tree-sitter had to recover from bad syntax. */
export function syntaxProblems(tree: Parser.Tree): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const visit = (node: SyntaxNode): void => {
    if (node.type === 'ERROR' || node.isMissing) {
      problems.push({
        kind: node.isMissing ? 'MISSING' : 'ERROR',
        line: node.startPosition.row + 1,
        column: node.startPosition.column + 1,
        text: node.isMissing ? node.type : node.text.slice(0, 60),
      });
    }
    for (const child of node.children) visit(child);
  };
  visit(tree.rootNode);
  return problems;
}

/** One parsed .bicep file and its top-level declarations. */
export class BicepFile {
  readonly path: string;
  readonly source: string;
  readonly tree: Parser.Tree;

  constructor(path: string, source: string) {
    this.path = path;
    this.source = source;
    this.tree = parseBicep(source);
  }

  static load(path: string): BicepFile {
    return new BicepFile(path, readFileSync(path, 'utf8'));
  }

  get root(): SyntaxNode {
    return this.tree.rootNode;
  }

  params(): BicepParam[] {
    return this.#declarations('parameter_declaration').map(({ node, decorators }) => {
      const [name, type, defaultValue] = node.namedChildren.filter((child) => child.type !== 'comment');
      return { name: name!.text, type: type!.text, defaultValue, decorators };
    });
  }

  param(name: string): BicepParam | undefined {
    return this.params().find((param) => param.name === name);
  }

  variables(): BicepVariable[] {
    return this.#declarations('variable_declaration').map(({ node }) => {
      const [name, value] = node.namedChildren.filter((child) => child.type !== 'comment');
      return { name: name!.text, value: value! };
    });
  }

  variable(name: string): BicepVariable | undefined {
    return this.variables().find((variable) => variable.name === name);
  }

  resources(): BicepResource[] {
    return this.#declarations('resource_declaration').map(({ node }) => {
      const [symbol, typeString] = node.namedChildren;
      const [type, apiVersion] = stringContent(typeString!).split('@');
      return {
        symbol: symbol!.text,
        type: type!,
        apiVersion: apiVersion ?? '',
        existing: node.children.some((child) => child.type === 'existing'),
        ...declarationBody(node),
      };
    });
  }

  resourcesOfType(type: string): BicepResource[] {
    return this.resources().filter((resource) => resource.type === type);
  }

  modules(): BicepModule[] {
    return this.#declarations('module_declaration').map(({ node }) => {
      const [symbol, path] = node.namedChildren;
      const { body, condition } = declarationBody(node);
      return { symbol: symbol!.text, path: stringContent(path!), body, condition };
    });
  }

  module(symbol: string): BicepModule | undefined {
    return this.modules().find((module) => module.symbol === symbol);
  }

  outputs(): BicepOutput[] {
    return this.#declarations('output_declaration').map(({ node }) => {
      const [name, type, value] = node.namedChildren.filter((child) => child.type !== 'comment');
      return { name: name!.text, type: type!.text, value: value! };
    });
  }

  /** Names a reference may resolve to in this file: params, variables, resources, modules, loop variables. */
  declaredSymbols(): Set<string> {
    const loopVariables = this.root
      .descendantsOfType('for_statement')
      .map((loop) => loop.childForFieldName('initializer')!.text);
    return new Set([
      ...this.params().map((param) => param.name),
      ...this.variables().map((variable) => variable.name),
      ...this.resources().map((resource) => resource.symbol),
      ...this.modules().map((module) => module.symbol),
      ...loopVariables,
    ]);
  }

  /**
   * Identifiers used as values (not property keys, function names, declared names or loop variables): the
   * places where a misspelt symbol would hide, which tree-sitter parses happily.
   */
  symbolReferences(): SyntaxNode[] {
    return this.root.descendantsOfType('identifier').filter((node) => {
      const parent = node.parent!;
      const first = parent.namedChildren[0];
      if (declarationTypes.has(parent.type) || parent.type === 'object_property')
        return first?.id !== node.id;
      if (parent.type === 'call_expression') return parent.childForFieldName('function')?.id !== node.id;
      if (parent.type === 'for_statement') return parent.childForFieldName('initializer')?.id !== node.id;
      return true;
    });
  }

  /** Top-level declarations of one kind, with the decorators written above them. */
  #declarations(type: string): { node: SyntaxNode; decorators: string[] }[] {
    const found: { node: SyntaxNode; decorators: string[] }[] = [];
    let pending: string[] = [];
    for (const node of this.root.namedChildren) {
      if (node.type === 'comment' || node.type === 'diagnostic_comment') continue;
      if (node.type === 'decorators') {
        pending = node.namedChildren.map(decoratorName);
        continue;
      }
      if (node.type === type) found.push({ node, decorators: pending });
      pending = [];
    }
    return found;
  }
}

/** The text of a string literal without quotes; interpolations are kept as `${…}`. */
export function stringContent(node: SyntaxNode): string {
  if (node.type !== 'string') throw new Error(`Expected a string, got ${node.type}: ${node.text}`);
  return node.text.slice(1, -1);
}

/** The properties of an object literal, keyed by their (unquoted) names. */
export function objectProperties(object: SyntaxNode): Map<string, SyntaxNode> {
  const properties = new Map<string, SyntaxNode>();
  for (const property of object.namedChildren) {
    if (property.type !== 'object_property') continue;
    const [key, value] = property.namedChildren.filter((child) => child.type !== 'comment');
    properties.set(propertyKey(key!), value!);
  }
  return properties;
}

/** The value at a dotted path through nested object literals (`properties.runtime.name`). */
export function property(object: SyntaxNode, path: string): SyntaxNode | undefined {
  let current: SyntaxNode | undefined = object;
  for (const key of path.split('.')) {
    if (current?.type !== 'object') return undefined;
    current = objectProperties(current).get(key);
  }
  return current;
}

/** Every `object_property` anywhere under `root` whose key is `key`, as its value node. */
export function propertiesNamed(root: SyntaxNode, key: string): SyntaxNode[] {
  return root
    .descendantsOfType('object_property')
    .filter((property) => propertyKey(property.namedChildren[0]!) === key)
    .map((property) => property.namedChildren.filter((child) => child.type !== 'comment')[1]!);
}

/** Every string literal under `root`, as its content (see stringContent). */
export function stringLiterals(root: SyntaxNode): string[] {
  return root.descendantsOfType('string').map(stringContent);
}

/** Every call of the function `name` under `root` (`listKeys`, `guid`, …). */
export function callsOf(root: SyntaxNode, name: string): SyntaxNode[] {
  return root
    .descendantsOfType('call_expression')
    .filter((call) => call.childForFieldName('function')?.text === name);
}

/** The argument expressions of a call. */
export function callArguments(call: SyntaxNode): SyntaxNode[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter(
    (child) => child.type !== 'comment',
  );
}

/** The comment on the same line right after `node`, if any (how role GUIDs are named). */
export function trailingComment(node: SyntaxNode): string | undefined {
  const next = node.nextNamedSibling;
  if (next?.type !== 'comment' || next.startPosition.row !== node.endPosition.row) return undefined;
  return next.text.replace(/^\/\/\s*/, '');
}

function propertyKey(key: SyntaxNode): string {
  return key.type === 'string' ? stringContent(key) : key.text;
}

function decoratorName(decorator: SyntaxNode): string {
  const call = decorator.namedChildren[0];
  return (call?.childForFieldName('function') ?? call)?.text ?? decorator.text;
}

/** Unwraps `[for x in xs: {…}]` and `if (cond) {…}` around a resource or module body. */
function declarationBody(node: SyntaxNode): Pick<BicepResource, 'body' | 'loop' | 'condition'> {
  const last = node.namedChildren[node.namedChildren.length - 1]!;
  if (last.type === 'for_statement') {
    const named = last.namedChildren.filter((child) => child.type !== 'comment');
    return {
      body: last.childForFieldName('body')!,
      loop: { variable: last.childForFieldName('initializer')!.text, iterable: named[1]! },
      condition: undefined,
    };
  }
  if (last.type === 'if_statement') {
    const [condition, body] = last.namedChildren.filter((child) => child.type !== 'comment');
    return { body: body!, loop: undefined, condition: condition! };
  }
  return { body: last, loop: undefined, condition: undefined };
}
