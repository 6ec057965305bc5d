/**
 * A small client of the JSON API for end-to-end tests against a running dev host: start operations, wait
 * for them, read scope status, seed a Classic inventory straight into the dev host's Azurite.
 */
import { TableClassicInventoryStore } from '../../shared/adapters/tables/table-classic-inventory.store';
import { TableService } from '../../shared/adapters/tables/table-service';
import type { OperationRecord } from '../../shared/contracts/operation-record';
import type { ClassicInventory } from '../../shared/domain/classic/inventory.schema';
import { type ScopeKind, scopeKindPaths } from '../../shared/domain/scope/scope';
import type { ScopeStatus } from '../../shared/use-cases/scope-status';
import { waitFor } from './wait-for';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class MigrationApi {
  readonly baseUrl: string;
  readonly subscriptionId: string;

  constructor(baseUrl: string, subscriptionId: string) {
    this.baseUrl = baseUrl;
    this.subscriptionId = subscriptionId;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const separator = path.includes('?') ? '&' : '?';
    const response = await fetch(`${this.baseUrl}${path}${separator}subscriptionId=${this.subscriptionId}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON (an XML export): keep the text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  start(
    kind: ScopeKind,
    name: string,
    action: string,
    options: unknown = {},
    headers: Record<string, string> = {},
  ) {
    return this.request<{
      operationId: string;
      existing: boolean;
      error?: { code: string; message: string };
    }>(
      'POST',
      `/api/migrations/${scopeKindPaths[kind]}/${encodeURIComponent(name)}/${action}`,
      options,
      headers,
    );
  }

  async operation(operationId: string): Promise<OperationRecord> {
    const response = await this.request<OperationRecord>('GET', `/api/operations/${operationId}`);
    if (response.status !== 200)
      throw new Error(`GET operation ${operationId}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** Waits until the operation is Succeeded or Failed. */
  finished(operationId: string, timeoutMs = 60_000): Promise<OperationRecord> {
    return waitFor(
      async () => {
        const record = await this.operation(operationId);
        return record.status === 'Succeeded' || record.status === 'Failed' ? record : undefined;
      },
      { timeoutMs, intervalMs: 100, what: `operation ${operationId} to finish` },
    );
  }

  /** Starts an operation that must be accepted, and waits for its end. */
  async run(
    kind: ScopeKind,
    name: string,
    action: string,
    options: unknown = {},
    timeoutMs?: number,
  ): Promise<OperationRecord> {
    const started = await this.start(kind, name, action, options);
    if (started.status !== 202)
      throw new Error(`${action} ${name}: ${started.status} ${JSON.stringify(started.body)}`);
    return this.finished(started.body.operationId, timeoutMs);
  }

  async status(kind: ScopeKind, name: string): Promise<ScopeStatus> {
    const response = await this.request<ScopeStatus>(
      'GET',
      `/api/migrations/${scopeKindPaths[kind]}/${encodeURIComponent(name)}`,
    );
    if (response.status !== 200)
      throw new Error(`status ${name}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  arm<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return fetch(
      `${this.baseUrl}/subscriptions/${this.subscriptionId}${path}${path.includes('?') ? '&' : '?'}api-version=2016-09-01`,
    ).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as T,
      headers: response.headers,
    }));
  }
}

/** Writes an inventory straight into the dev host's Azurite, as an import would. */
export async function seedInventory(
  storageConnectionString: string,
  inventory: ClassicInventory,
): Promise<void> {
  const store = new TableClassicInventoryStore(
    new TableService({ kind: 'connectionString', connectionString: storageConnectionString }),
  );
  await store.save(inventory);
}
