/**
 * The import entry point (`POST /api/inventory/import`): one Service Management XML document in, the
 * part of the Classic inventory it describes out, with counts — or a typed error value, never a throw.
 *
 * The root element decides the kind (see `documentReaders`); a root this adapter does not read, or one
 * in a foreign namespace, is `UnsupportedDocument`. A document without a namespace is accepted (users
 * sometimes strip it). Pure: no I/O, no clock.
 */
import { type DocumentKind, documentKinds, documentReaders, type ReadOptions } from './document-readers';
import { countInventoryPart, type ImportCounts, type InventoryPart } from './inventory-part';
import { newParseContext, type ObservedMigrationState } from './parse/parse-context';
import { err, ok, type Result } from './result';
import { DocumentRejection, type ServiceManagementError } from './service-management-error';
import { parseXmlSafely, type XmlLimits } from './xml/safe-xml';

export interface ParseDocumentOptions extends ReadOptions {
  limits?: Partial<XmlLimits>;
}

export interface ParsedServiceManagementDocument {
  kind: DocumentKind;
  inventoryPart: InventoryPart;
  counts: ImportCounts;
  /** MigrationState elements seen (Role, VirtualNetworkSite, StorageService); not part of the inventory. */
  observedMigrationStates: ObservedMigrationState[];
  /** What was skipped on purpose, for the import response. */
  notes: string[];
}

export function parseServiceManagementDocument(
  xml: string | Uint8Array,
  options: ParseDocumentOptions = {},
): Result<ParsedServiceManagementDocument, ServiceManagementError> {
  const document = parseXmlSafely(xml, options.limits);
  if (!document.ok) return document;
  const { root } = document.value;

  const kind = documentKinds.find((k) => k === root.localName);
  if (kind === undefined) {
    return err({
      code: 'UnsupportedDocument',
      message: `'${root.localName}' is not a Service Management document this service imports (expected one of ${documentKinds.join(', ')}).`,
      path: root.path,
    });
  }
  const reader = documentReaders[kind];
  if (root.namespaceUri !== undefined && root.namespaceUri !== reader.namespace) {
    return err({
      code: 'UnsupportedDocument',
      message: `${kind} is in namespace '${root.namespaceUri}'; expected '${reader.namespace}'.`,
      path: root.path,
    });
  }

  const context = newParseContext();
  try {
    const inventoryPart = reader.read(root, context, options);
    return ok({
      kind,
      inventoryPart,
      counts: countInventoryPart(inventoryPart),
      observedMigrationStates: context.observedMigrationStates,
      notes: context.notes,
    });
  } catch (error) {
    if (error instanceof DocumentRejection) return err(error.error);
    throw error;
  }
}
