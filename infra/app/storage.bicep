// The one storage account behind the Functions host (AzureWebJobsStorage), the Durable Functions Azure
// Storage backend (task hub queues, tables and blob leases), the service's own tables, the Flex Consumption
// deployment package and Event Grid's dead letters. Shared keys are disabled, so every client, the host
// included, authenticates with Entra ID.

param name string
param location string
param tags object

@description('Blob containers to create (the Flex deployment package, Event Grid dead letters).')
param containerNames array

@description('Tables the service opens at run time. Pre-created so that the first requests do not race each other to create them; the code still creates any that are missing.')
param tableNames array

@allowed([
  'Enabled'
  'Disabled'
])
@description('Disabled: the public endpoint denies every network (the app comes through its private endpoints), except trusted Azure services, so that Event Grid can still write dead letters (with the topic\'s system-assigned identity).')
param publicNetworkAccess string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false // no account keys, no SAS: identity-based access only
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Disabled is expressed with the firewall (default action Deny) rather than publicNetworkAccess 'Disabled',
    // which would also shut out trusted services: Event Grid writes dead letters through the trusted-service
    // exception (https://learn.microsoft.com/azure/storage/common/storage-network-security#grant-access-to-trusted-azure-services).
    publicNetworkAccess: 'Enabled'
    dnsEndpointType: 'Standard'
    networkAcls: {
      defaultAction: publicNetworkAccess == 'Enabled' ? 'Allow' : 'Deny'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
