// Private networking (main.bicep enablePrivateNetworking): a virtual network with two subnets, one delegated to
// Microsoft.App/environments for the Flex Consumption app's VNet integration (all its outbound traffic then
// leaves through the VNet), one for private endpoints; a private endpoint for every data-plane endpoint the app
// reaches (Storage blob, queue and table, the Service Bus namespace, Key Vault, both Event Grid topics); and the
// privatelink DNS zones, linked to the VNet, so the public host names the app settings name resolve to the
// private addresses inside it. Peering the VNet to a hub, or resolving the zones from on-premises, is left to the
// network team (the zones can be linked to more VNets).
// https://learn.microsoft.com/azure/azure-functions/flex-consumption-how-to#enable-virtual-network-integration
// https://learn.microsoft.com/azure/private-link/private-endpoint-dns

param vnetName string
@description('Prefix of the private endpoint names; the endpoint kind (blob, queue, …) is appended.')
param privateEndpointPrefix string
param location string
param tags object

param addressPrefix string
@description('The Function App\'s integration subnet (delegated to Microsoft.App/environments; /27 or larger).')
param appSubnetPrefix string
param privateEndpointSubnetPrefix string

param storageAccountId string
param serviceBusNamespaceId string
param keyVaultId string
param eventGridTopicId string
param outcomeEventsTopicId string

var appSubnetName = 'app'
var privateEndpointSubnetName = 'private-endpoints'

// The privatelink zone of each target (https://learn.microsoft.com/azure/private-link/private-endpoint-dns).
var zones = {
  blob: 'privatelink.blob.${environment().suffixes.storage}'
  queue: 'privatelink.queue.${environment().suffixes.storage}'
  table: 'privatelink.table.${environment().suffixes.storage}'
  serviceBus: 'privatelink.servicebus.windows.net'
  vault: 'privatelink.vaultcore.azure.net'
  eventGrid: 'privatelink.eventgrid.azure.net'
}

var zoneNames = [
  zones.blob
  zones.queue
  zones.table
  zones.serviceBus
  zones.vault
  zones.eventGrid
]

// One private endpoint per target and sub-resource (group id).
var endpoints = [
  {
    name: 'blob'
    target: storageAccountId
    groupId: 'blob'
    zone: zones.blob
  }
  {
    name: 'queue'
    target: storageAccountId
    groupId: 'queue'
    zone: zones.queue
  }
  {
    name: 'table'
    target: storageAccountId
    groupId: 'table'
    zone: zones.table
  }
  {
    name: 'servicebus'
    target: serviceBusNamespaceId
    groupId: 'namespace'
    zone: zones.serviceBus
  }
  {
    name: 'vault'
    target: keyVaultId
    groupId: 'vault'
    zone: zones.vault
  }
  {
    name: 'requests-topic'
    target: eventGridTopicId
    groupId: 'topic'
    zone: zones.eventGrid
  }
  {
    name: 'outcome-topic'
    target: outcomeEventsTopicId
    groupId: 'topic'
    zone: zones.eventGrid
  }
]

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

module dnsZones 'private-dns-zone.bicep' = [
  for zone in zoneNames: {
    name: 'dns-${zone}'
    params: {
      zoneName: zone
      vnetId: vnet.id
      tags: tags
    }
  }
]

module privateEndpoints 'private-endpoint.bicep' = [
  for endpoint in endpoints: {
    name: 'pe-${endpoint.name}'
    params: {
      name: '${privateEndpointPrefix}${endpoint.name}'
      location: location
      tags: tags
      subnetId: resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, privateEndpointSubnetName)
      targetResourceId: endpoint.target
      groupId: endpoint.groupId
      privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', endpoint.zone)
    }
    // The DNS zone group needs its zone.
    dependsOn: [
      dnsZones
    ]
  }
]

output vnetId string = vnet.id
output appSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, appSubnetName)
