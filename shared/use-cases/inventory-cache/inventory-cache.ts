/**
 * What is computed from a subscription's inventories alone, kept per inventory version: the loaded Classic
 * inventory (admission and the Service Management Validate read it on every request) and values derived
 * from it (a scope's analysis and plan, its Validate findings). Every key holds the subscription's version
 * (inventory-version.port.ts), read from Tables on each call, so a write by any worker (an import, a
 * Service Management write, a phase's Classic or ARM step) makes the next call of every worker compute
 * afresh; versions never written again age out of the size-bounded LRU.
 *
 * The version is read before the inventories, so a value is never older than the version it is kept
 * under; a write in between moves the version on, and the value kept under the old one is not asked for
 * again.
 *
 * Kept values are shared between callers: they are read-only. The Classic inventory is frozen to make a
 * change fail loudly instead of corrupting what other requests read.
 */
import type { ClassicInventory } from '../../domain/classic/inventory.schema';
import { freezeDeep } from '../../domain/freeze-deep';
import type { ClassicInventoryStore } from '../../ports/inventory.port';
import { classicPart, type InventoryVersions } from '../../ports/inventory-version.port';
import { SizeBoundedCache, type Sized } from './size-bounded-cache';

/** One kind of kept value: its name keeps its keys apart from every other kind's. */
export interface CacheKind<T> {
  readonly name: string;
  /** Carries `T` (never set): a kind is declared once, with the type of what it keeps. */
  readonly _value?: T;
}

const kindNames = new Set<string>();

/** Declares a kind of kept value (once per module, as a constant). */
export function cacheKind<T>(name: string): CacheKind<T> {
  if (kindNames.has(name)) throw new Error(`Cache kind '${name}' is declared twice.`);
  kindNames.add(name);
  return { name };
}

const classicKind = cacheKind<ClassicInventory>('classic');

/**
 * Where the version is read. The stores are the caller's too (plain parameters, not held by the cache), so
 * the ones a caller was given (a test's failing one) are the ones read.
 */
export interface VersionDeps {
  inventoryVersions: InventoryVersions;
}

/** A subscription's inventories at one version: what the cache keeps for it, with no further version read. */
export interface InventorySnapshot {
  readonly version: string;
  /** The Classic inventory: loaded once per version, frozen, shared. */
  classic(): Promise<ClassicInventory>;
  /**
   * `compute`'s value for `key`: computed once per version (callers asking meanwhile share the computation)
   * and kept while the cache has room. `compute` must read the inventories itself (the snapshot's
   * `classic()` does), and depend on nothing else but `key`.
   */
  derived<T>(kind: CacheKind<T>, key: string, compute: () => Promise<Sized<T>>): Promise<T>;
}

export class InventoryCache {
  readonly #cache: SizeBoundedCache<unknown>;

  constructor(maxBytes: number) {
    this.#cache = new SizeBoundedCache<unknown>(maxBytes);
  }

  /**
   * The subscription's inventories as of now (one version read). Everything read through the snapshot is
   * at least as new as its version: the version is read first.
   */
  async snapshot(
    deps: VersionDeps & { classicInventory: Pick<ClassicInventoryStore, 'load'> },
    subscriptionId: string,
  ): Promise<InventorySnapshot> {
    const version = await deps.inventoryVersions.current(subscriptionId);
    const subscription = subscriptionId.toLowerCase();
    const keep = async <T>(
      kind: CacheKind<T>,
      versionKey: string,
      key: string,
      compute: () => Promise<Sized<T>>,
    ) => {
      const value = await this.#cache.getOrCompute(
        `${kind.name}|${subscription}|${versionKey}|${key}`,
        compute,
      );
      // The key names the kind, and only `compute`s of that kind (typed `T`) store under it.
      return value as T;
    };
    return {
      version,
      derived: (kind, key, compute) => keep(kind, version, key, compute),
      // The Classic inventory depends on Classic writes only: kept under the Classic part of the version, it
      // outlives the ARM writes of every Prepare and Commit in the subscription.
      classic: () =>
        keep(classicKind, classicPart(version), '', async () => {
          const inventory = await deps.classicInventory.load(subscriptionId);
          return { value: inventory, bytes: freezeDeep(inventory) };
        }),
    };
  }

  /** The subscription's Classic inventory as of now (see `snapshot`). */
  async classic(
    deps: VersionDeps & { classicInventory: Pick<ClassicInventoryStore, 'load'> },
    subscriptionId: string,
  ): Promise<ClassicInventory> {
    return (await this.snapshot(deps, subscriptionId)).classic();
  }

  /** Bytes kept now (diagnostics). */
  get bytes(): number {
    return this.#cache.bytes;
  }
}

/** A key part for options and other small JSON values: the same text whatever the order of their fields. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );
}
