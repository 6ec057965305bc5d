/**
 * The Service Management error body returned with 4xx/5xx statuses:
 * `<Error xmlns="http://schemas.microsoft.com/windowsazure"><Code>…</Code><Message>…</Message></Error>`.
 */
import { windowsAzureNamespace } from '../xml/namespaces';
import { element, leaf, renderCompact } from '../xml/xml-writer';

export function serializeError(error: { code: string; message: string }): string {
  return renderCompact(
    element('Error', [leaf('Code', error.code), leaf('Message', error.message)], {
      xmlns: windowsAzureNamespace,
    }),
  );
}
