/**
 * Storage clients built once from one connection string, with the queues and tables they need created on
 * first use. Shared by the local Service Bus library and the dev host.
 */
import { TableClient } from '@azure/data-tables';
import { QueueClient, QueueServiceClient } from '@azure/storage-queue';

export class StorageClients {
  readonly queueService: QueueServiceClient;
  readonly #connectionString: string;
  readonly #insecure: boolean;
  readonly #tables = new Map<string, Promise<TableClient>>();
  readonly #queues = new Map<string, Promise<QueueClient>>();

  constructor(connectionString: string) {
    this.#connectionString = connectionString;
    // Azurite speaks plain http; @azure/data-tables refuses that unless told explicitly.
    this.#insecure = /(TableEndpoint|DefaultEndpointsProtocol)=http[:;]/i.test(connectionString);
    this.queueService = QueueServiceClient.fromConnectionString(connectionString);
  }

  /** A table client whose table exists. */
  table(name: string): Promise<TableClient> {
    let client = this.#tables.get(name);
    if (!client) {
      const created = TableClient.fromConnectionString(this.#connectionString, name, {
        allowInsecureConnection: this.#insecure,
      });
      client = created.createTable().then(() => created);
      client.catch(() => this.#tables.delete(name));
      this.#tables.set(name, client);
    }
    return client;
  }

  /** A queue client whose queue exists. */
  queue(name: string): Promise<QueueClient> {
    let client = this.#queues.get(name);
    if (!client) {
      const created = this.queueService.getQueueClient(name);
      client = created.createIfNotExists().then(() => created);
      client.catch(() => this.#queues.delete(name));
      this.#queues.set(name, client);
    }
    return client;
  }
}

/** The HTTP status of a storage error, if it is one. */
export function storageStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const status = error.statusCode;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

/** True for the errors an ETag/If-Match or create-if-absent race produces (409 exists, 412 stale, 404 gone). */
export function isConcurrencyConflict(error: unknown): boolean {
  const status = storageStatus(error);
  return status === 409 || status === 412 || status === 404;
}
