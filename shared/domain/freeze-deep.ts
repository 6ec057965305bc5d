/**
 * Freezes `value` and everything it holds; returns an estimate of its size in bytes. Parts that were
 * frozen already (rows the Classic store keeps, shared by several inventories) are walked and counted all
 * the same: a size-bounded cache must count what each entry keeps alive, not only what it froze first.
 */
export function freezeDeep(value: unknown): number {
  if (typeof value === 'string') return 2 * value.length + 16;
  if (value === null || typeof value !== 'object') return 8;
  if (!Object.isFrozen(value)) Object.freeze(value);
  let bytes = 32;
  for (const [name, field] of Object.entries(value)) bytes += name.length + freezeDeep(field);
  return bytes;
}
