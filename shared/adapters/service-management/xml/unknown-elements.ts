/**
 * Unknown XML kept verbatim so an export writes it back.
 *
 * Every Classic model object has `unknownElements: { name, xml }[]`, but nested parts of it (a role's
 * OS disk, an instance's guest agent status, an endpoint) do not. Their unmodelled children are kept on
 * the nearest object that has the list, under a name that is their path relative to that object:
 * `OsVersion` (a direct child of the Role), `GuestAgentStatus/Timestamp`,
 * `NetworkInterfaces/NetworkInterface[2]/MacAddress` (`[n]`: the n-th item of that list, 1-based, in
 * model order), `ConfigurationSets/ConfigurationSet[ConfigurationSetType='NetworkConfiguration']/Foo`.
 *
 * Hazard: list items are addressed by position, so code that removes or reorders items of a list whose
 * items had unknown children should drop those entries too (the import never does).
 */
import type { UnknownElement } from '../../../domain/classic/compute.schema';
import type { XmlElement } from './xml-element';

/**
 * The path segment of a role's modelled NetworkConfigurationSet: addressed by type, not position, because
 * other configuration sets (kept whole) may come before it.
 */
export const networkConfigurationSetSegment = "ConfigurationSet[ConfigurationSetType='NetworkConfiguration']";

/** The path segment of the `index`-th (0-based) item of a list. */
export function itemSegment(itemName: string, index: number): string {
  return `${itemName}[${index + 1}]`;
}

/** Parser side: collects unmodelled elements for one model object, under a path prefix. */
export class UnknownSink {
  constructor(
    private readonly target: UnknownElement[],
    private readonly prefix = '',
  ) {}

  add(element: XmlElement): void {
    this.target.push({ name: this.prefix + element.name, xml: element.source });
  }

  /** A sink for the children of a nested part (`segment` as in {@link itemSegment} or an element name). */
  child(segment: string): UnknownSink {
    return new UnknownSink(this.target, `${this.prefix}${segment}/`);
  }
}

/** Serialiser side: the kept elements of one model object, or of a nested part of it. */
export class UnknownBag {
  constructor(private readonly entries: readonly UnknownElement[] = []) {}

  /** Elements that are direct children here (no `/` left in their name), in their original order. */
  get direct(): UnknownElement[] {
    return this.entries.filter((entry) => !entry.name.includes('/'));
  }

  child(segment: string): UnknownBag {
    const prefix = `${segment}/`;
    return new UnknownBag(
      this.entries
        .filter((entry) => entry.name.startsWith(prefix))
        .map((entry) => ({ name: entry.name.slice(prefix.length), xml: entry.xml })),
    );
  }
}
