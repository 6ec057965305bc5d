/**
 * Builds a Classic inventory from documents through the real importer, the way a user's downloads arrive
 * through `POST /api/inventory/import`: each document read by its content (Service Management XML, or a
 * document of facts Service Management does not carry), folded in, and every fact laid over the result.
 * A document the importer refuses is our own broken data here, so it throws with the file and the
 * importer's reason instead of returning a value.
 */
import { type ClassicInventory, classicInventorySchema } from '../domain/classic/inventory.schema';
import {
  type DocumentContext,
  foldInventoryDocument,
  readInventoryDocument,
} from '../use-cases/inventory-documents';

/** One document: `body` (any kind), or `xml` (the older name, for Service Management XML). */
export type DocumentToImport = DocumentContext & {
  /** Where the document came from: the name its facts are recorded under, and for error messages. */
  path: string;
} & ({ body: string } | { xml: string });

/** An empty inventory for a subscription (nothing imported, not registered). */
export function emptyInventory(subscriptionId: string): ClassicInventory {
  return classicInventorySchema.parse({ subscription: { id: subscriptionId } });
}

/**
 * Imports the documents in order onto `start`. Facts are recorded as imported at `importedAt` (callers
 * that import only Service Management XML record no facts and may leave it out). Throws when the
 * importer refuses a document.
 */
export function importDocuments(
  start: ClassicInventory,
  documents: readonly DocumentToImport[],
  importedAt = new Date(0).toISOString(),
): ClassicInventory {
  return documents.reduce((inventory, document) => {
    const read = readInventoryDocument('body' in document ? document.body : document.xml, document);
    if (!read.ok) {
      const { code, message, path } = read.error;
      const line = 'line' in read.error ? read.error.line : undefined;
      const where = [path, line === undefined ? undefined : `line ${line}`].filter(Boolean).join(', ');
      throw new Error(
        `${document.path} was refused by the importer (${code}${where ? `, ${where}` : ''}): ${message}`,
      );
    }
    return foldInventoryDocument(inventory, read.value, { documentName: document.path, importedAt })
      .inventory;
  }, start);
}
