/**
 * Whether the subscription is registered for migration: the `Microsoft.ClassicInfrastructureMigrate`
 * resource provider (`GET /subscriptions/{id}/providers/Microsoft.ClassicInfrastructureMigrate`,
 * learn.microsoft.com/rest/api/resources/providers/get; `az provider show -n … -o json`), or a provider
 * list that includes it (`az provider list`). Every migration call fails unregistered (D6).
 */
import type { FactCollector } from './fact-reading';
import { factKey, isObject, type JsonObject, requiredString } from './json-values';

export const migrationProviderNamespace = 'Microsoft.ClassicInfrastructureMigrate';

export function isMigrationProvider(value: unknown): value is JsonObject {
  return (
    isObject(value) &&
    typeof value.namespace === 'string' &&
    value.namespace.toLowerCase() === migrationProviderNamespace.toLowerCase()
  );
}

export function readMigrationProvider(provider: JsonObject, path: string, out: FactCollector): void {
  out.facts.push({
    kind: 'migrationRegistration',
    key: factKey('migrationRegistration'),
    registrationState: requiredString(
      provider.registrationState,
      `${path}.registrationState`,
      'The registration state',
    ),
  });
}
