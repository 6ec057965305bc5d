import { describe, expect, it } from 'vitest';

import {
  buildDeploymentTemplate,
  parseArmId,
  resourceIdExpression,
} from '../../../../shared/domain/translation/deployment-template';
import { translateScope } from '../../../../shared/domain/translation/translate-scope';
import {
  cloudServiceEstate,
  networkSecurityGroupEstate,
  translationInput,
  vnetEstate,
} from '../../../fixtures/translation-estates';
import { validateDeploymentTemplate } from '../../../support/arm-schema-validator';

describe('buildDeploymentTemplate', () => {
  const result = translateScope(translationInput(vnetEstate()));

  it.each(['Prod-VNet-Migrated', 'web-Migrated'])(
    'When the template of %s is built, then the envelope validates against 2019-04-01 deploymentTemplate.json and each resource against its schema',
    (group) => {
      const template = buildDeploymentTemplate(group, result.resources);
      expect(template.$schema).toBe(
        'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      );
      expect(template.contentVersion).toBe('1.0.0.0');
      expect(template.resources.length).toBeGreaterThan(0);
      expect(validateDeploymentTemplate(template)).toEqual({ valid: true, errors: [] });
    },
  );

  it('When resources depend on others in the same group, then dependsOn holds resourceId() expressions; other groups are left out', () => {
    const template = buildDeploymentTemplate('web-Migrated', result.resources);
    const nic = template.resources.find((r) => r.name === 'web1-PrimaryNic');
    expect(nic?.dependsOn).toEqual([
      "[resourceId('Microsoft.Network/loadBalancers', 'LB-web')]",
      "[resourceId('Microsoft.Network/loadBalancers', 'LB-web-Internal')]",
      "[resourceId('Microsoft.Network/publicIPAddresses', 'web1-ftp')]",
    ]);
    expect(JSON.stringify(template.resources.map((r) => r.dependsOn))).not.toContain('Prod-VNet');
  });

  it('When a child resource is in the template, then it is named <parent>/<child> and has no id', () => {
    const template = buildDeploymentTemplate('web-Migrated', result.resources);
    const extension = template.resources.find(
      (r) => r.type === 'Microsoft.Compute/virtualMachines/extensions',
    );
    expect(extension?.name).toBe('web1/CustomScriptExtension');
    expect(extension?.dependsOn).toEqual(["[resourceId('Microsoft.Compute/virtualMachines', 'web1')]"]);
    expect(template.resources.every((r) => !('id' in r))).toBe(true);
  });

  it('When a VM attaches its OS disk, then the template leaves out the osProfile ARM would refuse, and the resource keeps it', () => {
    const template = buildDeploymentTemplate('web-Migrated', result.resources);
    const vm = template.resources.find(
      (r) => r.type === 'Microsoft.Compute/virtualMachines' && r.name === 'web1',
    );
    expect(vm?.properties).toHaveProperty('storageProfile.osDisk.createOption', 'Attach');
    expect(vm?.properties).not.toHaveProperty('osProfile');
    const resource = result.resources.find(
      (r) => r.type === 'Microsoft.Compute/virtualMachines' && r.name === 'web1',
    );
    expect(resource?.properties).toHaveProperty('osProfile.computerName', '');
  });

  it('When an NSG is templated, then its read-only default rules are left out', () => {
    const nsgResult = translateScope(translationInput(networkSecurityGroupEstate()));
    const template = buildDeploymentTemplate(nsgResult.resourceGroups[0]!, nsgResult.resources);
    expect(template.resources[0]?.properties).not.toHaveProperty('defaultSecurityRules');
    expect(validateDeploymentTemplate(template).valid).toBe(true);
  });

  it('When the template is for a cloud service outside a VNet, then the new VNet is in it and NICs wait for it', () => {
    const csResult = translateScope(translationInput(cloudServiceEstate()));
    const template = buildDeploymentTemplate('shop-Migrated', csResult.resources);
    expect(template.resources.find((r) => r.name === 'shop1-PrimaryNic')?.dependsOn).toContain(
      "[resourceId('Microsoft.Network/virtualNetworks', 'VNet-shop')]",
    );
    expect(validateDeploymentTemplate(template).valid).toBe(true);
  });

  it('When a template breaks the envelope, then the validator says where', () => {
    const template = { ...buildDeploymentTemplate('web-Migrated', result.resources), contentVersion: '1.0' };
    expect(validateDeploymentTemplate(template).errors).toContain(
      'template: /contentVersion must match pattern "(^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$)"',
    );
  });

  it('When a name holds a quote, then resourceId() doubles it as ARM expressions require', () => {
    expect(
      resourceIdExpression("/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/routeTables/it's"),
    ).toBe("[resourceId('Microsoft.Network/routeTables', 'it''s')]");
    expect(
      parseArmId(
        '/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm/extensions/e',
      ),
    ).toEqual({
      type: 'Microsoft.Compute/virtualMachines/extensions',
      names: ['vm', 'e'],
    });
  });
});
