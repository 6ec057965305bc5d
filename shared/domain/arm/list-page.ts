/**
 * Pages of an ARM list, continued by key rather than by offset: items are ordered by their key (the
 * lower-cased resource ID), and the next page starts after the last key served. A resource added or removed
 * between two pages therefore neither repeats nor hides another one. Pure.
 */

/** The page size when the caller sends no `$top` (our choice: ARM documents none for these lists). */
export const defaultArmListPageSize = 100;
/** The largest page served, whatever `$top` asks (our choice: bounds one response and one page's work). */
export const maxArmListPageSize = 1000;

export interface ListPage<T> {
  items: T[];
  /** The key the next page starts after; undefined on the last page. */
  continueAfter: string | undefined;
}

/** The page of `size` items whose keys come after `after` (all of them from the start when undefined). */
export function pageAfter<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  after: string | undefined,
  size: number,
): ListPage<T> {
  const ordered = items
    .map((item) => ({ item, key: keyOf(item) }))
    .filter(({ key }) => after === undefined || key > after)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const page = ordered.slice(0, size);
  const last = page.at(-1);
  return {
    items: page.map(({ item }) => item),
    continueAfter: ordered.length > size && last ? last.key : undefined,
  };
}

/** The key a resource is ordered and continued by: its ID, which ARM compares case-insensitively. */
export function armListKey(resourceId: string): string {
  return resourceId.toLowerCase();
}
