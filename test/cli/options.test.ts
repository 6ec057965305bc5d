/** Option values the CLI checks before calling the service: numbers, phases, `--scopes`, destinations, batch flags. */
import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';

import { CliError } from '../../cli/exit-codes';
import {
  batchFlagsBesideFile,
  batchPlanOf,
  destinationOf,
  phaseList,
  positiveInteger,
  scopeList,
  seconds,
} from '../../cli/options';

describe('option values', () => {
  it('When a count is a whole number of 1 or more, then it is taken; otherwise commander reports it', () => {
    expect(positiveInteger('60')).toBe(60);
    for (const bad of ['0', '-1', '1.5', 'ten', '', '1e3'])
      expect(() => positiveInteger(bad), bad).toThrow(InvalidArgumentError);
  });

  it('When an interval is given, then fractions are fine but not below 0.1 s', () => {
    expect(seconds('0.5')).toBe(0.5);
    expect(seconds('2')).toBe(2);
    for (const bad of ['0', '0.01', 'x', '']) expect(() => seconds(bad), bad).toThrow(InvalidArgumentError);
  });

  it('When phases are listed, then known ones pass in any case and unknown ones are named', () => {
    expect(phaseList('validate, Prepare,commit')).toEqual(['validate', 'prepare', 'commit']);
    expect(() => phaseList('validate,migrate')).toThrow(/Unknown phase 'migrate'/);
    expect(() => phaseList(',')).toThrow(InvalidArgumentError);
  });

  it('When --scopes uses aliases, then each pair becomes { kind (as in API paths), name }', () => {
    expect(scopeList('vnet:Prod-VNet,cs:contoso-ftp, nsg:web-nsg')).toEqual([
      { kind: 'virtualNetworks', name: 'Prod-VNet' },
      { kind: 'cloudServices', name: 'contoso-ftp' },
      { kind: 'networkSecurityGroups', name: 'web-nsg' },
    ]);
    // Only the first colon separates: a name may hold colons.
    expect(scopeList('rt:a:b')).toEqual([{ kind: 'routeTables', name: 'a:b' }]);
  });

  it('When a --scopes item has no kind, no name or an unknown kind, then it is refused with the item', () => {
    expect(() => scopeList('Prod-VNet')).toThrow(/'Prod-VNet' is not kind:name/);
    expect(() => scopeList('vnet:')).toThrow(/is not kind:name/);
    expect(() => scopeList('vm:web1')).toThrow(/'vm' \(in 'vm:web1'\) is not a scope kind/);
  });

  it('When --destination is new or existing with its three names, then the body destination follows', () => {
    expect(destinationOf({})).toBeUndefined();
    expect(destinationOf({ destination: 'new' })).toEqual({ type: 'New' });
    expect(
      destinationOf({ destination: 'existing', resourceGroup: 'net-rg', vnet: 'hub', subnet: 'apps' }),
    ).toEqual({
      type: 'Existing',
      resourceGroupName: 'net-rg',
      virtualNetworkName: 'hub',
      subnetName: 'apps',
    });
  });

  it('When destination flags do not fit together, then it is a usage error naming them', () => {
    const usage = (flags: Parameters<typeof destinationOf>[0]) => {
      try {
        destinationOf(flags);
      } catch (error) {
        expect(error).toBeInstanceOf(CliError);
        expect(error).toMatchObject({ exitCode: 2 });
        return (error as Error).message;
      }
      throw new Error('expected a usage error');
    };
    expect(usage({ destination: 'existing', vnet: 'hub' })).toMatch(/needs --resource-group, --subnet/);
    expect(usage({ vnet: 'hub' })).toMatch(/--vnet need --destination existing/);
    expect(usage({ destination: 'new', subnet: 'apps' })).toMatch(/--subnet go with --destination existing/);
  });

  it('When a batch is described by flags, then the body is the POST /api/batches plan', () => {
    const now = new Date('2026-12-06T01:02:03.456Z');
    expect(
      batchPlanOf(
        {
          name: 'wave 1',
          scopes: [{ kind: 'virtualNetworks', name: 'Prod-VNet' }],
          phases: ['validate', 'prepare'],
          start: '2026-12-07T01:00',
          duration: 60,
          timeZone: 'Europe/Paris',
          recurEvery: 'Day',
          maxConcurrent: 2,
          autoCommit: true,
          onFailure: 'continue',
        },
        now,
      ),
    ).toEqual({
      name: 'wave 1',
      scopes: [{ kind: 'virtualNetworks', name: 'Prod-VNet' }],
      phases: ['validate', 'prepare'],
      window: { start: '2026-12-07T01:00', durationMinutes: 60, timeZone: 'Europe/Paris', recurEvery: 'Day' },
      maxConcurrent: 2,
      onFailure: 'continue',
      autoCommit: true,
    });
    expect(
      batchPlanOf({ name: 'n', scopes: [], phases: ['validate'], start: 'now', duration: 30 }, now).window,
    ).toEqual({ start: '2026-12-06T01:02:03Z', durationMinutes: 30 });
  });

  it('When batch flags are missing, or given beside --file, then it is a usage error naming them', () => {
    expect(() => batchPlanOf({ name: 'n', duration: 5 }, new Date())).toThrow(
      /needs --file plan\.json, or --scopes, --phases, --start \(missing\)/,
    );
    expect(batchFlagsBesideFile({ name: 'n', autoCommit: true })).toEqual(['--name', '--auto-commit']);
    expect(batchFlagsBesideFile({})).toEqual([]);
  });
});
