/**
 * Service Management response bodies: the root element rendered compact, with the namespace declarations
 * Azure wrote on it.
 */
import { windowsAzureNamespace, xmlSchemaInstanceNamespace } from '../xml/namespaces';
import { element, type ElementNode, renderCompact, withAttributes, type XmlNode } from '../xml/xml-writer';

const namespaces = { xmlns: windowsAzureNamespace, 'xmlns:i': xmlSchemaInstanceNamespace } as const;

/** A body whose root is one element (`<StorageService>`, `<Deployment>`, `<Operation>`, ...). */
export function renderBody(root: ElementNode): string {
  return renderCompact(withAttributes(root, namespaces));
}

/** A list body: the items inside one root element (`<StorageServices>`, `<ReservedIPs>`, ...). */
export function renderListBody(rootName: string, items: readonly XmlNode[]): string {
  return renderBody(element(rootName, items));
}
