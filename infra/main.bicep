// Deploys the Classic → Resource Manager migration service: a Function App on Flex Consumption (Node 22),
// Service Bus phase queues and the events topic, the Durable/host storage account with the service's tables,
// an Event Grid topic delivering migration requests and one carrying outcome events, Key Vault for the chat
// secrets, monitoring, and one user-assigned identity with exactly the data-plane roles it needs. No keys or
// connection strings anywhere. Optional private networking (enablePrivateNetworking): VNet integration of the app
// and private endpoints for every data-plane endpoint it reaches. infra/README.md is the deployment guide.
// Local modules only (no br/public registry modules), so every file is self-contained.

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds the resource names and the resource group.')
param environmentName string

@minLength(1)
@description('Region for every resource; it must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user or CI principal, given data-plane roles to inspect queues and tables, publish migration requests and rotate chat secrets. Empty to skip.')
param principalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@allowed([
  'Standard'
  'Premium'
])
@description('Service Bus tier: Standard has sessions, duplicate detection and topics; Premium adds isolation and private endpoints (enablePrivateNetworking switches to Premium).')
param serviceBusSku string = 'Standard'

@allowed([
  1
  2
  4
  8
  16
])
@description('Premium messaging units (ignored for Standard).')
param serviceBusPremiumCapacity int = 1

@minValue(1)
@description('Deliveries before a phase message is dead-lettered. Must equal the code\'s SERVICE_BUS_MAX_DELIVERY_COUNT default (shared/config.ts), which treats delivery N of N as the last try.')
param serviceBusMaxDeliveryCount int = 10

@minValue(60)
@description('OPERATION_LEASE_SECONDS: how long a migration operation may hold a scope\'s lock (24 h, as Azure\'s own operations time out).')
param operationLeaseSeconds int = 86400

@description('DEFAULT_SUBSCRIPTION_ID for demo data and bare inventory imports.')
param defaultSubscriptionId string = '00000000-0000-0000-0000-000000000000'

@description('CHAT_ROLES: chat user id → viewer | operator | approver. Unmapped users are viewers.')
param chatRoles object = {}

@secure()
@description('Slack signing secret, stored in Key Vault. Empty: no secret is stored and SLACK_SIGNING_SECRET stays unset.')
param slackSigningSecret string = ''

@secure()
@description('Teams outgoing-webhook HMAC secret, stored in Key Vault. Empty: no secret is stored and TEAMS_HMAC_SECRET stays unset.')
param teamsHmacSecret string = ''

@secure()
@description('CHAT_CHANNEL_WEBHOOKS as JSON ({"slack:C123": "https://hooks.slack.com/…"}), stored in Key Vault: webhook URLs are credentials. Empty: none.')
param chatChannelWebhooks string = ''

@minLength(36)
@maxLength(36)
@description('AUTH_CLIENT_ID: the application (client) id of the API\'s Entra ID app registration (scripts/deploy/app-registration.sh). Callers need tokens for it carrying a Migration.* app role.')
param authClientId string

@allowed([
  'CloudEventSchemaV1_0'
  'EventGridSchema'
])
@description('Schema of the request events on the Event Grid topic (and as delivered to migrationRequests).')
param eventGridSchema string = 'CloudEventSchemaV1_0'

@description('Create the Event Grid subscription to the migrationRequests function. Event Grid checks that the function exists, so the first provision (before any code is deployed) leaves it off; azure.yaml\'s postdeploy hook turns it on.')
param eventGridSubscriptionEnabled bool = false

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@minValue(0)
@maxValue(20)
@description('Flex Consumption always-ready instances for the HTTP group (API, chat, Service Management). 0: scale from zero; 1 avoids cold starts on the first request, at a baseline charge.')
param alwaysReadyHttpInstances int = 0

@minValue(0)
@maxValue(20)
@description('Always-ready instances for the Durable group (the migrationScope entity). 0: scale from zero; 1 keeps the entity warm during migration windows.')
param alwaysReadyDurableInstances int = 0

@description('Private networking: a VNet the Function App joins (VNet integration) and private endpoints for Storage (blob, queue, table), Service Bus, Key Vault and both Event Grid topics, with their privatelink DNS zones. Service Bus then runs on Premium (private endpoints need it).')
param enablePrivateNetworking bool = false

@allowed([
  'Enabled'
  'Disabled'
])
@description('Public network access of Storage, Service Bus, Key Vault and the Event Grid topics. Disabled needs enablePrivateNetworking (the app then comes through the private endpoints); without it the value is ignored (Enabled), as the app could reach nothing. The Function App itself stays reachable (its API requires Entra ID tokens; Event Grid delivers to it).')
param publicNetworkAccess string = 'Enabled'

@description('Address space of the VNet (enablePrivateNetworking).')
param vnetAddressPrefix string = '10.60.0.0/16'

@description('The Function App\'s integration subnet, delegated to Microsoft.App/environments (/27 or larger).')
param appSubnetPrefix string = '10.60.0.0/24'

@description('The subnet of the private endpoints.')
param privateEndpointSubnetPrefix string = '10.60.1.0/24'

// Runtime names the code uses (shared/contracts/names.ts and the table adapters). test/infra checks that they
// agree, so a rename on either side fails the offline tests.
var phaseQueueNames = [
  'migration-validate'
  'migration-prepare'
  'migration-commit'
  'migration-abort'
]
var eventsTopicName = 'migration-events'
var eventsNotifierSubscriptionName = 'notifiers'
// The functions Bicep names (names.ts); test/infra checks each is registered in functions/*.ts.
var migrationRequestsFunctionName = 'migrationRequests'
var tableNames = [
  'ClassicInventory'
  'ArmInventory'
  'ArmResourceGroups'
  'ArmManifests'
  'InventoryVersions'
  'Operations'
  'AuditLog'
  'ScopeIndex'
  'ScopeMappings'
  'PlannedFaults'
  'Batches'
  'Grants'
  'MigrationProfiles'
  'ChatConversations'
  'ChatApprovals'
]

// Built-in role definition ids (the same GUID in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0' // Azure Service Bus Data Receiver
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39' // Azure Service Bus Data Sender
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7' // Key Vault Secrets Officer
  eventGridDataSender: 'd5a91429-5739-47e2-a06b-3470a27159e7' // EventGrid Data Sender
}

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
var eventGridDeadLetterContainerName = 'eventgrid-deadletter'

// Public access is only closed when the private endpoints exist to replace it, and private endpoints to Service
// Bus exist only on Premium.
var effectivePublicNetworkAccess = enablePrivateNetworking ? publicNetworkAccess : 'Enabled'
var effectiveServiceBusSku = enablePrivateNetworking ? 'Premium' : serviceBusSku

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    containerNames: [
      deploymentContainerName
      eventGridDeadLetterContainerName
    ]
    tableNames: tableNames
    publicNetworkAccess: effectivePublicNetworkAccess
  }
}

module serviceBus 'app/service-bus.bicep' = {
  name: 'service-bus'
  scope: rg
  params: {
    name: '${abbrs.serviceBusNamespaces}${resourceToken}'
    location: location
    tags: tags
    sku: effectiveServiceBusSku
    premiumCapacity: serviceBusPremiumCapacity
    publicNetworkAccess: effectivePublicNetworkAccess
    queueNames: phaseQueueNames
    maxDeliveryCount: serviceBusMaxDeliveryCount
    topicName: eventsTopicName
    notifierSubscriptionName: eventsNotifierSubscriptionName
  }
}

module keyVault 'app/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    slackSigningSecret: slackSigningSecret
    teamsHmacSecret: teamsHmacSecret
    chatChannelWebhooks: chatChannelWebhooks
    publicNetworkAccess: effectivePublicNetworkAccess
  }
}

module eventGridTopic 'app/event-grid-topic.bicep' = {
  name: 'event-grid-topic'
  scope: rg
  params: {
    name: '${abbrs.eventGridTopics}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    inputSchema: eventGridSchema
    // Dead letters through the storage firewall's trusted-service exception need the system-assigned identity.
    systemAssignedIdentity: enablePrivateNetworking
    publicNetworkAccess: effectivePublicNetworkAccess
  }
}

// Outcome events (the CloudEvents also sent to the Service Bus events topic), for Event Grid subscribers. A
// topic of its own: the requests topic delivers every event to migrationRequests, so outcomes there would loop.
module outcomeEventsTopic 'app/event-grid-topic.bicep' = {
  name: 'outcome-events-topic'
  scope: rg
  params: {
    name: '${abbrs.eventGridTopics}${resourceToken}-out'
    location: location
    tags: tags
    identityId: identity.outputs.id
    inputSchema: 'CloudEventSchemaV1_0'
    publicNetworkAccess: effectivePublicNetworkAccess
  }
}

// The app's identity. Storage: blob + queue + table, because the Durable Functions Azure Storage backend uses
// all three (and blob also holds the Flex deployment package and Event Grid's dead letters, which Event Grid
// writes as this identity). Service Bus: receive (phase triggers) and send (commands, outcome events).
// Monitoring: Entra-authenticated telemetry. Key Vault: resolve the chat secret references. Event Grid: send
// to the outcome events topic only (requests come in through the subscription, never from the app).
module appRoles 'app/rbac.bicep' = {
  name: 'app-roles'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    eventGridTopicName: eventGridTopic.outputs.name
    outcomeEventsTopicName: outcomeEventsTopic.outputs.name
    storageRoleIds: [
      roles.storageBlobDataOwner
      roles.storageQueueDataContributor
      roles.storageTableDataContributor
    ]
    serviceBusRoleIds: [
      roles.serviceBusDataReceiver
      roles.serviceBusDataSender
    ]
    monitoringRoleIds: [
      roles.monitoringMetricsPublisher
    ]
    keyVaultRoleIds: [
      roles.keyVaultSecretsUser
    ]
    outcomeEventsRoleIds: [
      roles.eventGridDataSender
    ]
  }
}

// Private networking: the VNet the app joins, private endpoints for every data-plane endpoint it reaches, and
// their privatelink DNS zones.
module network 'app/network.bicep' = if (enablePrivateNetworking) {
  name: 'network'
  scope: rg
  params: {
    vnetName: '${abbrs.networkVirtualNetworks}${resourceToken}'
    privateEndpointPrefix: '${abbrs.networkPrivateEndpoints}${resourceToken}-'
    location: location
    tags: tags
    addressPrefix: vnetAddressPrefix
    appSubnetPrefix: appSubnetPrefix
    privateEndpointSubnetPrefix: privateEndpointSubnetPrefix
    storageAccountId: storage.outputs.id
    serviceBusNamespaceId: serviceBus.outputs.id
    keyVaultId: keyVault.outputs.id
    eventGridTopicId: eventGridTopic.outputs.id
    outcomeEventsTopicId: outcomeEventsTopic.outputs.id
  }
}

// Private networking only: Event Grid passes the storage firewall as a trusted service, which accepts only the
// topic's system-assigned identity; that identity writes the dead letters.
module deadLetterRoles 'app/rbac.bicep' = if (enablePrivateNetworking) {
  name: 'dead-letter-roles'
  scope: rg
  params: {
    principalId: eventGridTopic.outputs.principalId
    principalType: 'ServicePrincipal'
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    eventGridTopicName: eventGridTopic.outputs.name
    outcomeEventsTopicName: outcomeEventsTopic.outputs.name
    storageRoleIds: [
      roles.storageBlobDataContributor
    ]
  }
}

// The deploying user: look into tables, queues and dead letters, publish migration requests, rotate secrets.
module userRoles 'app/rbac.bicep' = if (!empty(principalId)) {
  name: 'user-roles'
  scope: rg
  params: {
    principalId: principalId
    principalType: principalType
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    eventGridTopicName: eventGridTopic.outputs.name
    outcomeEventsTopicName: outcomeEventsTopic.outputs.name
    storageRoleIds: [
      roles.storageBlobDataContributor
      roles.storageQueueDataContributor
      roles.storageTableDataContributor
    ]
    serviceBusRoleIds: [
      roles.serviceBusDataReceiver
      roles.serviceBusDataSender
    ]
    keyVaultRoleIds: [
      roles.keyVaultSecretsOfficer
    ]
    eventGridRoleIds: [
      roles.eventGridDataSender
    ]
  }
}

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    planName: '${abbrs.webServerFarms}${resourceToken}'
    name: functionAppName
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    serviceBusNamespaceName: serviceBus.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    serviceBusMaxDeliveryCount: serviceBusMaxDeliveryCount
    operationLeaseSeconds: operationLeaseSeconds
    defaultSubscriptionId: defaultSubscriptionId
    chatRoles: chatRoles
    outcomeEventsTopicEndpoint: outcomeEventsTopic.outputs.endpoint
    slackSigningSecretUri: keyVault.outputs.slackSigningSecretUri
    teamsHmacSecretUri: keyVault.outputs.teamsHmacSecretUri
    chatChannelWebhooksUri: keyVault.outputs.chatChannelWebhooksUri
    authClientId: authClientId
    virtualNetworkSubnetId: enablePrivateNetworking ? network!.outputs.appSubnetId : ''
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    alwaysReadyDurableInstances: alwaysReadyDurableInstances
  }
  // The host starts as soon as the app exists. Its role assignments are created first (they still take up to 10
  // minutes to take effect: azure.yaml's predeploy hook waits for that before the code is deployed, see
  // infra/README.md), and with private networking the private endpoints and DNS zones it resolves through.
  dependsOn: [
    appRoles
    network
  ]
}

module eventGridSubscription 'app/event-grid-subscription.bicep' = if (eventGridSubscriptionEnabled) {
  name: 'event-grid-subscription'
  scope: rg
  params: {
    topicName: eventGridTopic.outputs.name
    functionAppName: functionApp.outputs.name
    functionName: migrationRequestsFunctionName
    deliverySchema: eventGridSchema
    identityId: identity.outputs.id
    storageAccountName: storage.outputs.name
    deadLetterContainerName: eventGridDeadLetterContainerName
    deadLetterIdentityType: enablePrivateNetworking ? 'SystemAssigned' : 'UserAssigned'
  }
  // Dead letters are written as the identity, which needs its storage role first.
  dependsOn: [
    appRoles
    deadLetterRoles
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.uri
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
// For azure.yaml's hooks: whose role assignments to wait for, and which function the Event Grid subscription needs.
output AZURE_MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output MIGRATION_REQUESTS_FUNCTION_NAME string = migrationRequestsFunctionName
output AUTH_CLIENT_ID string = authClientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output SERVICE_BUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output EVENT_GRID_TOPIC_ENDPOINT string = eventGridTopic.outputs.endpoint
output OUTCOME_EVENTS_TOPIC_ENDPOINT string = outcomeEventsTopic.outputs.endpoint
output OUTCOME_EVENTS_TOPIC_NAME string = outcomeEventsTopic.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
