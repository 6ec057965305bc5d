/**
 * The estate-facts adapter: reads the documents that state what Service Management XML does not carry
 * (docs/estate-facts.md) into estate facts (shared/domain/facts). Pure.
 */
export { armResourceReaders } from './arm-resource-list.reader';
export { classicFactRoots } from './classic-xml.reader';
export {
  type FactDocumentError,
  type FactDocumentErrorCode,
  factDocumentErrorCodes,
} from './fact-document-error';
export type { FactReadContext } from './fact-reading';
export {
  defaultFactDocumentLimits,
  type FactDocumentLimits,
  type FactDocumentResult,
  type ReadFactDocument,
  readFactDocument,
} from './read-fact-document';
