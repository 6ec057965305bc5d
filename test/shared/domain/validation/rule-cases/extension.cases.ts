/** Cases for the VM extension rules (H5 #5–#9, D2, D3). */
import type {
  ResourceExtensionReference,
  RoleInstance,
} from '../../../../../shared/domain/classic/compute.schema';
import { anExtension, aRoleInstance } from '../../../../fixtures/classic-builders';
import { aVm, cloudServiceEstate, cloudServiceInput, onVm } from './estate';
import type { RuleCaseTable } from './rule-case';

/** One VM `vm1` with the extensions; its instance as given (Running, agent Ready, no status by default). */
const vmWith = (extensions: ResourceExtensionReference[], instance: Partial<RoleInstance> = {}) =>
  cloudServiceInput(
    cloudServiceEstate({
      roles: [aVm('vm1', { extensions })],
      roleInstances: [aRoleInstance({ roleName: 'vm1', ...instance })],
    }),
  );

const ready = (handlerName: string, status = 'Ready') => ({ extensionStatuses: [{ handlerName, status }] });

const siteRecoveryAgent = anExtension({
  publisher: 'Microsoft.Azure.RecoveryServices.SiteRecovery',
  name: 'WindowsAgent',
});
const siteRecoveryHandler = 'Microsoft.Azure.RecoveryServices.SiteRecovery.WindowsAgent';

const bgInfo1 = anExtension({ publisher: 'Microsoft.Compute', name: 'BGInfo', version: '1.*' });
const bgInfo2 = anExtension({ publisher: 'Microsoft.Compute', name: 'BGInfo', version: '2.1' });
const remoteDebug = anExtension({
  publisher: 'Microsoft.VisualStudio.WindowsAzure.RemoteDebug',
  name: 'RemoteDebugVS2013',
});
const vsDebugger = anExtension({
  publisher: 'Microsoft.VisualStudio.WindowsAzure.RemoteDebug',
  name: 'VS2013Debugger',
});
const webDeploy = anExtension({
  publisher: 'Microsoft.VisualStudio.WindowsAzure.DevTest',
  name: 'WebDeployForVSDevTest',
});
const customScript = anExtension();
const snapshot = anExtension({ publisher: 'Microsoft.Azure.RecoveryServices', name: 'VMSnapshot' });

const xmlMessage = (name: string) =>
  `VM vm1 in HostedService svc1 contains Extension ${name} which is not supported in Azure Resource Manager. It is recommended to uninstall it from the VM before continuing with migration.`;

export const extensionCases = {
  VM_XML_EXTENSION: {
    positive: [
      {
        when: 'a VM has BGInfo 1.*',
        input: () => vmWith([bgInfo1]),
        expected: [onVm('vm1', xmlMessage('BGInfo'))],
      },
      {
        when: 'a VM has Remote Debugging, the Visual Studio Debugger and Web Deploy',
        input: () => vmWith([webDeploy, vsDebugger, remoteDebug]),
        expected: [
          onVm('vm1', xmlMessage('RemoteDebugVS2013')),
          onVm('vm1', xmlMessage('VS2013Debugger')),
          onVm('vm1', xmlMessage('WebDeployForVSDevTest')),
        ],
      },
      {
        when: 'the profile is the 2016 preview, which asked for removal',
        input: () => vmWith([vsDebugger]),
        profile: 'preview-2016',
        expected: [{ ...onVm('vm1', xmlMessage('VS2013Debugger')), severity: 'Error' }],
      },
    ],
    negative: [
      {
        when: 'a VM has the JSON BGInfo 2.x',
        input: () => vmWith([bgInfo2], ready('Microsoft.Compute.BGInfo')),
      },
      {
        when: 'the profile is the 2016 preview, which did not list BGInfo 1.*',
        input: () => vmWith([bgInfo1], ready('Microsoft.Compute.BGInfo')),
        profile: 'preview-2016',
      },
      {
        when: 'the XML extension is being uninstalled',
        input: () => vmWith([{ ...remoteDebug, state: 'Uninstall' }]),
      },
    ],
  },
  VM_SNAPSHOT_EXTENSION: {
    positive: [
      {
        when: 'a VM has the VMSnapshot extension',
        input: () => vmWith([snapshot]),
        expected: [
          onVm(
            'vm1',
            'VM vm1 in HostedService svc1 contains Extension VMSnapshot/VMSnapshotLinux which is currently not supported for Migration. Uninstall it from the VM and add it back using Azure Resource Manager after the Migration is Complete',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the VMSnapshot extension is being uninstalled',
        input: () => vmWith([{ ...snapshot, state: 'Uninstall' }]),
      },
    ],
  },
  VM_EXTENSION_STATUS_NOT_REPORTED: {
    positive: [
      {
        when: 'a running VM reports no status for its extension',
        input: () => vmWith([customScript]),
        expected: [
          onVm(
            'vm1',
            'VM vm1 in HostedService svc1 contains Extension CustomScriptExtension whose Status is not being reported from the VM. Hence, this VM cannot be migrated. Ensure that the Extension status is being reported or uninstall the extension from the VM and retry migration.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the status is reported under the handler name in another letter case',
        input: () => vmWith([customScript], ready('microsoft.compute.customscriptextension')),
      },
      {
        when: 'the VM is stopped-deallocated (no agent to report)',
        input: () => vmWith([customScript], { instanceStatus: 'StoppedDeallocated' }),
      },
      { when: 'the only extension is an XML one (dropped)', input: () => vmWith([remoteDebug]) },
    ],
  },
  VM_EXTENSION_HANDLER_NOT_READY: {
    positive: [
      {
        when: "an extension's handler reports NotReady",
        input: () => vmWith([customScript], ready('Microsoft.Compute.CustomScriptExtension', 'NotReady')),
        expected: [
          onVm(
            'vm1',
            'VM vm1 in HostedService svc1 contains Extension CustomScriptExtension reporting Handler Status: NotReady. Hence, the VM cannot be migrated. Ensure that the Extension handler status being reported is Ready or uninstall it from the VM and retry migration.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: "the extension's handler reports Ready",
        input: () => vmWith([customScript], ready('Microsoft.Compute.CustomScriptExtension')),
      },
    ],
  },
  VM_AGENT_NOT_READY: {
    positive: [
      {
        when: 'the agent is NotReady on a VM with a migratable extension',
        input: () =>
          vmWith([customScript], {
            guestAgentStatus: 'NotReady',
            ...ready('Microsoft.Compute.CustomScriptExtension'),
          }),
        expected: [
          onVm(
            'vm1',
            'VM Agent for VM vm1 in HostedService svc1 is reporting the overall agent status as Not Ready. Hence, the VM may not be migrated, if it has a migratable extension. Ensure that the VM Agent is reporting overall agent status as Ready. Refer to https://aka.ms/classiciaasmigrationfaqs.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the agent is NotReady but the only extension is an XML one',
        input: () => vmWith([bgInfo1], { guestAgentStatus: 'NotReady' }),
      },
      {
        when: 'the agent is NotReady on a VM without extensions',
        input: () => vmWith([], { guestAgentStatus: 'NotReady' }),
      },
    ],
  },
  VM_DEFENDER_FOR_CLOUD_EXTENSION: {
    positive: [
      {
        when: 'a VM has the Security Center monitoring agent',
        input: () =>
          vmWith([
            anExtension({
              publisher: 'Microsoft.Azure.Security.Monitoring',
              name: 'AzureSecurityWindowsAgent',
            }),
          ]),
        expected: [
          onVm(
            'vm1',
            'VM vm1 in HostedService svc1 contains Extension AzureSecurityWindowsAgent of Microsoft Defender for Cloud which is not supported for Migration.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'a VM has the antimalware extension of the same publisher family',
        input: () =>
          vmWith(
            [anExtension({ publisher: 'Microsoft.Azure.Security', name: 'IaaSAntimalware' })],
            ready('Microsoft.Azure.Security.IaaSAntimalware'),
          ),
      },
    ],
  },
  VM_SITE_RECOVERY_EXTENSION: {
    positive: [
      {
        when: 'a VM has the Site Recovery mobility agent',
        input: () =>
          vmWith(
            [
              anExtension({
                publisher: 'Microsoft.Azure.RecoveryServices.SiteRecovery',
                name: 'WindowsAgent',
              }),
            ],
            ready('Microsoft.Azure.RecoveryServices.SiteRecovery.WindowsAgent'),
          ),
        expected: [
          onVm(
            'vm1',
            'VM vm1 in HostedService svc1 contains Extension WindowsAgent of Azure Site Recovery. The VM and its storage will be migrated, but replication will not.',
          ),
        ],
      },
    ],
    negative: [
      { when: "a VM has Azure Backup's snapshot extension instead", input: () => vmWith([snapshot]) },
      {
        when: 'the profile is the 2016 preview, which refuses the VM instead (VM_SITE_RECOVERY_NOT_SUPPORTED)',
        input: () => vmWith([siteRecoveryAgent], ready(siteRecoveryHandler)),
        profile: 'preview-2016',
      },
    ],
  },
  VM_SITE_RECOVERY_NOT_SUPPORTED: {
    positive: [
      {
        when: 'the 2016 preview validates a VM with the Site Recovery mobility agent',
        input: () => vmWith([siteRecoveryAgent], ready(siteRecoveryHandler)),
        profile: 'preview-2016',
        expected: [
          onVm(
            'vm1',
            'Migration is not supported for VM vm1 in HostedService svc1 because it is protected by Azure Site Recovery (Extension WindowsAgent).',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the final platform validates the same VM (it warns instead)',
        input: () => vmWith([siteRecoveryAgent], ready(siteRecoveryHandler)),
      },
      {
        when: 'the 2016 preview validates a VM whose Site Recovery agent is being uninstalled',
        input: () => vmWith([{ ...siteRecoveryAgent, state: 'Uninstall' }]),
        profile: 'preview-2016',
      },
    ],
  },
} satisfies RuleCaseTable;
