/**
 * A deliberately small evaluator for Bicep expressions, enough to follow a value from a parameter default in
 * main.bicep through a module's params into a resource property. Literals, arrays, objects, identifiers
 * (params, variables), member access, string interpolation, `!`, comparisons and logic (`==`, `!=`, `&&`,
 * `||`, `??`), ternaries on known conditions and a few pure functions (string, empty, union) are evaluated; anything that only Azure knows at deployment time
 * (resource ids, module outputs, uniqueString…) becomes an `Unresolved` holding its source text.
 */
import { dirname, resolve } from 'node:path';

import { BicepFile, callArguments, objectProperties, type SyntaxNode } from './bicep';

export class Unresolved {
  constructor(readonly text: string) {}
}

export type BicepValue =
  string | number | boolean | null | Unresolved | BicepValue[] | { [key: string]: BicepValue };

/** Where identifiers are looked up: a file, plus the arguments its caller passed for its params. */
export class Scope {
  readonly #cache = new Map<string, BicepValue>();

  constructor(
    readonly file: BicepFile,
    readonly args: ReadonlyMap<string, BicepValue> = new Map(),
  ) {}

  lookup(name: string): BicepValue {
    const cached = this.#cache.get(name);
    if (cached !== undefined) return cached;
    // Guards against self-reference while the value is being computed.
    this.#cache.set(name, new Unresolved(name));
    const value = this.#resolve(name);
    this.#cache.set(name, value);
    return value;
  }

  #resolve(name: string): BicepValue {
    if (this.args.has(name)) return this.args.get(name)!;
    const param = this.file.param(name);
    if (param) return param.defaultValue ? evaluate(param.defaultValue, this) : new Unresolved(name);
    const variable = this.file.variable(name);
    if (variable) return evaluate(variable.value, this);
    return new Unresolved(name);
  }
}

/**
 * The scope of a module as main.bicep calls it: its params bound to the arguments of the module declaration
 * `symbol`, evaluated in `caller`. `overrides` replaces arguments, e.g. to pretend an output is empty.
 */
export function moduleScope(
  caller: Scope,
  symbol: string,
  overrides: Record<string, BicepValue> = {},
): Scope {
  const declaration = caller.file.module(symbol);
  if (!declaration) throw new Error(`${caller.file.path} declares no module ${symbol}`);
  const params = objectProperties(declaration.body).get('params');
  const args = new Map<string, BicepValue>();
  for (const [name, value] of params ? objectProperties(params) : []) args.set(name, evaluate(value, caller));
  for (const [name, value] of Object.entries(overrides)) args.set(name, value);
  return new Scope(BicepFile.load(resolve(dirname(caller.file.path), declaration.path)), args);
}

export function evaluate(node: SyntaxNode, scope: Scope): BicepValue {
  switch (node.type) {
    case 'string':
      return evaluateString(node, scope);
    case 'number':
      return Number(node.text);
    case 'boolean':
      return node.text === 'true';
    case 'null':
      return null;
    case 'array':
      return node.namedChildren
        .filter((child) => child.type !== 'comment')
        .map((item) => evaluate(item, scope));
    case 'object':
      return Object.fromEntries(
        [...objectProperties(node)].map(([key, value]) => [key, evaluate(value, scope)]),
      );
    case 'identifier':
      return scope.lookup(node.text);
    case 'parenthesized_expression':
      return evaluate(node.namedChildren[0]!, scope);
    case 'member_expression':
      return member(
        evaluate(node.childForFieldName('object')!, scope),
        node.childForFieldName('property')!.text,
        node,
      );
    case 'unary_expression': {
      const argument = evaluate(node.childForFieldName('argument')!, scope);
      return node.text.startsWith('!') && typeof argument === 'boolean'
        ? !argument
        : new Unresolved(node.text);
    }
    case 'ternary_expression': {
      const condition = evaluate(node.childForFieldName('condition')!, scope);
      if (typeof condition !== 'boolean') return new Unresolved(node.text);
      return evaluate(node.childForFieldName(condition ? 'consequence' : 'alternative')!, scope);
    }
    case 'binary_expression':
      return evaluateBinary(node, scope);
    case 'call_expression':
      return evaluateCall(node, scope);
    default:
      return new Unresolved(node.text);
  }
}

/**
 * Comparisons and logic on known values (`sku == 'Premium'`, `a && !b`, `x ?? ''`); anything involving a
 * deployment-time value stays Unresolved. `&&`/`||` short-circuit as ARM's and()/or() do not need to: a known
 * false left side of `&&` decides the result even when the right side is unknown.
 */
function evaluateBinary(node: SyntaxNode, scope: Scope): BicepValue {
  const [leftNode, rightNode] = node.namedChildren.filter((child) => child.type !== 'comment');
  const operator = node.children.find((child) => !child.isNamed)?.type;
  const left = evaluate(leftNode!, scope);
  if (operator === '&&' && left === false) return false;
  if (operator === '||' && left === true) return true;
  if (operator === '??' && left !== null && !(left instanceof Unresolved)) return left;
  const right = evaluate(rightNode!, scope);
  if (left instanceof Unresolved || right instanceof Unresolved) return new Unresolved(node.text);
  switch (operator) {
    case '==':
      return JSON.stringify(left) === JSON.stringify(right);
    case '!=':
      return JSON.stringify(left) !== JSON.stringify(right);
    case '=~':
      return typeof left === 'string' && typeof right === 'string'
        ? left.toLowerCase() === right.toLowerCase()
        : new Unresolved(node.text);
    case '&&':
    case '||':
      return typeof right === 'boolean' && typeof left === 'boolean'
        ? operator === '&&'
          ? left && right
          : left || right
        : new Unresolved(node.text);
    case '??':
      return right;
    default:
      return new Unresolved(node.text);
  }
}

/**
 * A value as text: strings as they are, with unresolvable interpolations left as `${…}` (e.g.
 * `${functionApp.id}/functions/migrationRequests`), anything else unresolvable as its source text.
 */
export function render(node: SyntaxNode, scope: Scope): string {
  const value = evaluate(node, scope);
  if (typeof value === 'string') return value;
  return value instanceof Unresolved ? value.text : JSON.stringify(value);
}

/** Unresolvable interpolations make the whole string Unresolved, its text keeping them as `${…}`. */
function evaluateString(node: SyntaxNode, scope: Scope): BicepValue {
  let result = '';
  let resolved = true;
  for (const part of node.namedChildren) {
    if (part.type === 'string_content') result += part.text;
    else if (part.type === 'escape_sequence') result += unescape(part.text);
    else if (part.type === 'interpolation') {
      const value = evaluate(part.namedChildren[0]!, scope);
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        result += String(value);
      } else {
        resolved = false;
        result += part.text;
      }
    }
  }
  return resolved ? result : new Unresolved(result);
}

function evaluateCall(node: SyntaxNode, scope: Scope): BicepValue {
  const name = node.childForFieldName('function')!.text;
  const args = callArguments(node).map((argument) => evaluate(argument, scope));
  if (args.some((argument) => argument instanceof Unresolved)) return new Unresolved(node.text);
  switch (name) {
    case 'string':
      // As ARM does: booleans become 'True'/'False' (which a 'true'|'false' setting would reject).
      if (typeof args[0] === 'boolean') return args[0] ? 'True' : 'False';
      return typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
    case 'empty':
      return isEmpty(args[0]);
    case 'union':
      return args.every(isObject)
        ? args.reduce<{ [key: string]: BicepValue }>((merged, arg) => ({ ...merged, ...arg }), {})
        : new Unresolved(node.text);
    default:
      return new Unresolved(node.text);
  }
}

function member(target: BicepValue, key: string, node: SyntaxNode): BicepValue {
  return isObject(target) && key in target ? target[key]! : new Unresolved(node.text);
}

function isObject(value: BicepValue | undefined): value is { [key: string]: BicepValue } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Unresolved)
  );
}

function isEmpty(value: BicepValue | undefined): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}

function unescape(sequence: string): string {
  const escapes: Record<string, string> = {
    "\\'": "'",
    '\\\\': '\\',
    '\\n': '\n',
    '\\r': '\r',
    '\\t': '\t',
    '\\$': '$',
  };
  return escapes[sequence] ?? sequence;
}
