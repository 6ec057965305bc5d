/**
 * A planned network interface keeps a private address that an existing ARM interface in the same subnet
 * already holds — possible when a cloud service lands in an existing VNet (`Existing` destination, D6).
 * Not in Azure's lists; ours, an ARM-side check. Same contract as ARM_RESOURCE_ALREADY_EXISTS: `existingArm` leaves out what this
 * scope's own earlier Prepare created; an interface with the same ID is never its own conflict.
 */
import { nicAddressesOf } from '../support/arm-nic-addresses';
import { scopeSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const armPrivateIpConflictRule = defineRule(
  {
    code: 'ARM_PRIVATE_IP_CONFLICT',
    title: 'Private IP already used in the ARM subnet',
    severity: 'Error',
    stage: 'preflight',
    scopeKinds: ['virtualNetwork', 'cloudService'],
    profiles: allProfiles,
    messageTemplate:
      'Migration would give network interface {nic-name} private IP address {ip-address} in subnet {subnet-id}, which network interface {existing-nic-name} already uses.',
    azureText: false,
    recommendation:
      'Free the address in the destination subnet (or choose another subnet or a new virtual network), then retry Prepare.',
    sources: ['D1'],
  },
  (context, report) => {
    const existing = context.existingArm;
    const planned = context.plannedResources;
    if (existing === undefined || planned === undefined) return [];
    const taken = nicAddressesOf(existing.resources);
    return nicAddressesOf(planned).flatMap((plannedAddress) =>
      taken
        .filter(
          (held) =>
            held.nic.id.toLowerCase() !== plannedAddress.nic.id.toLowerCase() &&
            held.subnetId.toLowerCase() === plannedAddress.subnetId.toLowerCase() &&
            held.address === plannedAddress.address,
        )
        .map((held) =>
          report(scopeSubject(context), {
            'nic-name': plannedAddress.nic.name,
            'ip-address': plannedAddress.address,
            'subnet-id': plannedAddress.subnetId,
            'existing-nic-name': held.nic.name,
          }),
        ),
    );
  },
);
