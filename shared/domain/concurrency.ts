/**
 * Runs `action` on every item with at most `limit` running at once, in the items' order of starting; the
 * first rejection rejects the whole (items not yet started are not started by that lane).
 */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  action: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await action(items[next++] as T);
  });
  await Promise.all(lanes);
}
