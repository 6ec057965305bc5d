#!/usr/bin/env bash
# The API's Microsoft Entra ID app registration: the audience of the tokens the service accepts
# (AUTH_CLIENT_ID) and the app roles it authorises with (shared/domain/auth/permissions.ts).
#
#   scripts/deploy/app-registration.sh [display-name]        create or update; prints the client id
#   scripts/deploy/app-registration.sh assign <role> <who>    give a user, group or app a role
#
#   <role>: Migration.Reader | Migration.Operator | Migration.Approver | Migration.Admin
#   <who>:  a user (UPN or object id), a group (display name or object id; needs Entra ID P1/P2) or a
#           service principal (app id or object id)
#
# Needs the Azure CLI signed in (az login) as someone who may register applications (the Application
# Developer role, or "Users can register applications") and, to assign roles, an owner of the app or a
# Cloud Application Administrator. Idempotent: running it again keeps the app, its role ids and its scope id.
# https://learn.microsoft.com/entra/identity-platform/howto-add-app-roles-in-apps
set -euo pipefail

name_default="classic-arm-migration-api"
graph="https://graph.microsoft.com/v1.0"
# The Azure CLI's own client id: pre-authorised so that `az account get-access-token --resource api://<id>`
# works without a consent prompt.
azure_cli_client_id="04b07795-8ddb-461a-bbee-02f9e1bf7b46"

die() { echo "app-registration: $*" >&2; exit 1; }
command -v az >/dev/null || die "the Azure CLI (az) is required"
command -v node >/dev/null || die "Node.js is required (it edits the JSON)"

# A GUID, kept stable: the id already used for <value> in <json list>, else a new one.
stable_id() { # <json> <value>
  node -e '
    const [list, value] = process.argv.slice(1);
    const found = (JSON.parse(list || "[]") || []).find((item) => item.value === value);
    process.stdout.write(found ? found.id : require("node:crypto").randomUUID());
  ' "$1" "$2"
}

# The application's `api` object: v2.0 tokens, the user_impersonation scope, optionally the Azure CLI
# pre-authorised for it.
api_body() { # <scope id> <yes|no>
  node -e '
    const [scopeId, preauthorise, cliId] = process.argv.slice(1);
    const api = {
      requestedAccessTokenVersion: 2,
      oauth2PermissionScopes: [{
        id: scopeId, value: "user_impersonation", type: "User", isEnabled: true,
        adminConsentDisplayName: "Use the migration service",
        adminConsentDescription: "Call the Classic to Resource Manager migration service as the signed-in user; what the user may do is decided by their Migration.* app role.",
        userConsentDisplayName: "Use the migration service",
        userConsentDescription: "Call the migration service as you.",
      }],
    };
    if (preauthorise === "yes") api.preAuthorizedApplications = [{ appId: cliId, delegatedPermissionIds: [scopeId] }];
    process.stdout.write(JSON.stringify({ api }));
  ' "$1" "$2" "$azure_cli_client_id"
}

register() {
  local name="${1:-$name_default}"
  local app_id object_id
  app_id="$(az ad app list --display-name "$name" --query '[0].appId' -o tsv)"
  if [ -z "$app_id" ]; then
    echo "Creating the app registration '$name'…"
    app_id="$(az ad app create --display-name "$name" --sign-in-audience AzureADMyOrg --query appId -o tsv)"
  else
    echo "Updating the app registration '$name' ($app_id)…"
  fi
  object_id="$(az ad app show --id "$app_id" --query id -o tsv)"

  # App roles, for users and for applications (daemons, pipelines). Existing ids are kept.
  local existing_roles roles_file
  existing_roles="$(az ad app show --id "$app_id" --query appRoles -o json)"
  roles_file="$(mktemp)"
  trap 'rm -f "$roles_file"' RETURN
  cat >"$roles_file" <<EOF
[
  {
    "allowedMemberTypes": ["User", "Application"],
    "description": "Read migrations, plans, operations, batches and exports; run Validate.",
    "displayName": "Migration Reader",
    "id": "$(stable_id "$existing_roles" Migration.Reader)",
    "isEnabled": true,
    "value": "Migration.Reader"
  },
  {
    "allowedMemberTypes": ["User", "Application"],
    "description": "Reader, and import Classic inventory, Prepare, Abort and run batches that do not commit.",
    "displayName": "Migration Operator",
    "id": "$(stable_id "$existing_roles" Migration.Operator)",
    "isEnabled": true,
    "value": "Migration.Operator"
  },
  {
    "allowedMemberTypes": ["User", "Application"],
    "description": "Operator, and Commit (including batches that commit).",
    "displayName": "Migration Approver",
    "id": "$(stable_id "$existing_roles" Migration.Approver)",
    "isEnabled": true,
    "value": "Migration.Approver"
  },
  {
    "allowedMemberTypes": ["User", "Application"],
    "description": "Approver, and register subscriptions, release locks, plan faults, manage grants and dead letters.",
    "displayName": "Migration Admin",
    "id": "$(stable_id "$existing_roles" Migration.Admin)",
    "isEnabled": true,
    "value": "Migration.Admin"
  }
]
EOF
  az ad app update --id "$app_id" --app-roles @"$roles_file"

  # The App ID URI (an accepted audience besides the client id), v2.0 access tokens (the issuer the service
  # checks is https://login.microsoftonline.com/<tenant>/v2.0), one delegated scope so that users can get
  # tokens, and the Azure CLI pre-authorised for it.
  az ad app update --id "$app_id" --identifier-uris "api://$app_id"
  local existing_scopes scope_id
  existing_scopes="$(az ad app show --id "$app_id" --query api.oauth2PermissionScopes -o json)"
  scope_id="$(stable_id "$existing_scopes" user_impersonation)"
  # Two steps: Microsoft Graph accepts a pre-authorisation only for a scope that already exists.
  az rest --method PATCH --uri "$graph/applications/$object_id" --headers Content-Type=application/json \
    --body "$(api_body "$scope_id" no)" >/dev/null
  az rest --method PATCH --uri "$graph/applications/$object_id" --headers Content-Type=application/json \
    --body "$(api_body "$scope_id" yes)" >/dev/null

  # The service principal (the app's identity in this tenant: app role assignments hang off it). Only users,
  # groups and apps given a role may get a token for the API.
  if [ -z "$(az ad sp list --filter "appId eq '$app_id'" --query '[0].id' -o tsv)" ]; then
    az ad sp create --id "$app_id" >/dev/null
  fi
  local sp_id
  sp_id="$(az ad sp show --id "$app_id" --query id -o tsv)"
  az rest --method PATCH --uri "$graph/servicePrincipals/$sp_id" --headers Content-Type=application/json \
    --body '{"appRoleAssignmentRequired": true}' >/dev/null

  echo
  echo "AUTH_CLIENT_ID=$app_id   (App ID URI api://$app_id, service principal $sp_id)"
  if command -v azd >/dev/null && azd env get-values >/dev/null 2>&1; then
    azd env set AUTH_CLIENT_ID "$app_id"
    echo "Set AUTH_CLIENT_ID in the current azd environment."
  else
    echo "Next: azd env set AUTH_CLIENT_ID $app_id"
  fi
  echo "Give people a role: $0 assign Migration.Operator alice@contoso.com"
}

assign() {
  local role="${1:-}" who="${2:-}" name="${APP_DISPLAY_NAME:-$name_default}"
  case "$role" in
    Migration.Reader | Migration.Operator | Migration.Approver | Migration.Admin) ;;
    *) die "assign <Migration.Reader|Migration.Operator|Migration.Approver|Migration.Admin> <user|group|app>" ;;
  esac
  [ -n "$who" ] || die "assign $role <user UPN or id | group name or id | app id>"
  local app_id sp_id role_id principal_id
  app_id="${AUTH_CLIENT_ID:-$(az ad app list --display-name "$name" --query '[0].appId' -o tsv)}"
  [ -n "$app_id" ] || die "no app registration '$name' (set AUTH_CLIENT_ID or APP_DISPLAY_NAME)"
  sp_id="$(az ad sp show --id "$app_id" --query id -o tsv)"
  role_id="$(az ad sp show --id "$app_id" --query "appRoles[?value=='$role'].id | [0]" -o tsv)"
  principal_id="$(az ad user show --id "$who" --query id -o tsv 2>/dev/null ||
    az ad group show --group "$who" --query id -o tsv 2>/dev/null ||
    az ad sp show --id "$who" --query id -o tsv 2>/dev/null || true)"
  [ -n "$principal_id" ] || die "'$who' is no user, group or service principal of this tenant"
  az rest --method POST --uri "$graph/servicePrincipals/$sp_id/appRoleAssignedTo" \
    --headers Content-Type=application/json \
    --body "{\"principalId\":\"$principal_id\",\"resourceId\":\"$sp_id\",\"appRoleId\":\"$role_id\"}" >/dev/null
  echo "$who ($principal_id) now has $role on $app_id. New tokens carry it in their roles claim."
}

case "${1:-}" in
  assign) shift; assign "$@" ;;
  -h | --help) sed -n '2,16p' "$0" ;;
  *) register "$@" ;;
esac
