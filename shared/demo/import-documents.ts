/**
 * Builds a Classic inventory from Service Management XML documents through the real importer, the way a
 * user's downloads arrive through `POST /api/inventory/import`: each document parsed, then merged by name
 * onto what came before. A document the importer refuses is our own broken data here, so it throws with
 * the file and the importer's reason instead of returning a value.
 */
import { mergeInventory, parseServiceManagementDocument } from '../adapters/service-management';
import { type ClassicInventory, classicInventorySchema } from '../domain/classic/inventory.schema';

export interface DocumentToImport {
  /** Where the XML came from, for error messages. */
  path: string;
  xml: string;
  cloudServiceName?: string;
}

/** An empty inventory for a subscription (nothing imported, not registered). */
export function emptyInventory(subscriptionId: string): ClassicInventory {
  return classicInventorySchema.parse({ subscription: { id: subscriptionId } });
}

/** Imports the documents in order onto `start`. Throws when the importer refuses one. */
export function importDocuments(
  start: ClassicInventory,
  documents: readonly DocumentToImport[],
): ClassicInventory {
  return documents.reduce((inventory, document) => {
    const parsed = parseServiceManagementDocument(
      document.xml,
      document.cloudServiceName === undefined ? {} : { cloudServiceName: document.cloudServiceName },
    );
    if (!parsed.ok) {
      const { code, message, path, line } = parsed.error;
      const where = [path, line === undefined ? undefined : `line ${line}`].filter(Boolean).join(', ');
      throw new Error(
        `${document.path} was refused by the importer (${code}${where ? `, ${where}` : ''}): ${message}`,
      );
    }
    return mergeInventory(inventory, parsed.value.inventoryPart);
  }, start);
}
