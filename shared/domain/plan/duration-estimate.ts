/**
 * How long Azure's platform migration would take for a scope, calibrated on its published figures
 * (the anchors below). Pure.
 *
 * Anchors:
 * - one VM not in a VNet (recorded session C1): Prepare ≈ 12.5 min, Commit ≈ 6.5 min;
 * - "a few tens of VMs … less than an hour"; "hundreds of VMs … a few hours" (FAQ, D4);
 * - ARM write throttling: 1200 writes per hour per subscription (plan doc, D5);
 * - every operation times out after 24 h (D11).
 *
 * Model (our choice): time grows as a power of the VM count through both anchors, t(n) = t(1) · n^k with
 * k = ln(180 / 12.5) / ln(300) ≈ 0.468 (300 VMs → 3 h), i.e. 30 VMs ≈ 61 min; Prepare is never faster
 * than the write throttle allows for the resources it creates; Abort takes as long as Commit ("Abort and
 * Commit are shorter", D11). Scopes without VMs (storage accounts, NSGs, route tables, reserved IPs,
 * empty VNets) take the one-VM baseline: Azure published nothing smaller.
 */

const prepareOneVmMinutes = 12.5;
const commitOneVmMinutes = 6.5;
const scalingExponent = Math.log(180 / prepareOneVmMinutes) / Math.log(300);
const armWritesPerHour = 1200;
const operationTimeoutMinutes = 24 * 60;

export interface DurationEstimate {
  validateSeconds: number;
  prepareMinutes: number;
  commitMinutes: number;
  abortMinutes: number;
  /** ARM resources Prepare writes (each counts against the write throttle). */
  armWrites: number;
  /** True when the write throttle, not the VM count, sets Prepare's duration. */
  throttled: boolean;
  /** True when Prepare would exceed Azure's 24-hour operation timeout. */
  exceedsTimeout: boolean;
  basis: string;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function estimateDuration(virtualMachines: number, armWrites: number): DurationEstimate {
  const n = Math.max(1, virtualMachines);
  const scale = n ** scalingExponent;
  const byVms = prepareOneVmMinutes * scale;
  const byThrottle = (armWrites / armWritesPerHour) * 60;
  const prepareMinutes = Math.max(byVms, byThrottle);
  const commitMinutes = commitOneVmMinutes * scale;
  return {
    // "Validate is designed to be quick": a few seconds plus a little per VM, capped at a minute.
    validateSeconds: Math.min(60, 5 + n),
    prepareMinutes: round1(prepareMinutes),
    commitMinutes: round1(commitMinutes),
    abortMinutes: round1(commitMinutes),
    armWrites,
    throttled: byThrottle > byVms,
    exceedsTimeout: prepareMinutes > operationTimeoutMinutes,
    basis:
      'Azure platform figures: 1 VM Prepare 12.5 min / Commit 6.5 min (recorded), tens of VMs < 1 h, hundreds of VMs a few hours (FAQ), 1200 ARM writes/hour.',
  };
}
