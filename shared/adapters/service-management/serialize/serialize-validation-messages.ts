/**
 * The response of `…/migration?comp=validate` (200, every scope): `ValidationMessages` with one
 * `ValidationMessage` (ResourceType, ResourceName, Category, Message, VirtualMachine) per finding, in the
 * order the SDK parsers read them; with no findings exactly
 * `<ValidationMessages xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"/>`
 * as recorded (C2, C5).
 */
import type { Finding } from '../../../domain/validation/finding';
import { element, leaf } from '../xml/xml-writer';
import { renderListBody } from './response-body';

export interface ValidationMessage {
  /** `Deployment`, `VirtualNetwork`, `Storage`, `VirtualMachine`, … */
  resourceType: string;
  resourceName: string;
  /** `Error` or `Warning` (Azure's `Category`). */
  category: string;
  message: string;
  /** The SDK calls it VirtualMachineName; the element is `VirtualMachine`. */
  virtualMachineName?: string;
}

export function validationMessageFromFinding(finding: Finding): ValidationMessage {
  return {
    resourceType: finding.resourceType,
    resourceName: finding.resourceName,
    category: finding.severity,
    message: finding.message,
    ...(finding.virtualMachineName === undefined ? {} : { virtualMachineName: finding.virtualMachineName }),
  };
}

export function serializeValidationMessages(messages: readonly ValidationMessage[]): string {
  return renderListBody(
    'ValidationMessages',
    messages.map((m) =>
      element('ValidationMessage', [
        leaf('ResourceType', m.resourceType),
        leaf('ResourceName', m.resourceName),
        leaf('Category', m.category),
        leaf('Message', m.message),
        leaf('VirtualMachine', m.virtualMachineName),
      ]),
    ),
  );
}
