/**
 * Why an estate-facts document was refused. Codes are stable (API clients and tests match on them);
 * messages say what to do. A refused document changes nothing: the import stores nothing from it.
 *
 * - `UnrecognisedDocument`: neither a Service Management document nor a facts document this service
 *   reads (docs/estate-facts.md lists them).
 * - `MalformedJson`: not JSON.
 * - `DocumentTooLarge`: over the byte limit.
 * - `InvalidFactDocument`: a recognised document whose values do not fit (a limit that is not a number,
 *   a resource without its id…); `path` names the value (`$.value[2].properties.limit`).
 * - `VirtualNetworkNameRequired` / `ServiceKeyRequired` / `LocationRequired`: the document does not say
 *   which VNet, circuit or region it is about (Service Management and Compute put that in the URL):
 *   pass it as `virtualNetwork`, `serviceKey` or `location`.
 */
export const factDocumentErrorCodes = [
  'UnrecognisedDocument',
  'MalformedJson',
  'DocumentTooLarge',
  'InvalidFactDocument',
  'VirtualNetworkNameRequired',
  'ServiceKeyRequired',
  'LocationRequired',
] as const;
export type FactDocumentErrorCode = (typeof factDocumentErrorCodes)[number];

export interface FactDocumentError {
  code: FactDocumentErrorCode;
  message: string;
  /** Where in the document: a JSON path (`$.value[0].name`) or an XML element path. */
  path?: string;
}

/**
 * Thrown inside the readers only, to unwind from deep inside a document; `readFactDocument` catches it
 * and returns its `error` as a value. Never escapes this adapter.
 */
export class FactDocumentRejection extends Error {
  constructor(readonly error: FactDocumentError) {
    super(error.message);
  }
}

export function invalidFactDocument(message: string, path: string): FactDocumentRejection {
  return new FactDocumentRejection({ code: 'InvalidFactDocument', message, path });
}
