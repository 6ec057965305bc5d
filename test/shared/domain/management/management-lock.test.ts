import { describe, expect, it } from 'vitest';

import {
  lockRefusal,
  resourceBeingMigrated,
  resourceLockTarget,
  vmLockTarget,
  vmOperationsDisallowed,
} from '../../../../shared/domain/management/management-lock';
import { type MigrationState, migrationStates } from '../../../../shared/domain/migration/migration-state';
import type { ScopeTarget } from '../../../../shared/domain/scope/covering-scope';

describe('management-lock', () => {
  it.each([
    [
      'cloudService',
      'web01',
      'HostedService web01 is in the process of being migrated and hence cannot be changed',
    ],
    [
      'virtualNetwork',
      'Group rg vnet',
      'Virtual Network Group rg vnet is in the process of being migrated and hence cannot be changed',
    ],
    [
      'storageAccount',
      'store1',
      'Storage account store1 is in the process of being migrated and hence cannot be changed',
    ],
    ['reservedIp', 'rip1', 'ReservedIP rip1 is in the process of being migrated and hence cannot be changed'],
    [
      'networkSecurityGroup',
      'nsg1',
      'NetworkSecurityGroup nsg1 is in the process of being migrated and hence cannot be changed',
    ],
    ['routeTable', 'rt1', 'RouteTable rt1 is in the process of being migrated and hence cannot be changed'],
  ] as const)(
    'When a %s is under migration, then the refusal names it with the noun of its kind',
    (kind, name, text) => {
      expect(resourceBeingMigrated(kind, name)).toEqual({
        httpStatus: 409,
        code: 'ConflictError',
        message: text,
      });
    },
  );

  it('When a VM operation is refused, then the text is the documented VM text', () => {
    expect(vmOperationsDisallowed.message).toBe(
      'Management operations on VM are disallowed because migration is in progress',
    );
  });

  const vnet: ScopeTarget = { kind: 'virtualNetwork', name: 'corp' };
  const locked = new Set<MigrationState>(migrationStates.filter((s) => s !== 'None' && s !== 'Committed'));

  it.each(migrationStates)(
    'When the covering scope is %s, then the write is refused exactly while the scope is locked',
    (state) => {
      const refusal = lockRefusal([vmLockTarget(vnet)], () => state);
      expect(refusal === undefined).toBe(!locked.has(state));
    },
  );

  it('When no scope ever had an operation, then nothing is refused', () => {
    expect(lockRefusal([vmLockTarget(vnet)], () => undefined)).toBeUndefined();
  });

  it('When several targets are locked, then the first listed decides the text', () => {
    const targets = [
      resourceLockTarget('cloudService', 'svc', { kind: 'cloudService', name: 'svc' }),
      resourceLockTarget('virtualNetwork', 'corp', vnet),
    ];
    expect(lockRefusal(targets, () => 'Prepared')?.message).toMatch(/^HostedService svc /);
    expect(
      lockRefusal(targets, (scope) => (scope.kind === 'virtualNetwork' ? 'Preparing' : undefined))?.message,
    ).toMatch(/^Virtual Network corp /);
  });
});
