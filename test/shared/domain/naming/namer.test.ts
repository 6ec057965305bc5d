import { describe, expect, it } from 'vitest';

import { createNamer } from '../../../../shared/domain/naming/namer';
import { namingPolicySchema } from '../../../../shared/domain/naming/naming-policy';

const cs = '/subscriptions/s/resourceGroups/web/providers/Microsoft.ClassicCompute/domainNames/web';

describe('createNamer', () => {
  it('When no policy is given, then Azure-documented and our default names are used', () => {
    const namer = createNamer(namingPolicySchema.parse({}));
    expect(
      namer.nameOf({ kind: 'cloudServiceResourceGroup', classicId: cs, tokens: { cloudService: 'web' } }),
    ).toBe('web-Migrated');
    expect(namer.nameOf({ kind: 'loadBalancer', classicId: cs, tokens: { cloudService: 'web' } })).toBe(
      'LB-web',
    );
    expect(
      namer.nameOf({ kind: 'virtualNetworkGateway', classicId: 'v', tokens: { vnet: 'Group rg vnet' } }),
    ).toBe('Group-rg-vnet-Default-Gateway');
    expect(namer.errors).toEqual([]);
  });

  it('When a kind has a template, then its tokens are filled with sanitised values', () => {
    const namer = createNamer(namingPolicySchema.parse({ templates: { loadBalancer: '{cloudService}-lb' } }));
    expect(namer.nameOf({ kind: 'loadBalancer', classicId: cs, tokens: { cloudService: 'my web' } })).toBe(
      'my-web-lb',
    );
  });

  it('When an override names the object key or the principal Classic id, then it wins over templates', () => {
    const namer = createNamer(
      namingPolicySchema.parse({
        templates: { virtualMachine: 'x-{vm}' },
        overrides: { [`${cs}#LOADBALANCER`]: 'front-door', [`${cs}/vms/vm1`.toUpperCase()]: 'app-01' },
      }),
    );
    expect(namer.nameOf({ kind: 'loadBalancer', classicId: cs, tokens: {} })).toBe('front-door');
    expect(
      namer.nameOf({
        kind: 'virtualMachine',
        classicId: `${cs}/vms/vm1`,
        principal: true,
        tokens: { vm: 'vm1' },
      }),
    ).toBe('app-01');
    expect(
      namer.nameOf({ kind: 'primaryNetworkInterface', classicId: `${cs}/vms/vm1`, tokens: { vm: 'vm1' } }),
    ).toBe('vm1-PrimaryNic');
  });

  it('When a template uses a token the object does not offer, then NAME_TEMPLATE_UNKNOWN_TOKEN is returned, not thrown', () => {
    const namer = createNamer(
      namingPolicySchema.parse({ templates: { storageAccount: '{vm}{storageAccount}' } }),
    );
    expect(
      namer.nameOf({ kind: 'storageAccount', classicId: 'sa', tokens: { storageAccount: 'logs' } }),
    ).toBe('logs');
    expect(namer.errors).toEqual([
      expect.objectContaining({
        code: 'NAME_TEMPLATE_UNKNOWN_TOKEN',
        object: 'sa#storageAccount',
        proposedName: '{vm}{storageAccount}',
      }),
    ]);
  });

  it('When a user template gives an invalid name, then NAME_INVALID carries the object, the name and the rule', () => {
    const namer = createNamer(
      namingPolicySchema.parse({ templates: { keyVault: 'vault-for-{cloudService}-certificates' } }),
    );
    const name = namer.nameOf({ kind: 'keyVault', classicId: cs, tokens: { cloudService: 'web' } });
    expect(name).toBe('vault-for-web-certificates');
    expect(namer.errors).toEqual([
      {
        code: 'NAME_INVALID',
        message: expect.stringContaining('26 characters'),
        object: `${cs}#keyVault`,
        proposedName: 'vault-for-web-certificates',
        rule: expect.stringContaining('Microsoft.KeyVault/vaults: 3-24 characters'),
      },
    ]);
  });

  it('When the same object is named twice, then it gets the same name and one error at most', () => {
    const namer = createNamer(namingPolicySchema.parse({ overrides: { 'x#virtualMachine': 'bad name' } }));
    const request = { kind: 'virtualMachine' as const, classicId: 'x', tokens: {} };
    expect(namer.nameOf(request)).toBe(namer.nameOf(request));
    expect(namer.errors).toHaveLength(1);
  });
});
