/**
 * One HTTP trigger route template (`items/{id:int}/{rest?}`, `files/{*path}`), parsed once and matched against
 * request paths with ASP.NET Core routing's rules: literals compare case-insensitively, a parameter takes one
 * non-empty segment, optional parameters and catch-alls may be absent, and a catch-all takes the rest.
 */
import { buildConstraint, RouteConstraint } from './route-constraints';

interface LiteralPart {
  kind: 'literal';
  text: string;
}

interface ParameterPart {
  kind: 'parameter';
  name: string;
  optional: boolean;
  catchAll: boolean;
  defaultValue: string | undefined;
  constraints: RouteConstraint[];
}

type Part = LiteralPart | ParameterPart;

interface Segment {
  parts: Part[];
  /** For segments mixing literals and parameters (`{name}.{ext}`). */
  pattern: RegExp | undefined;
}

export type RouteParams = Record<string, string>;

export class RouteTemplate {
  readonly text: string;
  readonly #segments: Segment[];
  /**
   * ASP.NET Core's inbound precedence, one digit per segment (RoutePrecedence.ComputeInbound): literal 1,
   * multi-part 2, constrained parameter 2, parameter 3, constrained catch-all 4, catch-all 5. Lower sorts
   * first, compared segment by segment.
   */
  readonly precedence: number[];

  constructor(template: string) {
    this.text = template.replace(/^[~/]+|\/+$/g, '');
    this.#segments = this.text.length === 0 ? [] : this.text.split('/').map(parseSegment);
    this.#segments.forEach((segment, index) => {
      const catchAll = segment.parts.some((part) => part.kind === 'parameter' && part.catchAll);
      if (catchAll && index !== this.#segments.length - 1) {
        throw new Error(
          `A catch-all parameter must be the last segment of the route template '${template}'.`,
        );
      }
    });
    this.precedence = this.#segments.map(precedenceDigit);
  }

  /** The parameters if `pathSegments` (already split and URL-decoded) match, otherwise undefined. */
  match(pathSegments: readonly string[]): RouteParams | undefined {
    const params: RouteParams = {};
    for (let index = 0; index < this.#segments.length; index++) {
      const segment = this.#segments[index] as Segment;
      const [first] = segment.parts;
      if (segment.parts.length === 1 && first?.kind === 'parameter' && first.catchAll) {
        const rest = pathSegments.slice(index).join('/');
        if (rest.length > 0) {
          if (!first.constraints.every((check) => check(rest))) return undefined;
          params[first.name] = rest;
        } else if (first.defaultValue !== undefined) {
          params[first.name] = first.defaultValue;
        }
        return params;
      }
      const value = pathSegments[index];
      if (value === undefined) {
        if (!this.#restIsOptional(index, params)) return undefined;
        return params;
      }
      if (!matchSegment(segment, value, params)) return undefined;
    }
    return pathSegments.length === this.#segments.length ? params : undefined;
  }

  /** Missing trailing segments are fine when each is a lone optional (or defaulted) parameter. */
  #restIsOptional(from: number, params: RouteParams): boolean {
    for (const segment of this.#segments.slice(from)) {
      const [part] = segment.parts;
      if (segment.parts.length !== 1 || part?.kind !== 'parameter') return false;
      if (part.defaultValue !== undefined) params[part.name] = part.defaultValue;
      else if (!part.optional && !part.catchAll) return false;
    }
    return true;
  }
}

function matchSegment(segment: Segment, value: string, params: RouteParams): boolean {
  const [only] = segment.parts;
  if (segment.parts.length === 1 && only) {
    if (only.kind === 'literal') return only.text.toLowerCase() === value.toLowerCase();
    if (value.length === 0 || !only.constraints.every((check) => check(value))) return false;
    params[only.name] = value;
    return true;
  }
  const match = segment.pattern?.exec(value);
  if (!match) return false;
  const parameters = segment.parts.filter((part): part is ParameterPart => part.kind === 'parameter');
  for (const [index, part] of parameters.entries()) {
    const captured = match[index + 1] ?? '';
    if (!part.constraints.every((check) => check(captured))) return false;
    params[part.name] = captured;
  }
  return true;
}

function parseSegment(text: string): Segment {
  const parts: Part[] = [];
  let index = 0;
  while (index < text.length) {
    if (text[index] === '{') {
      const end = closingBrace(text, index);
      parts.push(parseParameter(text.slice(index + 1, end)));
      index = end + 1;
    } else {
      const next = text.indexOf('{', index);
      const end = next === -1 ? text.length : next;
      parts.push({ kind: 'literal', text: text.slice(index, end) });
      index = end;
    }
  }
  if (parts.length <= 1) return { parts, pattern: undefined };
  // ASP.NET matches multi-part segments right to left, so earlier parameters take as much as they can.
  const source = parts.map((part) => (part.kind === 'literal' ? escapeRegExp(part.text) : '(.+)')).join('');
  return { parts, pattern: new RegExp(`^${source}$`, 'i') };
}

/** Finds the `}` closing a parameter, skipping parentheses so `regex(^\d{3}$)` stays whole. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open + 1; index < text.length; index++) {
    const char = text[index];
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '}' && depth <= 0) return index;
  }
  throw new Error(`Unclosed '{' in route segment '${text}'.`);
}

function parseParameter(body: string): ParameterPart {
  let rest = body;
  let catchAll = false;
  if (rest.startsWith('**')) {
    catchAll = true;
    rest = rest.slice(2);
  } else if (rest.startsWith('*')) {
    catchAll = true;
    rest = rest.slice(1);
  }
  let defaultValue: string | undefined;
  const equals = indexOutsideParens(rest, '=');
  if (equals !== -1) {
    defaultValue = rest.slice(equals + 1);
    rest = rest.slice(0, equals);
  }
  let optional = false;
  if (rest.endsWith('?')) {
    optional = true;
    rest = rest.slice(0, -1);
  }
  const colon = rest.indexOf(':');
  const name = colon === -1 ? rest : rest.slice(0, colon);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Invalid route parameter name in '{${body}}'.`);
  const constraints = colon === -1 ? [] : parseConstraints(rest.slice(colon + 1));
  return { kind: 'parameter', name, optional, catchAll, defaultValue, constraints };
}

function parseConstraints(text: string): RouteConstraint[] {
  const constraints: RouteConstraint[] = [];
  let index = 0;
  while (index < text.length) {
    const nameMatch = /^[A-Za-z]+/.exec(text.slice(index));
    if (!nameMatch) throw new Error(`Invalid route constraint '${text}'.`);
    const name = nameMatch[0];
    index += name.length;
    let argument: string | undefined;
    if (text[index] === '(') {
      let depth = 0;
      const start = index + 1;
      for (; index < text.length; index++) {
        if (text[index] === '(') depth++;
        else if (text[index] === ')' && --depth === 0) break;
      }
      argument = text.slice(start, index);
      index++;
    }
    constraints.push(buildConstraint(name, argument));
    if (text[index] === ':') index++;
  }
  return constraints;
}

function indexOutsideParens(text: string, char: string): number {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')') depth--;
    else if (text[index] === char && depth === 0) return index;
  }
  return -1;
}

function precedenceDigit(segment: Segment): number {
  if (segment.parts.length > 1) return 2;
  const [part] = segment.parts;
  if (!part || part.kind === 'literal') return 1;
  const digit = part.catchAll ? 5 : 3;
  return part.constraints.length > 0 ? digit - 1 : digit;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
