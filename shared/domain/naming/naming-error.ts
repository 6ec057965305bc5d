/**
 * Naming errors: returned (never thrown) so that Validate and Prepare can list every bad name at once.
 * Pure.
 */

export const namingErrorCodes = [
  /** The name breaks an ARM naming rule of its type (length, characters, first/last character). */
  'NAME_INVALID',
  /** A template uses a token the object does not offer. */
  'NAME_TEMPLATE_UNKNOWN_TOKEN',
  /** Two generated resources of one type share a name in one uniqueness scope (case-insensitive). */
  'NAME_DUPLICATE',
  /** A generated resource would take the ID of a resource that already exists in Resource Manager. */
  'NAME_TAKEN',
] as const;
export type NamingErrorCode = (typeof namingErrorCodes)[number];

export interface NamingError {
  code: NamingErrorCode;
  message: string;
  /** The object key (`<classicId>#<kind>`) of the object whose name is wrong. */
  object: string;
  proposedName: string;
  /** The rule broken, in words. */
  rule: string;
}
