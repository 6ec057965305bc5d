/**
 * Region names compare loosely: Classic writes display names (`West US`), ARM writes programmatic names
 * (`westus`). Pure.
 */

export function normalizeLocation(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

export function sameLocation(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && normalizeLocation(a) === normalizeLocation(b);
}
