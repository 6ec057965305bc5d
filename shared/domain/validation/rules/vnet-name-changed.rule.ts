/**
 * A virtual network or subnet whose Classic name ARM does not accept (spaces, quotes and other characters
 * outside letters, digits and `_ . -`:
 * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftnetwork)
 * migrates under another name, which the warning states: the name the translation plans when it is known
 * (it follows the naming policy), else the default naming's (`my subnet` → `my-subnet`). The plan lists
 * the same renames. Scripts and templates that name the subnet must follow. Ours.
 */
import { scopeSubject } from '../support/scope-subjects';
import { vnetObjectNames } from '../support/vnet-names';
import { gaOnly } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vnetNameChangedRule = defineRule(
  {
    code: 'VNET_NAME_CHANGED',
    title: 'Virtual network or subnet renamed',
    severity: 'Warning',
    stage: 'classic',
    scopeKinds: ['virtualNetwork'],
    profiles: gaOnly,
    messageTemplate:
      'The name of {resource-kind} {resource-name} is not valid in Azure Resource Manager; it will be renamed to {arm-name}.',
    azureText: false,
    recommendation:
      'Nothing blocks the migration. Update scripts, templates and documentation that use the old name, or choose the new name with a naming override before Prepare.',
    sources: ['D1', 'D6', 'D9'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'virtualNetwork') return [];
    const vnet = context.contents.virtualNetwork;
    return vnetObjectNames(vnet, context.plannedResources)
      .filter((object) => object.armName !== object.classicName)
      .map((object) =>
        report(scopeSubject(context), {
          'resource-kind': object.kind,
          'resource-name': object.classicName,
          'arm-name': object.armName,
        }),
      );
  },
);
