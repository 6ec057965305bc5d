/**
 * Look-ups over a translation result for readable assertions.
 */
import type { ArmResource } from '../../shared/domain/arm/arm-resource';
import type {
  AccountingEntry,
  ClassicItemType,
  TranslationResult,
} from '../../shared/domain/translation/translation-result';

/** The one resource of a type with a name (case-insensitive); throws when there is not exactly one. */
export function resource(result: TranslationResult, type: string, name: string): ArmResource {
  const found = result.resources.filter(
    (r) => r.type.toLowerCase() === type.toLowerCase() && r.name.toLowerCase() === name.toLowerCase(),
  );
  if (found.length !== 1)
    throw new Error(
      `expected one ${type} ${name}, found ${found.length}: ${result.resources.map((r) => `${r.type}/${r.name}`).join(', ')}`,
    );
  return found[0]!;
}

export function resourcesOfType(result: TranslationResult, type: string): ArmResource[] {
  return result.resources.filter((r) => r.type.toLowerCase() === type.toLowerCase());
}

/** The accounting entry of a Classic item by type and name; throws when there is not exactly one. */
export function entry(
  result: TranslationResult,
  classicType: ClassicItemType,
  name: string,
): AccountingEntry {
  const found = result.accounting.filter(
    (e) => e.classicType === classicType && e.name.toLowerCase() === name.toLowerCase(),
  );
  if (found.length !== 1) throw new Error(`expected one ${classicType} ${name}, found ${found.length}`);
  return found[0]!;
}

export function entries(
  result: TranslationResult,
  classicType: ClassicItemType,
  name: string,
): AccountingEntry[] {
  return result.accounting.filter(
    (e) => e.classicType === classicType && e.name.toLowerCase() === name.toLowerCase(),
  );
}

/** Reads a nested property path of a resource's properties (`'ipConfigurations.0.properties.subnet.id'`). */
export function prop(r: ArmResource, path: string): unknown {
  let value: unknown = r.properties;
  for (const key of path.split('.')) {
    if (value === null || value === undefined) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
