/** The not-found answer of admission, with the text every API prints for that scope kind. */
import type { ScopeRef } from '../../domain/scope/scope';
import { scopeNotFoundMessage } from '../../domain/validation/scope-not-found';
import type { AdmissionResult } from './operation-request';

/** `deploymentName`: a Service Management deployment path names the deployment, and so does its text. */
export function scopeNotFound(
  scope: ScopeRef,
  deploymentName?: string,
): Extract<AdmissionResult, { kind: 'notFound' }> {
  const name = deploymentName ?? scope.name;
  return { kind: 'notFound', scope, name, message: scopeNotFoundMessage({ kind: scope.kind, name }) };
}
