// The Function App on Flex Consumption (FC1), Node 22. Every connection is identity-based: the app settings
// name endpoints and the user-assigned identity's client id, never a key or a connection string. Flex
// Consumption rejects the classic runtime settings (FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION,
// WEBSITE_RUN_FROM_PACKAGE, …): the runtime lives in functionAppConfig instead.

param planName string
param name string
param location string
param tags object

@description('azd service name (azure.yaml); azd deploy finds the app by this tag.')
param serviceName string

param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param serviceBusNamespaceName string
param applicationInsightsName string

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('SERVICE_BUS_MAX_DELIVERY_COUNT: must equal the queues\' maxDeliveryCount.')
param serviceBusMaxDeliveryCount int

@description('OPERATION_LEASE_SECONDS: how long a migration operation may hold a scope\'s lock.')
param operationLeaseSeconds int

@description('DEFAULT_SUBSCRIPTION_ID: the subscription a bare inventory import lands in.')
param defaultSubscriptionId string

@description('CHAT_ROLES: chat user id → viewer | operator | approver.')
param chatRoles object

@description('OUTCOME_EVENTS_TOPIC_ENDPOINT: the Event Grid topic (CloudEvents schema) outcome events are also published to.')
param outcomeEventsTopicEndpoint string

@description('Versionless Key Vault URI of the Slack signing secret; empty when none is stored.')
param slackSigningSecretUri string

@description('Versionless Key Vault URI of the Teams HMAC secret; empty when none is stored.')
param teamsHmacSecretUri string

@description('Versionless Key Vault URI of the chat channel webhooks (JSON); empty when none is stored.')
param chatChannelWebhooksUri string

@description('AUTH_CLIENT_ID: the API\'s app registration (client id). With AUTH_TENANT_ID the code derives the token issuer, keys and audiences (shared/config.ts).')
param authClientId string

@description('The subnet (delegated to Microsoft.App/environments) the app joins for VNet integration; empty: none.')
param virtualNetworkSubnetId string = ''

@minValue(0)
@description('Always-ready instances of the HTTP group (every HTTP-triggered function: the API, chat, Service Management).')
param alwaysReadyHttpInstances int

@minValue(0)
@description('Always-ready instances of the Durable group (the migrationScope entity).')
param alwaysReadyDurableInstances int

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: serviceBusNamespaceName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// 'https://<name>.servicebus.windows.net:443/' → '<name>.servicebus.windows.net'
var serviceBusFullyQualifiedNamespace = split(split(serviceBus.properties.serviceBusEndpoint, '/')[2], ':')[0]

// What the Functions host and its extensions read. AzureWebJobsStorage needs blob (host locks, timers), queue
// and table as well, because the Durable Functions Azure Storage backend keeps the migrationScope entity's
// control queues, history and instances there. ServiceBusConnection is the `connection` the phase triggers
// name (names.ts connectionSettings).
var hostSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  ServiceBusConnection__fullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
  ServiceBusConnection__credential: 'managedidentity'
  ServiceBusConnection__clientId: identityClientId
  // Application Insights has local auth disabled; telemetry is sent with the identity's Entra token.
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // Makes DefaultAzureCredential pick the user-assigned identity.
  AZURE_CLIENT_ID: identityClientId
}

// What shared/config.ts reads (besides the connection prefixes above). Nothing here is a secret: the secrets
// are the Key Vault references below.
var serviceSettings = {
  DEFAULT_SUBSCRIPTION_ID: defaultSubscriptionId
  SERVICE_BUS_MAX_DELIVERY_COUNT: string(serviceBusMaxDeliveryCount)
  OPERATION_LEASE_SECONDS: string(operationLeaseSeconds)
  // Entra ID bearer tokens on every API call: v2.0 tokens of this tenant for the app registration.
  AUTH_REQUIRED: 'true'
  AUTH_TENANT_ID: subscription().tenantId
  AUTH_CLIENT_ID: authClientId
  // Fault injection is for rehearsals only: off here. A rehearsal environment turns it on by hand
  // (infra/README.md), and the next provision turns it off again.
  FAULTS_ENABLED: 'false'
  CHAT_ROLES: string(chatRoles)
  // Reached with the same identity as Service Bus (ServiceBusConnection__clientId).
  OUTCOME_EVENTS_TOPIC_ENDPOINT: outcomeEventsTopicEndpoint
}

// Chat signing secrets as Key Vault references, resolved by the platform with keyVaultReferenceIdentity.
var slackSettings = empty(slackSigningSecretUri) ? {} : {
  SLACK_SIGNING_SECRET: '@Microsoft.KeyVault(SecretUri=${slackSigningSecretUri})'
}

var teamsSettings = empty(teamsHmacSecretUri) ? {} : {
  TEAMS_HMAC_SECRET: '@Microsoft.KeyVault(SecretUri=${teamsHmacSecretUri})'
}

// The channel webhook URLs are credentials too (a Slack hook's path, a Teams or Logic Apps signature parameter).
var webhookSettings = empty(chatChannelWebhooksUri) ? {} : {
  CHAT_CHANNEL_WEBHOOKS: '@Microsoft.KeyVault(SecretUri=${chatChannelWebhooksUri})'
}

var appSettings = union(hostSettings, serviceSettings, slackSettings, teamsSettings, webhookSettings)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    // VNet integration (private networking): outbound traffic to Storage, Service Bus, Key Vault and Event Grid
    // goes through the VNet and their private endpoints.
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        // Per-function scaling groups: all HTTP triggers scale together as 'http', all Durable triggers (the
        // entity) as 'durable'; every other trigger scales on its own. 0 = scale from zero (cold starts, no
        // baseline cost). https://learn.microsoft.com/azure/azure-functions/flex-consumption-plan#always-ready-instances
        alwaysReady: [
          {
            name: 'http'
            instanceCount: alwaysReadyHttpInstances
          }
          {
            name: 'durable'
            instanceCount: alwaysReadyDurableInstances
          }
        ]
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }
}

resource appSettingsConfig 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: appSettings
}

output id string = functionApp.id
output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'
