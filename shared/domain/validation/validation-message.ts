/**
 * Findings as Service Management returns them: `ValidationMessage` elements (`ResourceType`,
 * `ResourceName`, `Category`, `Message`, optional `VirtualMachine`; C2, C4) and the `Result` text the
 * PowerShell cmdlets print (C6). Pure.
 */
import type { Finding, Severity } from './finding';

export interface ValidationMessage {
  ResourceType: string;
  ResourceName: string;
  Category: Severity;
  Message: string;
  /** The XML element name; the SDK/PowerShell property is `VirtualMachineName`. */
  VirtualMachine?: string;
}

/** Two spaces after the full stop, as PowerShell prints it (C6). */
export const validationFailedResult = 'Validation failed.  Please see ValidationMessages for details';

export function toValidationMessage(finding: Finding): ValidationMessage {
  return {
    ResourceType: finding.resourceType,
    ResourceName: finding.resourceName,
    Category: finding.severity,
    Message: finding.message,
    ...(finding.virtualMachineName === undefined ? {} : { VirtualMachine: finding.virtualMachineName }),
  };
}

export interface ToValidationMessagesOptions {
  /**
   * Azure returned only `Error` and `Warning` categories (C2, C5, D6), and PowerShell reports
   * "Validation failed" for any message at all; so our Information findings (notes such as RBAC re-mapping) stay out of the
   * Service Management response unless asked for.
   */
  includeInformation?: boolean;
}

export function toValidationMessages(
  findings: readonly Finding[],
  options: ToValidationMessagesOptions = {},
): ValidationMessage[] {
  return findings
    .filter((finding) => options.includeInformation === true || finding.severity !== 'Information')
    .map(toValidationMessage);
}

/**
 * `MigrationValidateContext.Result`: the failure text when any message is returned — warnings included —
 * otherwise the operation status (C6).
 */
export function validationResultText(
  messages: readonly ValidationMessage[],
  operationStatus: string = 'Succeeded',
): string {
  return messages.length > 0 ? validationFailedResult : operationStatus;
}
