/**
 * Why a Service Management XML document was refused. Codes are stable (API clients and tests match on
 * them); messages say what to fix.
 *
 * - `DocumentTooLarge` / `DocumentTooDeep`: over the configured byte size or element nesting depth.
 * - `DtdNotAllowed`: the document declares a DTD or entities (`<!DOCTYPE`, `<!ENTITY`); refused before
 *   parsing, so entity-expansion attacks ("billion laughs", external entities) never reach a parser.
 * - `MalformedXml`: not well-formed XML (or an undefined entity reference); `path` names the innermost
 *   open element at the fault, `line`/`column` where known.
 * - `UnsupportedDocument`: well-formed, but not a Service Management document this adapter reads.
 * - `InvalidDocument`: a Service Management document whose values do not fit the Classic model (missing
 *   required element, not a number, unknown enum value); `path` names the element.
 * - `CloudServiceNameRequired`: a bare `Deployment` document was given without the cloud service name.
 */
export const serviceManagementErrorCodes = [
  'DocumentTooLarge',
  'DocumentTooDeep',
  'DtdNotAllowed',
  'MalformedXml',
  'UnsupportedDocument',
  'InvalidDocument',
  'CloudServiceNameRequired',
] as const;
export type ServiceManagementErrorCode = (typeof serviceManagementErrorCodes)[number];

export interface ServiceManagementError {
  code: ServiceManagementErrorCode;
  message: string;
  /** Element path such as `/Deployment/RoleList/Role[2]/ConfigurationSets` (`[n]`: n-th of its name). */
  path?: string;
  /** 1-based line in the document as given (after a byte order mark is removed). */
  line?: number;
  column?: number;
}

/**
 * Thrown inside the readers only, to unwind from deep inside a document; the public entry points catch
 * it and return its `error` as a value. Never escapes this adapter.
 */
export class DocumentRejection extends Error {
  constructor(readonly error: ServiceManagementError) {
    super(error.message);
    this.name = 'DocumentRejection';
  }
}

export function invalidDocument(message: string, path: string, line?: number): DocumentRejection {
  return new DocumentRejection({
    code: 'InvalidDocument',
    message,
    path,
    ...(line === undefined ? {} : { line }),
  });
}
