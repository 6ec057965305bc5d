/** Namespace declarations on the root of Service Management response bodies, as Azure wrote them. */
import { windowsAzureNamespace, xmlSchemaInstanceNamespace } from '../xml/namespaces';

export const namespaces = { xmlns: windowsAzureNamespace, 'xmlns:i': xmlSchemaInstanceNamespace } as const;
