/**
 * The element tree the readers work on: names resolved against their namespaces, character data decoded,
 * and each element's path, line and verbatim source text kept (unknown elements are stored verbatim, and
 * errors name where they are).
 */
import { xmlSchemaInstanceNamespace } from './namespaces';

export interface XmlAttribute {
  readonly name: string;
  readonly localName: string;
  readonly namespaceUri: string | undefined;
  readonly value: string;
}

export interface XmlElement {
  /** The qualified name as written (`i:Foo`, `Deployment`). */
  readonly name: string;
  readonly localName: string;
  readonly namespaceUri: string | undefined;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /** Decoded character data directly inside the element (text and CDATA in order), untrimmed. */
  readonly text: string;
  /** `/Deployment/RoleList/Role[2]`; `[n]` when the parent has more than one child of that name. */
  readonly path: string;
  /** 1-based line of the start tag. */
  readonly line: number;
  /** The element exactly as written, start tag to end tag. */
  readonly source: string;
}

export interface XmlDocument {
  readonly root: XmlElement;
  /** True when the input began with a UTF-8 byte order mark (removed before parsing). */
  readonly hadByteOrderMark: boolean;
}

/** The value of an attribute by local name (and namespace, when given). */
export function attributeValue(
  element: XmlElement,
  localName: string,
  namespaceUri?: string,
): string | undefined {
  return element.attributes.find(
    (a) => a.localName === localName && (namespaceUri === undefined || a.namespaceUri === namespaceUri),
  )?.value;
}

/** The local part of `xsi:type` (`PersistentVMRole` for `i:type="PersistentVMRole"`), whatever the prefix. */
export function xsiType(element: XmlElement): string | undefined {
  const value = attributeValue(element, 'type', xmlSchemaInstanceNamespace);
  return value?.slice(value.indexOf(':') + 1);
}

/** `xsi:nil="true"`: the element stands for a null value. */
export function isNil(element: XmlElement): boolean {
  return attributeValue(element, 'nil', xmlSchemaInstanceNamespace)?.trim() === 'true';
}
