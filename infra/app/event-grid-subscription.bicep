// Delivers migration requests from the custom topic to the Event Grid trigger function. Event Grid looks
// the function up (and fetches its system key) when the subscription is created, so this module can only be
// deployed once the code is: main.bicep gates it behind eventGridSubscriptionEnabled.

param topicName string
param functionAppName string

@description('The Event Grid trigger function (names.ts migrationRequestsFunction).')
param functionName string

@allowed([
  'CloudEventSchemaV1_0'
  'EventGridSchema'
])
param deliverySchema string

@description('Resource id of the user-assigned identity on the topic; it writes the dead letters.')
param identityId string

@allowed([
  'UserAssigned'
  'SystemAssigned'
])
@description('The topic identity that writes dead letters: the user-assigned one, or (private networking, where storage admits Event Grid only as a trusted service) the topic\'s system-assigned one.')
param deadLetterIdentityType string = 'UserAssigned'

param storageAccountName string
param deadLetterContainerName string

resource topic 'Microsoft.EventGrid/topics@2025-02-15' existing = {
  name: topicName
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

// No event-type filter on purpose: every event reaches the function, which records anything it cannot
// accept as a failed request with a reason. A filter would drop mistyped events silently (filtered events
// are not dead-lettered).
resource requestSubscription 'Microsoft.EventGrid/topics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'migration-requests'
  properties: {
    destination: {
      endpointType: 'AzureFunction'
      properties: {
        resourceId: '${functionApp.id}/functions/${functionName}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: deliverySchema
    // Event Grid's own retry schedule (exponential back-off) for a day, then the dead-letter container.
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: deadLetterIdentityType
        userAssignedIdentity: deadLetterIdentityType == 'UserAssigned' ? identityId : null
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output name string = requestSubscription.name
