/**
 * Building XML for output: a small node tree, merged with kept unknown elements in Azure's element order,
 * rendered either compact (Service Management REST bodies: no whitespace, `<X/>` for empty) or indented
 * (the netcfg download: two spaces, CRLF, `<X />`), as .NET's XmlWriter wrote them for Azure.
 */
import type { UnknownElement } from '../../../domain/classic/compute.schema';
import type { UnknownBag } from './unknown-elements';
import { escapeAttribute, escapeText } from './xml-text';

export interface ElementNode {
  kind: 'element';
  name: string;
  attributes: ReadonlyArray<readonly [string, string]>;
  children: readonly XmlNode[];
  /** Character data of a leaf element; ignored when there are children. */
  text?: string;
}

/** A kept element, written exactly as it was read. */
export interface RawNode {
  kind: 'raw';
  name: string;
  xml: string;
}

export type XmlNode = ElementNode | RawNode;
export type Attributes = Readonly<Record<string, string | undefined>>;

function attributeList(attributes: Attributes): Array<readonly [string, string]> {
  return Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined);
}

/** An element with child elements (undefined children are skipped). */
export function element(
  name: string,
  children: ReadonlyArray<XmlNode | undefined> = [],
  attributes: Attributes = {},
): ElementNode {
  return {
    kind: 'element',
    name,
    attributes: attributeList(attributes),
    children: children.filter((c): c is XmlNode => c !== undefined),
  };
}

/** The same element with `attributes` written before its own (e.g. namespace declarations on a root). */
export function withAttributes(node: ElementNode, attributes: Attributes): ElementNode {
  return { ...node, attributes: [...attributeList(attributes), ...node.attributes] };
}

/** A leaf element with text, or undefined when there is no value (so the element is left out). */
export function leaf(name: string, value: string | number | boolean, attributes?: Attributes): ElementNode;
export function leaf(
  name: string,
  value: string | number | boolean | undefined,
  attributes?: Attributes,
): ElementNode | undefined;
export function leaf(
  name: string,
  value: string | number | boolean | undefined,
  attributes: Attributes = {},
): ElementNode | undefined {
  if (value === undefined) return undefined;
  return { kind: 'element', name, attributes: attributeList(attributes), children: [], text: String(value) };
}

export function raw(unknown: UnknownElement): RawNode {
  return { kind: 'raw', name: unknown.name, xml: unknown.xml };
}

function localPart(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/**
 * An element whose children follow `order`, with the kept unknown elements merged in:
 * - a slot holds the modelled children of that name; when there are none, kept elements of that name
 *   fill it (this is how an element the model cannot tell from "absent" — `<X/>`, `i:nil`, a default
 *   written explicitly — comes back exactly as it was read);
 * - for `repeated` names (list items), kept elements follow the modelled ones;
 * - kept elements whose name is not in `order` (unknown to Azure's schema as we know it) go last.
 */
export function orderedElement(
  name: string,
  order: readonly string[],
  children: ReadonlyArray<XmlNode | undefined>,
  unknowns: UnknownBag,
  attributes: Attributes = {},
  repeated: ReadonlySet<string> = new Set(),
): ElementNode {
  const modelled = children.filter((c): c is XmlNode => c !== undefined);
  const kept = unknowns.direct;
  const out: XmlNode[] = [];
  for (const slot of order) {
    const own = modelled.filter((c) => localPart(c.name) === slot);
    out.push(...own);
    if (own.length === 0 || repeated.has(slot)) {
      out.push(...kept.filter((k) => localPart(k.name) === slot).map(raw));
    }
  }
  // Modelled children missing from the order table would be a bug in the table; keep them, last.
  out.push(...modelled.filter((c) => !order.includes(localPart(c.name))));
  out.push(...kept.filter((k) => !order.includes(localPart(k.name))).map(raw));
  return { kind: 'element', name, attributes: attributeList(attributes), children: out };
}

function startTag(node: ElementNode, close: '>' | '/>' | ' />'): string {
  const attributes = node.attributes.map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('');
  return `<${node.name}${attributes}${close}`;
}

/** Service Management body style: no whitespace between elements, `<X/>` for an empty element. */
export function renderCompact(node: XmlNode): string {
  if (node.kind === 'raw') return node.xml;
  if (node.children.length > 0) {
    return `${startTag(node, '>')}${node.children.map(renderCompact).join('')}</${node.name}>`;
  }
  if (node.text === undefined || node.text === '') return startTag(node, '/>');
  return `${startTag(node, '>')}${escapeText(node.text)}</${node.name}>`;
}

/** netcfg download style: two-space indentation, CRLF line ends, `<X />` for an empty element. */
export function renderIndented(node: XmlNode, depth = 0, newline = '\r\n'): string {
  const indent = '  '.repeat(depth);
  if (node.kind === 'raw') return indent + node.xml;
  if (node.children.length > 0) {
    const inner = node.children.map((child) => renderIndented(child, depth + 1, newline)).join(newline);
    return `${indent}${startTag(node, '>')}${newline}${inner}${newline}${indent}</${node.name}>`;
  }
  if (node.text === undefined || node.text === '') return indent + startTag(node, ' />');
  return `${indent}${startTag(node, '>')}${escapeText(node.text)}</${node.name}>`;
}
