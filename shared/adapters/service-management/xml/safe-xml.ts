/**
 * The only way XML enters this adapter. Checks run cheapest first, and the parser sees a document only
 * after every check passed:
 *
 * 1. size (bytes) against `maxBytes`;
 * 2. the UTF-8 byte order mark is dropped (the netcfg download starts with one);
 * 3. `<!DOCTYPE` / `<!ENTITY` anywhere → refused. Service Management documents never carry a DTD, and
 *    refusing it outright (even inside a comment) closes entity expansion ("billion laughs") and external
 *    entities without relying on any parser option;
 * 4. well-formedness (fast-xml-parser's validator, which reports line and column; we add the path);
 * 5. nesting depth against `maxDepth`, by a linear scan, before any tree is built;
 * 6. fast-xml-parser builds an ordered tree with source offsets; we decode character references
 *    ourselves (only the predefined entities and numeric references exist without a DTD) and resolve
 *    namespaces.
 *
 * Pure: no I/O.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { err, ok, type Result } from '../result';
import { DocumentRejection, type ServiceManagementError } from '../service-management-error';
import { findElementDeeperThan, openElementPathAt } from './element-path-scanner';
import type { XmlAttribute, XmlDocument, XmlElement } from './xml-element';
import { decodeCharacterReferences } from './xml-text';

export interface XmlLimits {
  /** Largest accepted document, in bytes of UTF-8. */
  maxBytes: number;
  /** Deepest accepted element nesting; the root element is depth 1. */
  maxDepth: number;
}

export const defaultXmlLimits: XmlLimits = { maxBytes: 4 * 1024 * 1024, maxDepth: 64 };

const byteOrderMark = '\uFEFF';
const dtdPattern = /<!DOCTYPE|<!ENTITY/i;
const xmlnsNamespace = 'http://www.w3.org/2000/xmlns/';
const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';

/** fast-xml-parser, configured to keep order and source offsets and to leave character data raw. */
function newParser(maxDepth: number): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    captureMetaData: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // Character references are decoded by decodeCharacterReferences, so that an undefined entity is an
    // error with a path instead of text passed through, and CDATA is never decoded.
    processEntities: false,
    htmlEntities: false,
    cdataPropName: '#cdata',
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Depth is enforced by our scan (step 5) with a path; this is only a backstop.
    maxNestedTags: maxDepth + 1,
  });
}

const metadataKey = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** Parses a document under the limits; never throws for bad input. */
export function parseXmlSafely(
  input: string | Uint8Array,
  limits: Partial<XmlLimits> = {},
): Result<XmlDocument, ServiceManagementError> {
  const { maxBytes, maxDepth } = { ...defaultXmlLimits, ...limits };

  if (byteLength(input, maxBytes) > maxBytes) {
    return err({
      code: 'DocumentTooLarge',
      message: `The document is larger than the limit of ${maxBytes} bytes.`,
    });
  }

  const decoded = decodeInput(input);
  if (!decoded.ok) return decoded;
  const hadByteOrderMark = decoded.value.startsWith(byteOrderMark);
  const text = hadByteOrderMark ? decoded.value.slice(1) : decoded.value;
  const lines = new LineIndex(text);

  const dtd = dtdPattern.exec(text);
  if (dtd) {
    return err({
      code: 'DtdNotAllowed',
      message: `Document type declarations and entity declarations are not allowed (found '${dtd[0]}').`,
      line: lines.lineOf(dtd.index),
    });
  }

  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    return err({
      code: 'MalformedXml',
      message: `The document is not well-formed XML: ${msg}`,
      path: openElementPathAt(text, lines.offsetOf(line, col)),
      line,
      column: col,
    });
  }

  const tooDeep = findElementDeeperThan(text, maxDepth);
  if (tooDeep) {
    return err({
      code: 'DocumentTooDeep',
      message: `Elements are nested more than ${maxDepth} deep.`,
      path: tooDeep.path,
      line: lines.lineOf(tooDeep.offset),
    });
  }

  let nodes: unknown;
  try {
    nodes = newParser(maxDepth).parse(text);
  } catch (error) {
    return err({ code: 'MalformedXml', message: `The document could not be parsed: ${messageOf(error)}` });
  }

  try {
    const roots = buildChildren(asNodeList(nodes), '', new Map([['xml', xmlNamespace]]), text, lines);
    const [root, ...others] = roots;
    if (root === undefined)
      return err({ code: 'MalformedXml', message: 'The document has no root element.' });
    if (others.length > 0) {
      return err({
        code: 'MalformedXml',
        message: 'The document has more than one root element.',
        path: others[0]?.path,
        line: others[0]?.line,
      });
    }
    return ok({ root, hadByteOrderMark });
  } catch (error) {
    if (error instanceof DocumentRejection) return err(error.error);
    throw error;
  }
}

/** UTF-8 size (a lower bound once over the limit), computed exactly only when the length leaves it in doubt. */
function byteLength(input: string | Uint8Array, maxBytes: number): number {
  if (typeof input !== 'string') return input.byteLength;
  // Every UTF-16 code unit takes at least one UTF-8 byte, and at most three.
  if (input.length > maxBytes || input.length * 3 <= maxBytes) return input.length;
  return Buffer.byteLength(input, 'utf8');
}

function decodeInput(input: string | Uint8Array): Result<string, ServiceManagementError> {
  if (typeof input === 'string') return ok(input);
  try {
    // ignoreBOM keeps a leading BOM in the string, so the caller sees it and strips it once.
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input));
  } catch {
    return err({ code: 'MalformedXml', message: 'The document is not valid UTF-8.' });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Offsets ↔ 1-based lines and columns. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  offsetOf(line: number, column: number): number {
    return (this.starts[line - 1] ?? 0) + Math.max(column - 1, 0);
  }
}

// ---- fast-xml-parser's ordered output → XmlElement ------------------------------------------------

type FxpNode = Record<string, unknown>;

function asNodeList(value: unknown): FxpNode[] {
  return Array.isArray(value) ? value.filter((n): n is FxpNode => typeof n === 'object' && n !== null) : [];
}

function nodeName(node: FxpNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@');
}

function buildChildren(
  nodes: FxpNode[],
  parentPath: string,
  scope: ReadonlyMap<string, string>,
  text: string,
  lines: LineIndex,
): XmlElement[] {
  const elementNodes = nodes.filter((node) => {
    const name = nodeName(node);
    return name !== undefined && name !== '#text' && name !== '#cdata';
  });
  const totals = new Map<string, number>();
  for (const node of elementNodes) {
    const name = nodeName(node) ?? '';
    totals.set(name, (totals.get(name) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return elementNodes.map((node) => {
    const name = nodeName(node) ?? '';
    const position = (seen.get(name) ?? 0) + 1;
    seen.set(name, position);
    const path = (totals.get(name) ?? 1) > 1 ? `${parentPath}/${name}[${position}]` : `${parentPath}/${name}`;
    return buildElement(node, name, path, scope, text, lines);
  });
}

function buildElement(
  node: FxpNode,
  name: string,
  path: string,
  parentScope: ReadonlyMap<string, string>,
  text: string,
  lines: LineIndex,
): XmlElement {
  const metadata = node[metadataKey as unknown as string] as
    { startIndex?: number; endIndex?: number } | undefined;
  const start = metadata?.startIndex ?? 0;
  const end = metadata?.endIndex ?? start;
  const line = lines.lineOf(start);
  const reject = (message: string): DocumentRejection =>
    new DocumentRejection({ code: 'MalformedXml', message, path, line });

  const rawAttributes = Object.entries((node[':@'] ?? {}) as Record<string, unknown>).map(
    ([attributeName, raw]) => {
      const decoded = decodeCharacterReferences(typeof raw === 'string' ? raw : '');
      if (!decoded.ok)
        throw reject(`Undefined entity or invalid character reference '${decoded.reference}'.`);
      return { name: attributeName, value: decoded.value };
    },
  );

  const scope = new Map(parentScope);
  for (const { name: attributeName, value } of rawAttributes) {
    if (attributeName === 'xmlns') scope.set('', value);
    else if (attributeName.startsWith('xmlns:')) scope.set(attributeName.slice(6), value);
  }
  const resolve = (qualified: string, useDefault: boolean): { localName: string; namespaceUri?: string } => {
    const colon = qualified.indexOf(':');
    if (colon < 0)
      return { localName: qualified, namespaceUri: useDefault ? scope.get('') || undefined : undefined };
    const prefix = qualified.slice(0, colon);
    if (prefix === 'xmlns') return { localName: qualified.slice(colon + 1), namespaceUri: xmlnsNamespace };
    return { localName: qualified.slice(colon + 1), namespaceUri: scope.get(prefix) };
  };

  const attributes: XmlAttribute[] = rawAttributes.map(({ name: attributeName, value }) => {
    const resolved =
      attributeName === 'xmlns'
        ? { localName: 'xmlns', namespaceUri: xmlnsNamespace }
        : resolve(attributeName, false);
    return { name: attributeName, localName: resolved.localName, namespaceUri: resolved.namespaceUri, value };
  });

  const content = asNodeList(node[name]);
  let characterData = '';
  for (const child of content) {
    if (typeof child['#text'] === 'string') {
      const decoded = decodeCharacterReferences(child['#text']);
      if (!decoded.ok)
        throw reject(`Undefined entity or invalid character reference '${decoded.reference}'.`);
      characterData += decoded.value;
    } else if (Array.isArray(child['#cdata'])) {
      for (const part of asNodeList(child['#cdata'])) {
        if (typeof part['#text'] === 'string') characterData += part['#text'];
      }
    }
  }

  const { localName, namespaceUri } = resolve(name, true);
  return {
    name,
    localName,
    namespaceUri,
    attributes,
    children: buildChildren(content, path, scope, text, lines),
    text: characterData,
    path,
    line,
    source: text.slice(start, end),
  };
}
