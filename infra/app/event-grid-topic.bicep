// An Event Grid custom topic. main.bicep deploys two: the one migration requests are published to (event
// type Classic.Migration.Requested; README.md, Event subscriptions and batch runs) and the one the app
// publishes outcome events to.
// Access keys are disabled: publishers authenticate with Entra ID and need the EventGrid Data Sender role on
// the topic. The user-assigned identity is what Event Grid uses to write dead letters
// (event-grid-subscription.bicep), so storage keeps shared keys off.

param name string
param location string
param tags object

@description('Resource id of the user-assigned identity Event Grid acts as when dead-lettering.')
param identityId string

@allowed([
  'CloudEventSchemaV1_0'
  'EventGridSchema'
])
param inputSchema string

@description('Also give the topic a system-assigned identity. With private networking the storage firewall lets Event Grid write dead letters only as a trusted service, which accepts the system-assigned identity alone (https://learn.microsoft.com/azure/event-grid/handler-storage-queues).')
param systemAssignedIdentity bool = false

@allowed([
  'Enabled'
  'Disabled'
])
@description('Disabled: publishers reach the topic only through its private endpoint.')
param publicNetworkAccess string

resource topic 'Microsoft.EventGrid/topics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: systemAssignedIdentity ? 'SystemAssigned, UserAssigned' : 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    inputSchema: inputSchema
    disableLocalAuth: true
    minimumTlsVersionAllowed: '1.2'
    publicNetworkAccess: publicNetworkAccess
  }
}

output id string = topic.id
output name string = topic.name
output endpoint string = topic.properties.endpoint
@description('The system-assigned identity\'s principal id; empty without one.')
output principalId string = systemAssignedIdentity ? topic.identity.principalId : ''
