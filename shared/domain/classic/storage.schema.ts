/**
 * The Classic storage model: storage accounts, the disk and image repositories that reference their
 * blobs. Pure: zod only.
 */
import { z } from 'zod';

import { unknownElementSchema } from './compute.schema';

const unknownElements = z.array(unknownElementSchema).default([]);

export const storageAccountTypeSchema = z.enum([
  'Standard_LRS',
  'Standard_ZRS',
  'Standard_GRS',
  'Standard_RAGRS',
  'Premium_LRS',
]);
export type StorageAccountType = z.infer<typeof storageAccountTypeSchema>;

export const storageAccountSchema = z.object({
  name: z.string(),
  location: z.string().optional(),
  affinityGroup: z.string().optional(),
  label: z.string().optional(),
  description: z.string().optional(),
  accountType: storageAccountTypeSchema.default('Standard_GRS'),
  status: z.string().default('Created'),
  resourceGroup: z.string().optional(),
  unknownElements,
});
export type StorageAccount = z.infer<typeof storageAccountSchema>;

/** A disk in the subscription's disk repository (`GET /services/disks`). */
export const classicDiskSchema = z.object({
  name: z.string(),
  mediaLink: z.string(),
  os: z.enum(['Windows', 'Linux']).optional(),
  logicalDiskSizeInGB: z.number().int().optional(),
  /** Null/absent when unattached — unattached disks block their storage account's migration. */
  attachedTo: z
    .object({ hostedServiceName: z.string(), deploymentName: z.string(), roleName: z.string() })
    .optional(),
  location: z.string().optional(),
  label: z.string().optional(),
  /** Unmodelled elements of the Disk document, verbatim. Optional: disks are imported, never exported. */
  unknownElements: z.array(unknownElementSchema).optional(),
});
export type ClassicDisk = z.infer<typeof classicDiskSchema>;

/** A VM image (OS or VM image) whose disks live in a storage account. */
export const vmImageSchema = z.object({
  name: z.string(),
  category: z.string().optional(),
  os: z.enum(['Windows', 'Linux']).optional(),
  mediaLinks: z.array(z.string()).default([]),
  label: z.string().optional(),
  /** Unmodelled elements of the OSImage/VMImage document, verbatim. Optional: images are never exported. */
  unknownElements: z.array(unknownElementSchema).optional(),
});
export type VmImage = z.infer<typeof vmImageSchema>;
