/**
 * The estate-facts import entry point: one document in (JSON from the REST API or `az … -o json`, or
 * XML from Service Management or the Blob service), the facts it states out — or an error value, never a
 * throw. The kind is decided by the content, not by a file name or media type: the first non-blank
 * character tells JSON from XML; then the XML root element, or the JSON shape (an ARM resource list by
 * its items' `type`, a usage list by its items' `name.value`/`limit`/`currentValue`, the migration
 * provider by its `namespace`, our LCS document by its one property). Pure: no I/O, no clock.
 */
import type { EstateFactReading } from '../../domain/facts/estate-fact.schema';
import { err, ok, type Result } from '../service-management/result';
import type { ServiceManagementError } from '../service-management/service-management-error';
import { parseXmlSafely } from '../service-management/xml/safe-xml';
import { isArmResourceList, readArmResourceList } from './arm-resource-list.reader';
import { classicRootReader } from './classic-xml.reader';
import { type FactDocumentError, FactDocumentRejection } from './fact-document-error';
import type { FactCollector, FactReadContext } from './fact-reading';
import { isObject, listItems } from './json-values';
import {
  isLcsEnvironmentsDocument,
  lcsEnvironmentsProperty,
  readLcsEnvironments,
} from './lcs-environments.reader';
import {
  isMigrationProvider,
  migrationProviderNamespace,
  readMigrationProvider,
} from './provider-registration.reader';
import { isUsageList, readUsageList } from './usages.reader';

export interface ReadFactDocument {
  /** The document's kind: an XML root, ARM resource type(s), `usages`… */
  kind: string;
  facts: EstateFactReading[];
  notes: string[];
}

export interface FactDocumentLimits {
  /** Largest accepted document, in bytes of UTF-8 (role assignment lists of a large tenant are big). */
  maxBytes: number;
}

export const defaultFactDocumentLimits: FactDocumentLimits = { maxBytes: 8 * 1024 * 1024 };

export type FactDocumentResult = Result<ReadFactDocument, FactDocumentError | ServiceManagementError>;

export function readFactDocument(
  body: string | Uint8Array,
  context: FactReadContext,
  limits: Partial<FactDocumentLimits> = {},
): FactDocumentResult {
  const { maxBytes } = { ...defaultFactDocumentLimits, ...limits };
  const size = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
  if (size > maxBytes)
    return err({
      code: 'DocumentTooLarge',
      message: `The document is larger than the limit of ${maxBytes} bytes.`,
    });
  const text = (typeof body === 'string' ? body : new TextDecoder('utf-8').decode(body)).replace(
    /^\uFEFF/,
    '',
  );
  const first = /\S/.exec(text)?.[0];
  const out: FactCollector = { facts: [], notes: [] };
  try {
    if (first === '<') return readXml(body, context, out);
    if (first === '{' || first === '[') return readJson(text, context, out);
  } catch (error) {
    if (error instanceof FactDocumentRejection) return err(error.error);
    throw error;
  }
  return err({ code: 'UnrecognisedDocument', message: 'The document is neither JSON nor XML.' });
}

function readXml(
  body: string | Uint8Array,
  context: FactReadContext,
  out: FactCollector,
): FactDocumentResult {
  const parsed = parseXmlSafely(body, { maxBytes: Number.MAX_SAFE_INTEGER });
  if (!parsed.ok) return parsed;
  const { root } = parsed.value;
  const reader = classicRootReader(root);
  if (!reader)
    return err({
      code: 'UnrecognisedDocument',
      message: `'${root.localName}'${root.namespaceUri ? ` (namespace '${root.namespaceUri}')` : ''} is not a document this service imports.`,
      path: root.path,
    });
  reader.read(root, context, out);
  return ok({ kind: reader.kind, ...out });
}

function readJson(text: string, context: FactReadContext, out: FactCollector): FactDocumentResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return err({
      code: 'MalformedJson',
      message: `The document is not valid JSON: ${(error as Error).message}`,
    });
  }
  if (isMigrationProvider(document)) {
    readMigrationProvider(document, '$', out);
    return ok({ kind: `${migrationProviderNamespace} provider`, ...out });
  }
  if (isLcsEnvironmentsDocument(document)) {
    readLcsEnvironments(document, out);
    return ok({ kind: `${lcsEnvironmentsProperty} (ours)`, ...out });
  }
  const list = listItems(document);
  if (list) {
    const provider = list.items.find(isMigrationProvider);
    if (provider) {
      readMigrationProvider(provider, `${list.path}[${list.items.indexOf(provider)}]`, out);
      return ok({ kind: `${migrationProviderNamespace} provider`, ...out });
    }
    if (isArmResourceList(list.items)) {
      const types = readArmResourceList(list.items, list.path, out);
      return ok({ kind: types.join(', '), ...out });
    }
    if (isUsageList(list.items)) {
      readUsageList(list.items, list.path, context, out);
      return ok({ kind: 'usages', ...out });
    }
    if (list.items.length === 0) {
      out.notes.push('The list is empty: nothing recorded.');
      return ok({ kind: 'empty list', ...out });
    }
  }
  return err({ code: 'UnrecognisedDocument', message: unrecognisedJson(document, list?.items) });
}

/** Says what the JSON was, so the caller can tell a wrong file from a wrong export. */
function unrecognisedJson(document: unknown, items: readonly unknown[] | undefined): string {
  if (items) {
    const types = [
      ...new Set(
        items.map((item) => (isObject(item) && typeof item.type === 'string' ? item.type : undefined)),
      ),
    ].filter((type): type is string => type !== undefined);
    return types.length > 0
      ? `The list holds resources of type ${types.join(', ')}, which no validation rule needs.`
      : 'The list holds neither ARM resources (items with a type) nor usages (items with name.value, limit and currentValue).';
  }
  if (isObject(document))
    return `This JSON object (${
      Object.keys(document)
        .slice(0, 5)
        .map((key) => `'${key}'`)
        .join(', ') || 'empty'
    }) is neither a list nor a document this service reads.`;
  return 'This JSON value is not a document this service reads.';
}
