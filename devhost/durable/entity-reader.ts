/**
 * What `readEntityState` answers. Locally: the stored state. In the Azure-like mode: the state readers may
 * see now, which lags behind the stored one until its `visibleAt` (see entity-versions.ts); reads never go
 * backwards, because each write becomes visible no earlier than the one before it.
 */
import { EntityRef } from './entity-id';
import { EntityStore } from './entity-store';
import { EntityVersion, EntityVersions } from './entity-versions';

export interface EntityReader {
  read(entity: EntityRef): Promise<EntityVersion>;
}

export class CurrentEntityReader implements EntityReader {
  readonly #store: EntityStore;

  constructor(store: EntityStore) {
    this.#store = store;
  }

  async read(entity: EntityRef): Promise<EntityVersion> {
    const record = await this.#store.read(entity);
    return { exists: record.exists, state: record.state };
  }
}

export class LaggingEntityReader implements EntityReader {
  readonly #store: EntityStore;
  readonly #versions: EntityVersions;

  constructor(store: EntityStore, versions: EntityVersions) {
    this.#store = store;
    this.#versions = versions;
  }

  async read(entity: EntityRef): Promise<EntityVersion> {
    const now = Date.now();
    const record = await this.#store.read(entity);
    if ((record.visibleAt ?? 0) <= now) return { exists: record.exists, state: record.state };
    // Not readable yet: the version it replaced (kept before the write, see entity-batch-processor.ts).
    // None kept can only mean a row written outside this mode: then the current one.
    return (await this.#versions.asOf(entity, now)) ?? { exists: record.exists, state: record.state };
  }
}
