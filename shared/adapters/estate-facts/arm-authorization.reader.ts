/**
 * Role assignments (`Microsoft.Authorization/roleAssignments`), as the REST API lists them
 * (`properties.roleDefinitionId`, `properties.principalId`, `properties.principalType`,
 * `properties.scope`; learn.microsoft.com/rest/api/authorization/role-assignments/list-for-subscription)
 * or as `az role assignment list -o json` prints them (flattened, with `principalName` and
 * `roleDefinitionName` added). The REST API names the role only by id: the built-in roles a Classic
 * estate uses are named from their well-known ids (learn.microsoft.com/azure/role-based-access-control/built-in-roles);
 * any other role keeps its id as its name.
 *
 * Every assignment is recorded; validation reports those on the Classic resources of a scope (or their
 * resource groups), which do not follow the migrated resources (D2).
 */
import { invalidFactDocument } from './fact-document-error';
import type { FactCollector } from './fact-reading';
import { factKey, type JsonObject, optionalString, requiredString, setting } from './json-values';

const builtInRoles: Readonly<Record<string, string>> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
  'b34d265f-36f7-4a0d-a4d4-e158ca92e90f': 'Classic Network Contributor',
  '86e8f5dc-a6e9-4c67-9d15-de283e8eac25': 'Classic Storage Account Contributor',
  'd73bb868-a0df-4d4d-bd69-98a00b01fccb': 'Classic Virtual Machine Contributor',
  '4d97b98b-1d4f-4787-a291-c67834d212e7': 'Network Contributor',
  '17d1049b-9a84-46fb-8f53-869881c3d3ab': 'Storage Account Contributor',
  '9980e02c-c2be-4d73-94e8-173b1dc7cf3c': 'Virtual Machine Contributor',
};

const principalTypes = {
  user: 'User',
  group: 'Group',
  foreigngroup: 'Group',
  serviceprincipal: 'ServicePrincipal',
} as const;

export function readRoleAssignment(item: JsonObject, path: string, out: FactCollector): void {
  const at = (name: string) => `${path}.properties.${name}`;
  const principalId = requiredString(setting(item, 'principalId'), at('principalId'), 'The principal id');
  const scope = requiredString(setting(item, 'scope'), at('scope'), 'The scope');
  const roleDefinitionId = optionalString(setting(item, 'roleDefinitionId'));
  const roleGuid = roleDefinitionId?.split('/').at(-1)?.toLowerCase();
  const roleDefinitionName =
    optionalString(setting(item, 'roleDefinitionName')) ??
    (roleGuid === undefined ? undefined : (builtInRoles[roleGuid] ?? roleGuid));
  if (roleDefinitionName === undefined)
    throw invalidFactDocument(
      'The role (roleDefinitionId or roleDefinitionName) is missing.',
      at('roleDefinitionId'),
    );
  const rawType = optionalString(setting(item, 'principalType'));
  const principalType = principalTypes[(rawType ?? 'user').toLowerCase() as keyof typeof principalTypes];
  if (principalType === undefined)
    out.notes.push(
      `Principal type '${rawType}' of ${principalId} is recorded as User (the model knows User, Group, ServicePrincipal).`,
    );
  const principalName = optionalString(setting(item, 'principalName'));
  const assignmentId = optionalString(item.id);
  out.facts.push({
    kind: 'roleAssignment',
    key: factKey('roleAssignment', assignmentId ?? `${principalId}|${roleDefinitionName}|${scope}`),
    ...(assignmentId === undefined ? {} : { assignmentId }),
    principalId,
    ...(principalName === undefined ? {} : { principalName }),
    principalType: principalType ?? 'User',
    roleDefinitionName,
    ...(roleDefinitionId === undefined ? {} : { roleDefinitionId }),
    scope,
  });
}
