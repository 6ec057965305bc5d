/** XML namespaces of Service Management documents. */
export const windowsAzureNamespace = 'http://schemas.microsoft.com/windowsazure';
export const xmlSchemaInstanceNamespace = 'http://www.w3.org/2001/XMLSchema-instance';
export const xmlSchemaNamespace = 'http://www.w3.org/2001/XMLSchema';
export const networkConfigurationNamespace =
  'http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration';
