import { describe, expect, it } from 'vitest';

import {
  type FilterableResource,
  filtersOnTags,
  matchesResourceFilter,
  parseResourceFilter,
  parseScaleSetFilter,
} from '../../../../shared/domain/arm/resource-filter';

const resources: FilterableResource[] = [
  {
    name: 'web1',
    type: 'Microsoft.Compute/virtualMachines',
    location: 'westeurope',
    resourceGroup: 'web-Migrated',
  },
  {
    name: 'web1-PrimaryNic',
    type: 'Microsoft.Network/networkInterfaces',
    location: 'westeurope',
    resourceGroup: 'web-Migrated',
    tags: { Owner: 'ops', env: 'prod' },
  },
  {
    name: 'app1',
    type: 'Microsoft.Compute/virtualMachines',
    location: 'northeurope',
    resourceGroup: 'app-Migrated',
  },
  {
    name: 'Prod-VNet',
    type: 'Microsoft.Network/virtualNetworks',
    location: 'westeurope',
    resourceGroup: 'Prod-VNet-Migrated',
  },
];

function namesMatching(text: string): string[] {
  const parsed = parseResourceFilter(text);
  if (!parsed.ok) throw new Error(`refused: ${parsed.reason}`);
  return resources.filter((resource) => matchesResourceFilter(parsed.filter, resource)).map((r) => r.name);
}

describe('the generic resource list $filter', () => {
  it.each([
    ["resourceType eq 'Microsoft.Network/networkInterfaces'", ['web1-PrimaryNic']],
    ["resourcetype eq 'microsoft.compute/VIRTUALMACHINES'", ['web1', 'app1']],
    ["resourceGroup eq 'web-migrated'", ['web1', 'web1-PrimaryNic']],
    ["name eq 'APP1'", ['app1']],
    ["name ne 'app1'", ['web1', 'web1-PrimaryNic', 'Prod-VNet']],
    ["location eq 'northeurope'", ['app1']],
    ["substringof('web1', name)", ['web1', 'web1-PrimaryNic']],
    ["substringof('VNET', resourceGroup)", ['Prod-VNet']],
    ["resourceType eq 'Microsoft.Compute/virtualMachines' and resourceGroup eq 'web-Migrated'", ['web1']],
    ["substringof('web', name) and substringof('nic', name)", ['web1-PrimaryNic']],
    ["name eq 'app1' or name eq 'Prod-VNet'", ['app1', 'Prod-VNet']],
    [
      "resourceType eq 'Microsoft.Compute/virtualMachines' and (location eq 'northeurope' or name eq 'web1')",
      ['web1', 'app1'],
    ],
    ["name eq 'x' or resourceGroup eq 'app-Migrated' and location eq 'northeurope'", ['app1']],
    ["tagName eq 'owner'", ['web1-PrimaryNic']],
    ["tagName eq 'Owner' and tagValue eq 'OPS'", ['web1-PrimaryNic']],
    ["tagName eq 'Owner' and tagValue eq 'prod'", []],
    ["startswith(tagName, 'en')", ['web1-PrimaryNic']],
    ["name eq 'O''Brien'", []],
  ])('When the filter is %s, then exactly the matching resources pass', (text, expected) => {
    expect(namesMatching(text)).toEqual(expected);
  });

  it.each([
    ['resourceType eq Microsoft.Network/networkInterfaces'],
    ["identity eq 'x'"],
    ["plan/publisher eq 'x'"],
    ["startswith(resourceType, 'Microsoft.Storage')"],
    ["substringof('x', location)"],
    ["tagValue eq 'prod'"],
    ["tagName ne 'x'"],
    ["name gt 'a'"],
    ["name eq 'a' and"],
    ["(name eq 'a'"],
    ["name eq 'unterminated"],
    ['resourceType eq "Microsoft.Network/virtualNetworks"'],
    ["$filter=resourceType eq 'Microsoft.EventGrid/systemTopics'"],
    ['   '],
  ])('When the filter is %s, then it is refused with a reason rather than ignored', (text) => {
    const parsed = parseResourceFilter(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).not.toBe('');
  });

  it('When a filter names tags, then it says so (ARM then leaves tags out of the results); otherwise not', () => {
    const tagged = parseResourceFilter("resourceGroup eq 'a' or tagName eq 'b' and tagValue eq 'c'");
    const untagged = parseResourceFilter("resourceGroup eq 'a'");
    expect(tagged.ok && filtersOnTags(tagged.filter)).toBe(true);
    expect(untagged.ok && filtersOnTags(untagged.filter)).toBe(false);
  });
});

describe('the VM lists $filter', () => {
  it('When the filter is the scale-set form, with or without quotes around the property, then its ID comes back', () => {
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/ss';
    expect(parseScaleSetFilter(`'virtualMachineScaleSet/id' eq '${id}'`)).toBe(id);
    expect(parseScaleSetFilter(`virtualMachineScaleSet/id eq '${id}'`)).toBe(id);
    expect(parseScaleSetFilter("name eq 'web1'")).toBeUndefined();
  });
});
