/**
 * The `$filter` of ARM's generic resource lists (`GET /subscriptions/{sub}/resources`,
 * `…/resourceGroups/{rg}/resources`), as documented for Resources - List (api-version 2021-04-01,
 * https://learn.microsoft.com/rest/api/resources/resources/list):
 * - `eq` / `ne` on `name`, `resourceType`, `resourceGroup`, `location`;
 * - `substringof('value', name|resourceGroup)`;
 * - `tagName eq 'n'`, `tagName eq 'n' and tagValue eq 'v'` (one tag: name and value), `startswith(tagName, 'p')`;
 * - `and` / `or` (`and` binds tighter), and parentheses.
 * Anything else (`identity`, `plan`, other functions, a lone `tagValue`) is refused rather than ignored: an
 * ignored filter answers with everything, which a caller reads as a result. ARM names and types compare
 * case-insensitively, so every comparison here does (our choice for values ARM leaves unspecified).
 *
 * Also the one `$filter` the typed VM lists take (`virtualMachines.list/listAll`):
 * `'virtualMachineScaleSet/id' eq '<id>'`. Pure.
 */

/** What a filter is evaluated against: one resource and the group that holds it. */
export interface FilterableResource {
  name: string;
  type: string;
  location: string;
  resourceGroup: string;
  tags?: Record<string, string> | undefined;
}

type ComparedProperty = 'name' | 'resourceType' | 'resourceGroup' | 'location';

export type ResourceFilter =
  | { kind: 'compare'; property: ComparedProperty; op: 'eq' | 'ne'; value: string }
  | { kind: 'substringOf'; property: 'name' | 'resourceGroup'; value: string }
  | { kind: 'tag'; name: string; value?: string }
  | { kind: 'tagPrefix'; prefix: string }
  | { kind: 'and'; filters: ResourceFilter[] }
  | { kind: 'or'; filters: ResourceFilter[] };

export type FilterParse = { ok: true; filter: ResourceFilter } | { ok: false; reason: string };

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'comma' };

class FilterSyntaxError extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === '(') {
      tokens.push({ kind: 'open' });
      i += 1;
    } else if (char === ')') {
      tokens.push({ kind: 'close' });
      i += 1;
    } else if (char === ',') {
      tokens.push({ kind: 'comma' });
      i += 1;
    } else if (char === "'") {
      // OData string literal: a quote inside is doubled ('O''Brien').
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw new FilterSyntaxError('an unterminated string');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += text[i] ?? '';
        i += 1;
      }
      tokens.push({ kind: 'string', text: value });
    } else {
      const word = /^[A-Za-z_][A-Za-z0-9_/]*/.exec(text.slice(i))?.[0];
      if (!word) throw new FilterSyntaxError(`an unexpected '${char}'`);
      tokens.push({ kind: 'word', text: word });
      i += word.length;
    }
  }
  return tokens;
}

const comparedProperties: Record<string, ComparedProperty> = {
  name: 'name',
  resourcetype: 'resourceType',
  resourcegroup: 'resourceGroup',
  location: 'location',
};

/** A tagName/tagValue comparison before it is paired into one tag predicate. */
type Part = ResourceFilter | { kind: 'tagName'; value: string } | { kind: 'tagValue'; value: string };

class Parser {
  readonly #tokens: Token[];
  #position = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  parse(): ResourceFilter {
    const filter = this.#or();
    if (this.#position < this.#tokens.length) throw new FilterSyntaxError('unexpected text after the filter');
    return filter;
  }

  #or(): ResourceFilter {
    const filters = [this.#and()];
    while (this.#keyword('or')) filters.push(this.#and());
    return filters.length === 1 ? (filters[0] as ResourceFilter) : { kind: 'or', filters };
  }

  #and(): ResourceFilter {
    const parts: Part[] = [this.#primary()];
    while (this.#keyword('and')) parts.push(this.#primary());
    const filters = pairTags(parts);
    return filters.length === 1 ? (filters[0] as ResourceFilter) : { kind: 'and', filters };
  }

  #primary(): Part {
    const token = this.#next();
    if (token?.kind === 'open') {
      const inner = this.#or();
      this.#expect('close');
      return inner;
    }
    if (token?.kind !== 'word') throw new FilterSyntaxError('a property or function was expected');
    const word = token.text.toLowerCase();
    if (word === 'substringof') {
      this.#expect('open');
      const value = this.#string();
      this.#expect('comma');
      const property = this.#word().toLowerCase();
      this.#expect('close');
      if (property !== 'name' && property !== 'resourcegroup')
        throw new FilterSyntaxError(`substringof does not apply to '${property}'`);
      return { kind: 'substringOf', property: property === 'name' ? 'name' : 'resourceGroup', value };
    }
    if (word === 'startswith') {
      this.#expect('open');
      const property = this.#word().toLowerCase();
      this.#expect('comma');
      const prefix = this.#string();
      this.#expect('close');
      if (property !== 'tagname') throw new FilterSyntaxError(`startswith does not apply to '${property}'`);
      return { kind: 'tagPrefix', prefix };
    }
    const op = this.#word().toLowerCase();
    if (op !== 'eq' && op !== 'ne') throw new FilterSyntaxError(`the operator '${op}' is not supported`);
    const value = this.#string();
    if (word === 'tagname' || word === 'tagvalue') {
      if (op !== 'eq') throw new FilterSyntaxError(`${token.text} takes only eq`);
      return { kind: word === 'tagname' ? 'tagName' : 'tagValue', value };
    }
    const property = comparedProperties[word];
    if (!property) throw new FilterSyntaxError(`the property '${token.text}' is not supported`);
    return { kind: 'compare', property, op, value };
  }

  #keyword(keyword: string): boolean {
    const token = this.#tokens[this.#position];
    if (token?.kind === 'word' && token.text.toLowerCase() === keyword) {
      this.#position += 1;
      return true;
    }
    return false;
  }

  #next(): Token | undefined {
    const token = this.#tokens[this.#position];
    this.#position += 1;
    return token;
  }

  #expect(kind: 'open' | 'close' | 'comma'): void {
    if (this.#next()?.kind !== kind)
      throw new FilterSyntaxError(`'${{ open: '(', close: ')', comma: ',' }[kind]}' was expected`);
  }

  #string(): string {
    const token = this.#next();
    if (token?.kind !== 'string') throw new FilterSyntaxError('a quoted value was expected');
    return token.text;
  }

  #word(): string {
    const token = this.#next();
    if (token?.kind !== 'word') throw new FilterSyntaxError('a property or operator was expected');
    return token.text;
  }
}

/** `tagName eq 'n' and tagValue eq 'v'` names one tag: each tagValue pairs with the tagName before it. */
function pairTags(parts: Part[]): ResourceFilter[] {
  const filters: ResourceFilter[] = [];
  for (const part of parts) {
    if (part.kind === 'tagName') {
      filters.push({ kind: 'tag', name: part.value });
    } else if (part.kind === 'tagValue') {
      const previous = filters.at(-1);
      if (previous?.kind !== 'tag' || previous.value !== undefined)
        throw new FilterSyntaxError('tagValue needs the tagName it belongs to just before it');
      previous.value = part.value;
    } else {
      filters.push(part);
    }
  }
  return filters;
}

/** Parses a generic resource list's `$filter`. Pure. */
export function parseResourceFilter(text: string): FilterParse {
  try {
    const tokens = tokenize(text);
    if (tokens.length === 0) return { ok: false, reason: 'the filter is empty' };
    return { ok: true, filter: new Parser(tokens).parse() };
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { ok: false, reason: error.message };
    throw error;
  }
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function propertyOf(resource: FilterableResource, property: ComparedProperty): string {
  switch (property) {
    case 'name':
      return resource.name;
    case 'resourceType':
      return resource.type;
    case 'resourceGroup':
      return resource.resourceGroup;
    case 'location':
      return resource.location;
  }
}

/** Does the resource pass the filter? Pure. */
export function matchesResourceFilter(filter: ResourceFilter, resource: FilterableResource): boolean {
  switch (filter.kind) {
    case 'compare': {
      const equal = same(propertyOf(resource, filter.property), filter.value);
      return filter.op === 'eq' ? equal : !equal;
    }
    case 'substringOf':
      return (filter.property === 'name' ? resource.name : resource.resourceGroup)
        .toLowerCase()
        .includes(filter.value.toLowerCase());
    case 'tag':
      return Object.entries(resource.tags ?? {}).some(
        ([name, value]) =>
          same(name, filter.name) && (filter.value === undefined || same(value, filter.value)),
      );
    case 'tagPrefix':
      return Object.keys(resource.tags ?? {}).some((name) =>
        name.toLowerCase().startsWith(filter.prefix.toLowerCase()),
      );
    case 'and':
      return filter.filters.every((inner) => matchesResourceFilter(inner, resource));
    case 'or':
      return filter.filters.some((inner) => matchesResourceFilter(inner, resource));
  }
}

/**
 * Whether the filter names tags: ARM then leaves the resources' own tags out of the results ("when resources
 * are filtered by tag name and value, the original tags for each resource will not be returned"). Pure.
 */
export function filtersOnTags(filter: ResourceFilter): boolean {
  switch (filter.kind) {
    case 'tag':
    case 'tagPrefix':
      return true;
    case 'and':
    case 'or':
      return filter.filters.some(filtersOnTags);
    default:
      return false;
  }
}

/**
 * The `$filter` of `virtualMachines.list` / `listAll` (Microsoft.Compute): only
 * `'virtualMachineScaleSet/id' eq '<scale set id>'`; the scale set ID, or undefined when the text is not
 * that form. Pure.
 */
export function parseScaleSetFilter(text: string): string | undefined {
  return /^\s*'?virtualMachineScaleSet\/id'?\s+eq\s+'([^']*)'\s*$/i.exec(text)?.[1];
}
