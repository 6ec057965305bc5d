/**
 * Classic role sizes → ARM `hardwareProfile.vmSize`, with core counts for the regional cores quota.
 *
 * Azure never published the IaaS migration's size table (D1 only says VM properties
 * migrate unchanged). Our choice, from the documented equivalence of the Classic names with the A-series:
 * ExtraSmall = A0, Small = A1, Medium = A2, Large = A3, ExtraLarge = A4; A5–A11 become Standard_A5–A11;
 * sizes already spelled the ARM way (Standard_*, Basic_*) are kept. Core counts are the published
 * vCPU counts of each size. Pure.
 */

const classicAliases: Readonly<Record<string, string>> = {
  extrasmall: 'Standard_A0',
  small: 'Standard_A1',
  medium: 'Standard_A2',
  large: 'Standard_A3',
  extralarge: 'Standard_A4',
  a5: 'Standard_A5',
  a6: 'Standard_A6',
  a7: 'Standard_A7',
  a8: 'Standard_A8',
  a9: 'Standard_A9',
  a10: 'Standard_A10',
  a11: 'Standard_A11',
};

/** vCPUs per ARM size, for the sizes a Classic estate can hold. */
const coresBySize: Readonly<Record<string, number>> = {
  standard_a0: 1,
  standard_a1: 1,
  standard_a2: 2,
  standard_a3: 4,
  standard_a4: 8,
  standard_a5: 2,
  standard_a6: 4,
  standard_a7: 8,
  standard_a8: 8,
  standard_a9: 16,
  standard_a10: 8,
  standard_a11: 16,
  basic_a0: 1,
  basic_a1: 1,
  basic_a2: 2,
  basic_a3: 4,
  basic_a4: 8,
  standard_a1_v2: 1,
  standard_a2_v2: 2,
  standard_a4_v2: 4,
  standard_a8_v2: 8,
  standard_a2m_v2: 2,
  standard_a4m_v2: 4,
  standard_a8m_v2: 8,
  standard_d1: 1,
  standard_d2: 2,
  standard_d3: 4,
  standard_d4: 8,
  standard_d11: 2,
  standard_d12: 4,
  standard_d13: 8,
  standard_d14: 16,
  standard_d1_v2: 1,
  standard_d2_v2: 2,
  standard_d3_v2: 4,
  standard_d4_v2: 8,
  standard_d5_v2: 16,
  standard_d11_v2: 2,
  standard_d12_v2: 4,
  standard_d13_v2: 8,
  standard_d14_v2: 16,
  standard_ds1: 1,
  standard_ds2: 2,
  standard_ds3: 4,
  standard_ds4: 8,
  standard_ds11: 2,
  standard_ds12: 4,
  standard_ds13: 8,
  standard_ds14: 16,
  standard_ds1_v2: 1,
  standard_ds2_v2: 2,
  standard_ds3_v2: 4,
  standard_ds4_v2: 8,
  standard_ds5_v2: 16,
  standard_g1: 2,
  standard_g2: 4,
  standard_g3: 8,
  standard_g4: 16,
  standard_g5: 32,
  standard_gs1: 2,
  standard_gs2: 4,
  standard_gs3: 8,
  standard_gs4: 16,
  standard_gs5: 32,
  standard_f1: 1,
  standard_f2: 2,
  standard_f4: 4,
  standard_f8: 8,
  standard_f16: 16,
};

/** The ARM size for a Classic role size (unknown names pass through unchanged). */
export function armVmSize(classicRoleSize: string): string {
  return classicAliases[classicRoleSize.toLowerCase()] ?? classicRoleSize;
}

/** vCPUs of an ARM size; undefined when the size is not in the table. */
export function coresOfArmSize(armSize: string): number | undefined {
  return coresBySize[armSize.toLowerCase()];
}

/** True for Premium-storage-capable sizes (DS, GS, and the `s` variants). */
export function isPremiumCapableSize(armSize: string): boolean {
  return /^standard_(ds|gs|[a-z]+\d+s)/i.test(armSize);
}
