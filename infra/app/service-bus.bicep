// Service Bus: one session-enabled queue per migration phase, and the events topic with the notifiers'
// subscription. Standard already offers sessions, duplicate detection and topics; Premium adds isolation,
// predictable latency and private endpoints. SAS (local) authentication is disabled: senders and receivers
// use Entra ID (Azure Service Bus Data Sender / Receiver, assigned in rbac.bicep).

param name string
param location string
param tags object

@allowed([
  'Standard'
  'Premium'
])
param sku string

@description('Messaging units; used only with Premium.')
param premiumCapacity int

@description('The phase queues (shared/contracts/names.ts phaseQueues).')
param queueNames array

@description('Deliveries before the broker dead-letters a message. The code (SERVICE_BUS_MAX_DELIVERY_COUNT) must use the same number to know a delivery is the last one.')
param maxDeliveryCount int

@allowed([
  'Enabled'
  'Disabled'
])
@description('Disabled: reachable only through the private endpoint (Premium only).')
param publicNetworkAccess string

@description('The events topic (names.ts eventsTopic).')
param topicName string

@description('The topic subscription the chat notifiers read (names.ts eventsNotifierSubscription).')
param notifierSubscriptionName string

var standardSku = {
  name: 'Standard'
  tier: 'Standard'
}

var premiumSku = {
  name: 'Premium'
  tier: 'Premium'
  capacity: premiumCapacity
}

resource serviceBusNamespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: name
  location: location
  tags: tags
  sku: sku == 'Premium' ? premiumSku : standardSku
  properties: {
    disableLocalAuth: true // Entra ID only: no SAS keys, hence no connection strings to leak
    minimumTlsVersion: '1.2'
    publicNetworkAccess: publicNetworkAccess
  }
}

// requiresSession: the session id is the scope key, so one scope's phase messages are handled one at a time,
//   in order, while different scopes run in parallel.
// requiresDuplicateDetection: the message id is the operation id, so a retried send within the window is
//   dropped by the broker; older duplicates are caught by the entity's seen-operation ids.
// lockDuration PT5M: the Service Bus maximum, so a phase step has five minutes before the lock even needs
//   renewing; the host renews it for up to maxAutoLockRenewalDuration (host.json, 30 minutes: as long as
//   functionTimeout, so a phase message keeps its session lock for as long as its function may run).
// defaultMessageTimeToLive P7D + deadLetteringOnMessageExpiration: a command nobody processed within a week
//   (the app was down, or stopped) lands in the dead-letter queue where it can be inspected, instead of
//   lingering or vanishing.
resource phaseQueues 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = [
  for queueName in queueNames: {
    parent: serviceBusNamespace
    name: queueName
    properties: {
      requiresSession: true
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'PT10M'
      maxDeliveryCount: maxDeliveryCount
      lockDuration: 'PT5M'
      defaultMessageTimeToLive: 'P7D'
      deadLetteringOnMessageExpiration: true
    }
  }
]

// Phase outcomes as CloudEvents; the event id is the message id, so duplicate detection drops re-published
// outcomes after a redelivered phase message.
resource eventsTopic 'Microsoft.ServiceBus/namespaces/topics@2022-10-01-preview' = {
  parent: serviceBusNamespace
  name: topicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT10M'
    defaultMessageTimeToLive: 'P7D'
    supportOrdering: true
  }
}

resource notifierSubscription 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2022-10-01-preview' = {
  parent: eventsTopic
  name: notifierSubscriptionName
  properties: {
    maxDeliveryCount: maxDeliveryCount
    lockDuration: 'PT1M'
    deadLetteringOnMessageExpiration: true
    deadLetteringOnFilterEvaluationExceptions: true
  }
}

output id string = serviceBusNamespace.id
output name string = serviceBusNamespace.name
// serviceBusEndpoint is 'https://<name>.servicebus.windows.net:443/'; the SDKs and the Functions extension
// want the bare host name, in whatever cloud the namespace lives.
output fullyQualifiedNamespace string = split(split(serviceBusNamespace.properties.serviceBusEndpoint, '/')[2], ':')[0]
