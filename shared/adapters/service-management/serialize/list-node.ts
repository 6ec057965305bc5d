/** Helpers shared by the serialisers: list containers and value spellings. */
import { isWrittenWhenEmpty } from '../xml/element-order';
import { itemSegment, type UnknownBag } from '../xml/unknown-elements';
import { type ElementNode, leaf, orderedElement, type XmlNode } from '../xml/xml-writer';

/**
 * `<Container><Item/>…</Container>`; `item(bag, index)` builds one item with the kept elements of that
 * item. An empty container is written only where Azure writes it (else a kept `<Container/>` fills in).
 */
export function listNode<T>(
  parentName: string,
  containerName: string,
  itemName: string,
  items: readonly T[],
  bag: UnknownBag,
  item: (value: T, itemBag: UnknownBag, index: number) => XmlNode,
): ElementNode | undefined {
  if (items.length === 0 && !isWrittenWhenEmpty(parentName, containerName)) return undefined;
  const containerBag = bag.child(containerName);
  const nodes = items.map((value, index) =>
    item(value, containerBag.child(itemSegment(itemName, index)), index),
  );
  return orderedElement(containerName, [itemName], nodes, containerBag, {}, new Set([itemName]));
}

/** `<Name>value</Name>`, or `<Name i:nil="true"/>` when there is no value, as Azure wrote a null string. */
export function nillableLeaf(name: string, value: string | undefined): ElementNode {
  return value === undefined ? leaf(name, '', { 'i:nil': 'true' }) : leaf(name, value);
}

export function booleanText(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? 'true' : 'false';
}

export function enabledText(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? 'Enabled' : 'Disabled';
}
