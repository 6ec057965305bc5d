// The one identity the Function App (and Event Grid's dead-lettering) acts as. User-assigned rather than
// system-assigned so that its client id exists before the app does: app settings, role assignments and
// the Flex deployment-storage authentication all need it at creation time.

@description('Name of the user-assigned managed identity.')
param name string

param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
