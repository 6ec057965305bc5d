/**
 * Readable differences between two JSON values, one line per difference with its path
 * (`resources[id=…/loadBalancers/LB-x].properties.probes[0].port: expected 4444, got 4445`).
 *
 * Arrays whose items all carry an identity (`id`, or `classicType` + `classicId` for accounting entries)
 * are compared by identity, so one added resource reads as one line instead of a shifted list; their
 * order is compared separately.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: Json): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function identityOf(item: Json): string | undefined {
  if (!isObject(item)) return undefined;
  if (typeof item.classicType === 'string' && typeof item.classicId === 'string')
    return `${item.classicType} ${item.classicId}`;
  return typeof item.id === 'string' ? item.id : undefined;
}

function identities(items: Json[]): string[] | undefined {
  const ids = items.map(identityOf);
  if (ids.some((id) => id === undefined)) return undefined;
  return new Set(ids).size === ids.length ? (ids as string[]) : undefined;
}

const show = (value: Json | undefined) => (value === undefined ? '(absent)' : JSON.stringify(value));

export function jsonDifferences(expected: Json | undefined, actual: Json | undefined, path = '$'): string[] {
  if (Array.isArray(expected) && Array.isArray(actual)) return arrayDifferences(expected, actual, path);
  if (expected !== undefined && actual !== undefined && isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((key) => jsonDifferences(expected[key], actual[key], `${path}.${key}`));
  }
  return JSON.stringify(expected) === JSON.stringify(actual)
    ? []
    : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
}

function arrayDifferences(expected: Json[], actual: Json[], path: string): string[] {
  const expectedIds = identities(expected);
  const actualIds = identities(actual);
  if (!expectedIds || !actualIds) {
    const length = Math.max(expected.length, actual.length);
    return Array.from({ length }, (_, i) => jsonDifferences(expected[i], actual[i], `${path}[${i}]`)).flat();
  }
  const label = shortLabels([...new Set([...expectedIds, ...actualIds])]);
  const lines: string[] = [];
  for (const [i, id] of expectedIds.entries()) {
    const at = actualIds.indexOf(id);
    if (at < 0) lines.push(`${path}: missing item ${id}`);
    else lines.push(...jsonDifferences(expected[i], actual[at], `${path}[${label(id)}]`));
  }
  for (const id of actualIds) if (!expectedIds.includes(id)) lines.push(`${path}: unexpected item ${id}`);
  const common = (ids: string[], other: string[]) => ids.filter((id) => other.includes(id));
  if (common(expectedIds, actualIds).join('\n') !== common(actualIds, expectedIds).join('\n'))
    lines.push(`${path}: the same items in another order`);
  return lines;
}

/** ARM IDs are long: inside a path, an item is named by its last `type/name` when that is unambiguous. */
function shortLabels(ids: string[]): (id: string) => string {
  const short = (id: string) => id.split('/').slice(-2).join('/');
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(short(id), (counts.get(short(id)) ?? 0) + 1);
  return (id) => (counts.get(short(id)) === 1 ? short(id) : id);
}
