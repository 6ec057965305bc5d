/**
 * Reading one element's children into a model object. Every child the reader takes is marked consumed;
 * `finish()` hands the rest to the unknown-element sink, so nothing the model does not hold is lost.
 *
 * Values the model cannot tell from "absent" — an empty element (`<VirtualNetworkName/>`), `i:nil`, an
 * empty list container Azure does not always write, a default Azure wrote explicitly
 * (`<IsReserved>false</IsReserved>`) — are read as absent/default but left unconsumed, so they are kept
 * verbatim and an export writes them back exactly (see `orderedElement`).
 *
 * Leaf text is trimmed: Service Management never returns significant surrounding whitespace, and
 * hand-indented documents do carry it. Problems throw `DocumentRejection` (InvalidDocument) with the
 * element's path; the public entry points turn that into a value.
 */
import { type DocumentRejection, invalidDocument } from '../service-management-error';
import { decodeBase64Label } from './base64-label';
import { isWrittenWhenEmpty } from './element-order';
import { itemSegment, UnknownSink } from './unknown-elements';
import { isNil, type XmlElement } from './xml-element';

interface KeepOption<T> {
  /** When the value read equals this, leave the element unconsumed (kept verbatim and written back). */
  keepIfEquals?: T;
}

export class ElementReader {
  private readonly consumed = new Set<XmlElement>();

  constructor(
    readonly element: XmlElement,
    readonly unknowns: UnknownSink,
  ) {}

  /** A reader whose unknown children are kept on a fresh list (for a new model object). */
  static forObject(element: XmlElement, target: Array<{ name: string; xml: string }>): ElementReader {
    return new ElementReader(element, new UnknownSink(target));
  }

  get path(): string {
    return this.element.path;
  }

  fail(message: string, at: XmlElement | string = this.element): DocumentRejection {
    return typeof at === 'string'
      ? invalidDocument(message, `${this.element.path}/${at}`, this.element.line)
      : invalidDocument(message, at.path, at.line);
  }

  /** Children with this local name in the parent's namespace. */
  private matching(localName: string): XmlElement[] {
    return this.element.children.filter(
      (c) => c.localName === localName && c.namespaceUri === this.element.namespaceUri,
    );
  }

  has(localName: string): boolean {
    return this.matching(localName).length > 0;
  }

  /** The first child of that name, consumed. */
  take(localName: string): XmlElement | undefined {
    const found = this.matching(localName)[0];
    if (found) this.consumed.add(found);
    return found;
  }

  takeAll(localName: string): XmlElement[] {
    const found = this.matching(localName);
    for (const f of found) this.consumed.add(f);
    return found;
  }

  /** Marks a child as handled without reading it. */
  consume(child: XmlElement): void {
    this.consumed.add(child);
  }

  /**
   * Trimmed text of a child. Absent, empty and `i:nil` children read as undefined; empty and nil ones
   * stay unconsumed (kept verbatim) unless `nilIsWritten` says the serialiser writes the nil form itself.
   */
  string(
    localName: string,
    options: KeepOption<string> & { nilIsWritten?: boolean } = {},
  ): string | undefined {
    const child = this.matching(localName)[0];
    if (!child) return undefined;
    if (isNil(child)) {
      if (options.nilIsWritten) this.consumed.add(child);
      return undefined;
    }
    const value = child.text.trim();
    if (value === '' || value === options.keepIfEquals) return value === '' ? undefined : value;
    this.consumed.add(child);
    return value;
  }

  requiredString(localName: string): string {
    const value = this.string(localName);
    if (value === undefined) throw this.fail(`${localName} is required.`, localName);
    return value;
  }

  integer(localName: string, options: KeepOption<number> = {}): number | undefined {
    const child = this.matching(localName)[0];
    const text = this.string(localName);
    if (text === undefined || !child) return undefined;
    if (!/^[-+]?\d{1,15}$/.test(text)) throw this.fail(`'${text}' is not an integer.`, child);
    const value = Number(text);
    if (value === options.keepIfEquals) this.consumed.delete(child);
    return value;
  }

  requiredInteger(localName: string): number {
    const value = this.integer(localName);
    if (value === undefined) throw this.fail(`${localName} is required.`, localName);
    return value;
  }

  /** xsd:boolean (`true`/`false`/`1`/`0`, any case). */
  boolean(localName: string, options: KeepOption<boolean> = {}): boolean | undefined {
    return this.mapped(
      localName,
      { true: true, '1': true, false: false, '0': false },
      'true or false',
      options,
    );
  }

  /** `Enabled` / `Disabled` flags (IPForwarding). */
  enabledFlag(localName: string, options: KeepOption<boolean> = {}): boolean | undefined {
    return this.mapped(localName, { enabled: true, disabled: false }, 'Enabled or Disabled', options);
  }

  /** One of `values`, matched case-insensitively and returned in the model's spelling. */
  oneOf<T extends string>(
    localName: string,
    values: readonly T[],
    options: KeepOption<T> = {},
  ): T | undefined {
    const table = Object.fromEntries(values.map((v) => [v.toLowerCase(), v])) as Record<string, T>;
    return this.mapped(localName, table, values.join(', '), options);
  }

  private mapped<T>(
    localName: string,
    table: Readonly<Record<string, T>>,
    expected: string,
    options: KeepOption<T>,
  ): T | undefined {
    const child = this.matching(localName)[0];
    const text = this.string(localName);
    if (text === undefined || !child) return undefined;
    const key = text.toLowerCase();
    if (!Object.hasOwn(table, key))
      throw this.fail(`'${text}' is not a valid ${localName}; expected ${expected}.`, child);
    const value = table[key] as T;
    if (value === options.keepIfEquals) this.consumed.delete(child);
    return value;
  }

  /** A base64 label decoded as UTF-8; text that is not lossless base64 is taken as it is. */
  base64Text(localName: string): string | undefined {
    const text = this.string(localName);
    return text === undefined ? undefined : decodeBase64Label(text);
  }

  /** Reads a nested part whose unknown children are kept under `localName/`. */
  nested<T>(localName: string, read: (reader: ElementReader) => T): T | undefined {
    const child = this.take(localName);
    if (!child) return undefined;
    return readPart(child, this.unknowns.child(localName), read);
  }

  /**
   * Reads `<Container><Item/>…</Container>`. Each item's unknown children are kept under
   * `Container/Item[n]/`. An empty container Azure does not always write is left unconsumed (kept).
   */
  list<T>(containerName: string, itemName: string, read: (reader: ElementReader, index: number) => T): T[] {
    const container = this.matching(containerName)[0];
    if (!container) return [];
    const items = container.children.filter(
      (c) => c.localName === itemName && c.namespaceUri === container.namespaceUri,
    );
    if (items.length === 0 && !isWrittenWhenEmpty(this.element.localName, containerName)) return [];
    this.consumed.add(container);
    const containerSink = this.unknowns.child(containerName);
    for (const other of container.children.filter((c) => !items.includes(c))) containerSink.add(other);
    return items.map((item, index) =>
      readPart(item, containerSink.child(itemSegment(itemName, index)), read, index),
    );
  }

  /**
   * Like {@link list} for items that are model objects with their own `unknownElements`: `read` gets the
   * item element and builds the object itself.
   */
  objects<T>(containerName: string, itemName: string, read: (item: XmlElement, index: number) => T): T[] {
    const container = this.matching(containerName)[0];
    if (!container) return [];
    const items = container.children.filter(
      (c) => c.localName === itemName && c.namespaceUri === container.namespaceUri,
    );
    if (items.length === 0 && !isWrittenWhenEmpty(this.element.localName, containerName)) return [];
    this.consumed.add(container);
    const containerSink = this.unknowns.child(containerName);
    for (const other of container.children.filter((c) => !items.includes(c))) containerSink.add(other);
    return items.map(read);
  }

  /** Texts of `<Container><Item>text</Item>…</Container>` (subnet names, address prefixes). */
  stringList(containerName: string, itemName: string): string[] {
    return this.list(containerName, itemName, (item) => item.element.text.trim());
  }

  /** Hands every child not consumed to the unknown-element sink. */
  finish(): void {
    for (const child of this.element.children) if (!this.consumed.has(child)) this.unknowns.add(child);
  }
}

function readPart<T>(
  element: XmlElement,
  sink: UnknownSink,
  read: (reader: ElementReader, index: number) => T,
  index = 0,
): T {
  const reader = new ElementReader(element, sink);
  const value = read(reader, index);
  reader.finish();
  return value;
}
