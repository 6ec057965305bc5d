/**
 * Helpers for the write-request readers: the root check, leaf text, and copies of parsed elements with
 * children added or removed (create bodies lack what a GET body carries, and carry secrets that must not
 * be kept).
 */
import { err, ok, type Result } from '../result';
import type { ServiceManagementError } from '../service-management-error';
import { windowsAzureNamespace } from '../xml/namespaces';
import { parseXmlSafely, type XmlLimits } from '../xml/safe-xml';
import type { XmlElement } from '../xml/xml-element';
import { escapeText } from '../xml/xml-text';

/** Parses a request body whose root must be `rootName` in the windowsazure namespace (or none). */
export function requestRoot(
  xml: string | Uint8Array,
  rootName: string,
  limits: Partial<XmlLimits> = {},
): Result<XmlElement, ServiceManagementError> {
  const empty = typeof xml === 'string' ? xml.replace(/^\uFEFF/, '').trim() === '' : xml.byteLength === 0;
  if (empty) {
    return err({ code: 'InvalidDocument', message: `A ${rootName} body is required.`, path: `/${rootName}` });
  }
  const document = parseXmlSafely(xml, limits);
  if (!document.ok) return document;
  const { root } = document.value;
  if (
    root.localName !== rootName ||
    (root.namespaceUri !== undefined && root.namespaceUri !== windowsAzureNamespace)
  ) {
    return err({
      code: 'UnsupportedDocument',
      message: `Expected a ${rootName} body, got '${root.localName}'.`,
      path: root.path,
    });
  }
  return ok(root);
}

/** The trimmed text of the first child with this local name; undefined when absent or empty. */
export function childText(parent: XmlElement, localName: string): string | undefined {
  const value = parent.children.find((c) => c.localName === localName)?.text.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** A copy of `element` with other children. */
export function withChildren(element: XmlElement, children: readonly XmlElement[]): XmlElement {
  return { ...element, children };
}

/** A new leaf child of `parent`, in the parent's namespace. */
export function leafElement(parent: XmlElement, localName: string, value: string): XmlElement {
  return {
    name: localName,
    localName,
    namespaceUri: parent.namespaceUri,
    attributes: [],
    children: [],
    text: value,
    path: `${parent.path}/${localName}`,
    line: parent.line,
    source: `<${localName}>${escapeText(value)}</${localName}>`,
  };
}
