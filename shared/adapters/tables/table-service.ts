/**
 * Table clients for the service's tables, built once per process from either a connection string
 * (Azurite, local development) or an endpoint plus a TokenCredential (managed identity in Azure). Each
 * table is created on first use.
 */
import type { TokenCredential } from '@azure/core-auth';
import { TableClient } from '@azure/data-tables';

export type TableConnection =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'identity'; endpoint: string; credential: TokenCredential };

export class TableService {
  readonly #connection: TableConnection;
  readonly #tables = new Map<string, Promise<TableClient>>();

  constructor(connection: TableConnection) {
    this.#connection = connection;
  }

  /** A client for `name`, whose table exists. */
  table(name: string): Promise<TableClient> {
    let client = this.#tables.get(name);
    if (!client) {
      const created = this.#create(name);
      client = created.createTable().then(() => created);
      // A failed creation is retried on the next call rather than cached forever.
      client.catch(() => this.#tables.delete(name));
      this.#tables.set(name, client);
    }
    return client;
  }

  #create(name: string): TableClient {
    if (this.#connection.kind === 'identity') {
      return new TableClient(this.#connection.endpoint, name, this.#connection.credential);
    }
    const connectionString = this.#connection.connectionString;
    // Azurite speaks plain http, which @azure/data-tables refuses unless told explicitly.
    const insecure = /(TableEndpoint|DefaultEndpointsProtocol)=http[:;]/i.test(connectionString);
    return TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: insecure });
  }
}

/** The HTTP status of a storage error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const status = error.statusCode;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

/** Runs `action`; a 404 becomes `undefined`. */
export async function orUndefinedOn404<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}
