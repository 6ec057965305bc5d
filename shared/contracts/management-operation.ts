/**
 * A Service Management operation that is not a migration: a management-plane write (create cloud
 * service, create VM deployment, add data disk, role operations, delete role, set network configuration).
 * Clients poll `GET /{subscriptionId}/operations/{requestId}` for these as for any asynchronous request,
 * so each is recorded under its request id with the outcome the poll reports.
 */
import { z } from 'zod';

export const managementOperationSchema = z.object({
  /** The `x-ms-request-id` the write answered with. */
  requestId: z.string(),
  subscriptionId: z.string(),
  /** `CreateDeployment`, `AddDataDisk`, `ShutdownRole`, … */
  kind: z.string(),
  /** What it acted on, e.g. `svc1/svc1/vm1`. */
  target: z.string(),
  status: z.enum(['InProgress', 'Succeeded', 'Failed']),
  httpStatusCode: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  requestedBy: z.string(),
  at: z.string(),
});
export type ManagementOperation = z.infer<typeof managementOperationSchema>;
