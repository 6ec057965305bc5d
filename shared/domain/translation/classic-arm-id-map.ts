/**
 * Classic ID → ARM IDs, from a translation's accounting: what RBAC re-mapping and the side-by-side view
 * need (resource URIs change with migration, D2). Pure.
 */
import type { AccountingEntry, TranslationResult } from './translation-result';

export interface ClassicToArmMapping {
  classicId: string;
  classicType: AccountingEntry['classicType'];
  armIds: string[];
}

/** One mapping per migrated Classic item, in accounting order. */
export function classicToArmIdMappings(result: Pick<TranslationResult, 'accounting'>): ClassicToArmMapping[] {
  return result.accounting
    .filter((entry) => entry.outcome === 'migrated')
    .map(({ classicId, classicType, armIds }) => ({ classicId, classicType, armIds }));
}

/** The ARM IDs a Classic ID became (case-insensitive); empty when it did not migrate. */
export function armIdsForClassicId(
  result: Pick<TranslationResult, 'accounting'>,
  classicId: string,
): string[] {
  const wanted = classicId.toLowerCase();
  return result.accounting
    .filter((entry) => entry.outcome === 'migrated' && entry.classicId.toLowerCase() === wanted)
    .flatMap((entry) => entry.armIds);
}
