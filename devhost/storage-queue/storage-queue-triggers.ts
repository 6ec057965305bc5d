/** Starts a listener for every `app.storageQueue` function. */
import { StorageClients } from '../../shared/adapters/local-service-bus/storage-clients';
import { resolveAppSettingReferences } from '../bindings/app-settings';
import { HostSettings } from '../config/host-json';
import { Logger } from '../logging/logger';
import { bindingString, HostedFunction } from '../worker/function-catalog';
import { FunctionInvoker } from '../worker/function-invoker';
import { StorageQueueListener } from './storage-queue-listener';

export class StorageQueueTriggers {
  readonly #functions: HostedFunction[];
  readonly #storage: StorageClients;
  readonly #settings: HostSettings['queues'];
  readonly #invoker: FunctionInvoker;
  readonly #logger: Logger;
  readonly #listeners: StorageQueueListener[] = [];

  constructor(
    functions: HostedFunction[],
    storage: StorageClients,
    settings: HostSettings['queues'],
    invoker: FunctionInvoker,
    logger: Logger,
  ) {
    this.#functions = functions;
    this.#storage = storage;
    this.#settings = settings;
    this.#invoker = invoker;
    this.#logger = logger;
  }

  async start(): Promise<void> {
    for (const fn of this.#functions) {
      const queueName = resolveAppSettingReferences(bindingString(fn.trigger, 'queueName') ?? '');
      const queue = await this.#storage.queue(queueName);
      const listener = new StorageQueueListener(
        fn,
        queue,
        () => this.#storage.queue(`${queueName}-poison`),
        this.#settings,
        this.#invoker,
        this.#logger.child({ functionName: fn.name }),
      );
      listener.start();
      this.#listeners.push(listener);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.#listeners.map((listener) => listener.stop()));
  }
}
