/**
 * A validation finding: one reason a scope cannot (Error), might not fully (Warning) or will migrate with
 * a note (Information). Service Management returns findings as `ValidationMessage` elements
 * (`ResourceType`, `ResourceName`, `Category`, `Message`, `VirtualMachine`). Pure.
 */
import { z } from 'zod';

export const severities = ['Error', 'Warning', 'Information'] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.infer<typeof severitySchema>;

/**
 * Where a check runs. `classic`: Validate runs it, as Azure's Validate did (Classic state only).
 * `preflight`: the ARM-side checks that only Prepare ran in Azure; our Prepare always runs them and our
 * Validate runs them on request.
 */
export const checkStages = ['classic', 'preflight'] as const;
export type CheckStage = (typeof checkStages)[number];

export const findingSchema = z.object({
  /** Stable code, e.g. `VM_XML_EXTENSION`; never reworded once published. */
  code: z.string(),
  severity: severitySchema,
  stage: z.enum(checkStages),
  /** Service Management `ResourceType`: Deployment, VirtualNetwork, Storage, VirtualMachine, … */
  resourceType: z.string(),
  resourceName: z.string(),
  virtualMachineName: z.string().optional(),
  /** Azure's verbatim message where Azure had one; otherwise ours, in the same voice. */
  message: z.string(),
  /** What the user should do about it. */
  recommendation: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

/** True when any finding blocks the migration. */
export function hasBlockingFindings(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'Error');
}
