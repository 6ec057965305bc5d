// Data-plane role assignments for one principal, each scoped to the one resource it is about. The caller
// (main.bicep) names the roles; this module only binds them. Assignment names are
// guid(scope, principal, role), so redeploying is idempotent and two principals never collide.

@description('Object id of the principal that receives the roles.')
param principalId string

@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string

param storageAccountName string
param serviceBusNamespaceName string
param applicationInsightsName string
param keyVaultName string
@description('The Event Grid topic migration requests are published to.')
param eventGridTopicName string

@description('The Event Grid topic outcome events are published to.')
param outcomeEventsTopicName string

@description('Role definition ids (GUIDs) to assign on the storage account.')
param storageRoleIds array = []

@description('Role definition ids to assign on the Service Bus namespace.')
param serviceBusRoleIds array = []

@description('Role definition ids to assign on the Application Insights component.')
param monitoringRoleIds array = []

@description('Role definition ids to assign on the Key Vault.')
param keyVaultRoleIds array = []

@description('Role definition ids to assign on the migration requests Event Grid topic.')
param eventGridRoleIds array = []

@description('Role definition ids to assign on the outcome events Event Grid topic.')
param outcomeEventsRoleIds array = []

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: serviceBusNamespaceName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource eventGridTopic 'Microsoft.EventGrid/topics@2025-02-15' existing = {
  name: eventGridTopicName
}

resource outcomeEventsTopic 'Microsoft.EventGrid/topics@2025-02-15' existing = {
  name: outcomeEventsTopicName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: {
    name: guid(storage.id, principalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: principalType
    }
  }
]

resource serviceBusRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in serviceBusRoleIds: {
    name: guid(serviceBus.id, principalId, roleId)
    scope: serviceBus
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: principalType
    }
  }
]

resource monitoringRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in monitoringRoleIds: {
    name: guid(applicationInsights.id, principalId, roleId)
    scope: applicationInsights
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: principalType
    }
  }
]

resource keyVaultRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in keyVaultRoleIds: {
    name: guid(keyVault.id, principalId, roleId)
    scope: keyVault
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: principalType
    }
  }
]

resource eventGridRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in eventGridRoleIds: {
    name: guid(eventGridTopic.id, principalId, roleId)
    scope: eventGridTopic
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: principalType
    }
  }
]

resource outcomeEventsRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in outcomeEventsRoleIds: {
    name: guid(outcomeEventsTopic.id, principalId, roleId)
    scope: outcomeEventsTopic
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: principalType
    }
  }
]
