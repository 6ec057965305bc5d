/**
 * Reading values out of parsed JSON without trusting its shape. ARM returns a resource's settings under
 * `properties`; the Azure CLI flattens them to the top level for many resource types (`az network vnet
 * list`, `az role assignment list`…), so `setting` looks in both places. Numbers may come as strings
 * (`az vm list-usage` prints `"limit": "100"`).
 */
import { invalidFactDocument } from './fact-document-error';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The items of a list document: a bare array (`az … -o json`) or `{ "value": [...] }` (REST). */
export function listItems(document: unknown): { items: unknown[]; path: string } | undefined {
  if (Array.isArray(document)) return { items: document, path: '$' };
  if (isObject(document) && Array.isArray(document.value)) return { items: document.value, path: '$.value' };
  return undefined;
}

/** `item.properties.<name>` if present, else `item.<name>`. */
export function setting(item: JsonObject, name: string): unknown {
  const properties = item.properties;
  if (isObject(properties) && properties[name] !== undefined) return properties[name];
  return item[name];
}

/** The value at a path of keys; undefined as soon as one is missing. */
export function valueAt(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function requiredString(value: unknown, path: string, what: string): string {
  const text = optionalString(value);
  if (text === undefined) throw invalidFactDocument(`${what} is missing or not a string.`, path);
  return text;
}

/** A whole number given as a number or as a numeric string (`"12"`, `"12.0"`). */
export function requiredInteger(value: unknown, path: string, what: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || !Number.isInteger(number))
    throw invalidFactDocument(`${what} is not a whole number (got ${JSON.stringify(value)}).`, path);
  return number;
}

export function arrayAt(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A fact key: its parts, lower-case, joined by `|`. */
export function factKey(...parts: (string | undefined)[]): string {
  return parts
    .map((part) => part ?? '')
    .join('|')
    .toLowerCase();
}
