/**
 * Output bindings the dev host writes after a successful invocation: storage queues (`output.storageQueue`,
 * base64 unless host.json says `messageEncoding: none`) and Service Bus (`output.serviceBusQueue/Topic`,
 * through the local Service Bus). An array value means one message per element, as in Azure.
 */
import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus';
import { StorageClients } from '../../shared/adapters/local-service-bus/storage-clients';
import { CoreInvocationResponse, RpcTypedDataLike } from '../core-shim';
import { Logger } from '../logging/logger';
import { bindingString, HostedFunction } from '../worker/function-catalog';
import { OutputBindingWriter } from '../worker/function-invoker';
import { resolveAppSettingReferences } from './app-settings';
import { fromTypedData } from './typed-data';

const returnBindingName = '$return';

export interface OutputBindingDependencies {
  storage: StorageClients;
  serviceBus: LocalServiceBusClient;
  messageEncoding: 'base64' | 'none';
  logger: Logger;
}

export function createOutputBindingWriter(deps: OutputBindingDependencies): OutputBindingWriter {
  const warned = new Set<string>();
  return async (fn: HostedFunction, response: CoreInvocationResponse) => {
    for (const [name, binding] of Object.entries(fn.registered.metadata.bindings)) {
      if (binding.direction !== 'out') continue;
      const type = binding.type.toLowerCase();
      if (type === 'http') continue;
      const data: RpcTypedDataLike | null | undefined =
        name === returnBindingName
          ? response.returnValue
          : response.outputData?.find((o) => o.name === name)?.data;
      const value = fromTypedData(data);
      if (value === undefined || value === null) continue;
      const values = Array.isArray(value) ? (value as unknown[]) : [value];
      if (type === 'queue') {
        const queueName = resolveAppSettingReferences(bindingString(binding, 'queueName') ?? '');
        const queue = await deps.storage.queue(queueName);
        for (const item of values) await queue.sendMessage(encodeQueueMessage(item, deps.messageEncoding));
      } else if (type === 'servicebus') {
        const entity = resolveAppSettingReferences(
          bindingString(binding, 'queueName') ?? bindingString(binding, 'topicName') ?? '',
        );
        await deps.serviceBus.sendMessages(
          entity,
          values.map((body) => ({ body })),
        );
      } else if (!warned.has(`${fn.name}/${name}`)) {
        warned.add(`${fn.name}/${name}`);
        deps.logger.warn(
          `Output binding '${name}' of type '${binding.type}' is not supported by the dev host; its value is dropped.`,
          {
            functionName: fn.name,
          },
        );
      }
    }
  };
}

/** The text of a storage queue message, encoded as the queues extension encodes it. */
export function encodeQueueMessage(value: unknown, encoding: 'base64' | 'none'): string {
  const bytes = Buffer.isBuffer(value)
    ? value
    : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
  return encoding === 'base64' ? bytes.toString('base64') : bytes.toString('utf8');
}
