/** Endpoint ACLs are not supported (D2, H1, H2); remove them and retry. Azure's text is not published; ours. */
import { virtualMachinesOfScope, vmSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vmEndpointAclRule = defineRule(
  {
    code: 'VM_ENDPOINT_ACL',
    title: 'Endpoint access control list',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['cloudService', 'virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for VM {vm-name} in HostedService {hosted-service-name} because its Endpoint {endpoint-name} has an access control list.',
    azureText: false,
    recommendation:
      'Remove the endpoint ACL and retry; after migration, express the same rules with a network security group.',
    sources: ['D2', 'H1', 'H2'],
  },
  ({ contents }, report) =>
    virtualMachinesOfScope(contents).flatMap((vm) =>
      vm.role.network.inputEndpoints
        .filter((endpoint) => endpoint.acl.length > 0)
        .map((endpoint) =>
          report(vmSubject(vm), {
            'vm-name': vm.role.name,
            'hosted-service-name': vm.cloudService.name,
            'endpoint-name': endpoint.name,
          }),
        ),
    ),
);
