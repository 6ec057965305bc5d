// Key Vault for the chat secrets: the signing secrets and the channel webhook URLs. RBAC mode: the app reads
// secrets through the Key Vault Secrets User role (rbac.bicep) and App Service Key Vault references; there are
// no access policies to drift.
// A secret is stored only when a value is given: an app setting pointing at a missing secret would resolve to
// the literal reference text, which must never become a signing key.

param name string
param location string
param tags object

@secure()
@description('Slack signing secret (SLACK_SIGNING_SECRET); empty to store none.')
param slackSigningSecret string

@secure()
@description('Teams outgoing-webhook HMAC secret (TEAMS_HMAC_SECRET); empty to store none.')
param teamsHmacSecret string

@secure()
@description('CHAT_CHANNEL_WEBHOOKS (JSON: "<platform>:<channel id>" → incoming webhook URL; the URLs carry credentials: a Slack hook\'s token path, a Teams or Logic Apps signature query parameter); empty to store none.')
param chatChannelWebhooks string

@allowed([
  'Enabled'
  'Disabled'
])
@description('Disabled: reachable only through the private endpoint (and trusted Azure services).')
param publicNetworkAccess string

// Key Vault secret names allow only letters, digits and dashes, so they cannot equal the setting names.
var slackSecretName = 'slack-signing-secret'
var teamsSecretName = 'teams-hmac-secret'
var webhooksSecretName = 'chat-channel-webhooks'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // Purge protection stays off (it cannot be turned off once on), so `azd down --purge` can free the name.
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      defaultAction: publicNetworkAccess == 'Enabled' ? 'Allow' : 'Deny'
      bypass: 'AzureServices'
    }
  }
}

resource slackSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(slackSigningSecret)) {
  parent: vault
  name: slackSecretName
  properties: {
    value: slackSigningSecret
    contentType: 'text/plain'
  }
}

resource teamsSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(teamsHmacSecret)) {
  parent: vault
  name: teamsSecretName
  properties: {
    value: teamsHmacSecret
    contentType: 'text/plain'
  }
}

resource webhooksSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(chatChannelWebhooks)) {
  parent: vault
  name: webhooksSecretName
  properties: {
    value: chatChannelWebhooks
    contentType: 'application/json'
  }
}

output id string = vault.id
output name string = vault.name
// Versionless URIs, so a rotated secret is picked up without redeploying; '' when no secret was stored.
// The secure params only decide whether a URI exists; their values never leave the module.
#disable-next-line outputs-should-not-contain-secrets
output slackSigningSecretUri string = empty(slackSigningSecret) ? '' : slackSecret.properties.secretUri
#disable-next-line outputs-should-not-contain-secrets
output teamsHmacSecretUri string = empty(teamsHmacSecret) ? '' : teamsSecret.properties.secretUri
#disable-next-line outputs-should-not-contain-secrets
output chatChannelWebhooksUri string = empty(chatChannelWebhooks) ? '' : webhooksSecret.properties.secretUri
