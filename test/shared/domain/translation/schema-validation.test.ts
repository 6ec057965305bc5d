import { describe, expect, it } from 'vitest';

import { apiVersions } from '../../../../shared/domain/translation/api-versions';
import { translateScope, type TranslationInput } from '../../../../shared/domain/translation/translate-scope';
import {
  cloudServiceEstate,
  existingArmVnet,
  existingDestination,
  networkSecurityGroupEstate,
  reservedIpEstate,
  routeTableEstate,
  storageAccountEstate,
  translationInput,
  vnetEstate,
} from '../../../fixtures/translation-estates';
import { knownResourceSchemas, validateArmResource } from '../../../support/arm-schema-validator';

const estates: [string, () => TranslationInput][] = [
  [
    'a VNet with gateway, local sites, NSG, route table, multi-NIC VMs, certificates, WinRM and extensions',
    () => translationInput(vnetEstate()),
  ],
  [
    'a cloud service outside a VNet (New) with a reserved IP, endpoint sets and probes',
    () => translationInput(cloudServiceEstate()),
  ],
  [
    'a cloud service outside a VNet (Existing)',
    () =>
      translationInput(cloudServiceEstate(), {
        destination: existingDestination,
        existingArm: { resources: [existingArmVnet()] },
      }),
  ],
  ['a storage account', () => translationInput(storageAccountEstate())],
  ['a reserved IP', () => translationInput(reservedIpEstate())],
  ['an NSG', () => translationInput(networkSecurityGroupEstate())],
  ['a route table', () => translationInput(routeTableEstate())],
];

describe('generated resources against the official ARM schemas', () => {
  it('When the validator loads the schema fixtures, then every generated type and API version has a schema', () => {
    const known = knownResourceSchemas();
    for (const [type, apiVersion] of Object.entries(apiVersions))
      expect(known).toContain(`${type.toLowerCase()}@${apiVersion}`);
  });

  it.each(estates)(
    'When %s is translated, then every resource validates against its schema',
    (_label, input) => {
      const result = translateScope(input());
      expect(result.resources.length).toBeGreaterThan(0);
      for (const resource of result.resources)
        expect(validateArmResource(resource).errors, `${resource.type} ${resource.name}`).toEqual([]);
    },
  );

  it('When a resource breaks its schema, then the validator reports the property path', () => {
    const vm = translateScope(translationInput(vnetEstate())).resources.find(
      (r) => r.type === 'Microsoft.Compute/virtualMachines',
    )!;
    const broken = structuredClone(vm);
    (broken.properties['storageProfile'] as { osDisk: { caching: string } }).osDisk.caching = 'readwrite';
    expect(validateArmResource(broken)).toEqual({
      valid: false,
      errors: [
        '/properties/storageProfile/osDisk/caching must be equal to one of the allowed values (None, ReadOnly, ReadWrite)',
      ],
    });
    (broken.properties['hardwareProfile'] as { vmSize: string }).vmSize = 'Small';
    expect(validateArmResource(broken).errors).toEqual([
      expect.stringMatching(
        /^\/properties\/hardwareProfile\/vmSize must be equal to one of the allowed values \(Basic_A0, /,
      ),
      '/properties/storageProfile/osDisk/caching must be equal to one of the allowed values (None, ReadOnly, ReadWrite)',
    ]);
  });

  it('When a resource type has no schema in the fixtures, then validation fails saying so', () => {
    expect(validateArmResource({ type: 'Microsoft.Web/sites', apiVersion: '2016-08-01' })).toEqual({
      valid: false,
      errors: ['no schema for Microsoft.Web/sites@2016-08-01'],
    });
  });
});
