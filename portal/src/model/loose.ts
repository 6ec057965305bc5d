/**
 * Reading the service's plain JSON without trusting its shape: the Classic side is whatever the inventory
 * held (parsed from uploaded XML), so every field is checked before use and a missing one shows as nothing
 * rather than breaking the page.
 */
export type Loose = Record<string, unknown>;

export function obj(value: unknown): Loose | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
}

export function arr(value: unknown): Loose[] {
  return Array.isArray(value) ? value.map(obj).filter((item): item is Loose => item !== undefined) : [];
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(str).filter((item): item is string => item !== undefined) : [];
}

export function same(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

export function byName(items: Loose[], name: string | undefined, key = 'name'): Loose | undefined {
  return items.find((item) => same(str(item[key]), name));
}

/** A key property shown beside a resource: `['Address space', '10.1.0.0/16']`. */
export type Prop = [label: string, value: string];

/** Drops properties without a value. */
export function props(...entries: [string, string | number | undefined | null][]): Prop[] {
  return entries
    .filter(
      (entry): entry is [string, string | number] =>
        entry[1] !== undefined && entry[1] !== null && entry[1] !== '',
    )
    .map(([label, value]) => [label, String(value)]);
}

/** The last segment of an ARM id (`…/subnets/web` → `web`). */
export function lastSegment(id: string | undefined): string | undefined {
  return id?.split('/').filter(Boolean).pop();
}

/** A VHD blob URI shortened to `account/container/blob`. */
export function blobPath(uri: string | undefined): string | undefined {
  const match = uri ? /^https?:\/\/([^.]+)\.blob\.[^/]+\/(.+)$/i.exec(uri) : null;
  return match ? `${match[1]}/${match[2]}` : uri;
}
