/**
 * Where a cloud service that is not in a VNet lands in Resource Manager (Service Management
 * `DeploymentNetworkResource/DestinationVirtualNetwork`): a new VNet the platform creates, or an existing
 * ARM VNet and subnet. Azure's early SDKs also accepted `Default`, which behaved as `New`. Pure.
 */
import { z } from 'zod';

export const destinationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('New') }),
  z.object({
    type: z.literal('Existing'),
    resourceGroupName: z.string().min(1),
    virtualNetworkName: z.string().min(1),
    subnetName: z.string().min(1),
  }),
]);
export type Destination = z.infer<typeof destinationSchema>;

export const newVirtualNetwork: Destination = { type: 'New' };
