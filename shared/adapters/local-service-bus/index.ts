export { maxDeliveryCountExceeded } from './dead-letter-queue';
export type { DeliveryTarget, EntityKind, TopologyEntry } from './entity-topology';
export { EntityTopology } from './entity-topology';
export type { LocalServiceBusReceivedMessage } from './local-service-bus-client';
export {
  LocalServiceBusClient,
  localServiceBusConnectionVariable,
  localServiceBusSelector,
} from './local-service-bus-client';
export type {
  ApplicationPropertyValue,
  MessageEnvelope,
  OutgoingServiceBusMessage,
} from './message-envelope';
export { deadLetterParent, deadLetterPath, subscriptionPath } from './storage-names';
