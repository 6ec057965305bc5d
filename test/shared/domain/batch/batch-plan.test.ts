/** Phase lists, selectors and run reports of batch plans. */
import { describe, expect, it } from 'vitest';

import { type Batch, pendingItem, phaseProblems } from '../../../../shared/domain/batch/batch-plan';
import { batchReport } from '../../../../shared/domain/batch/batch-report';
import { selectScopes } from '../../../../shared/domain/batch/batch-selector';
import { parseMaintenanceWindow } from '../../../../shared/domain/batch/maintenance-window';
import type { Finding } from '../../../../shared/domain/validation/finding';

describe('phaseProblems', () => {
  it.each([
    [['validate']],
    [['validate', 'prepare']],
    [['prepare', 'commit']],
    [['validate', 'prepare', 'commit']],
    [['commit']],
    [['abort']],
  ] as const)('When the phases are %j, then they are accepted', (phases) =>
    expect(phaseProblems([...phases])).toEqual([]),
  );

  it.each([
    [[], 'at least one'],
    [['prepare', 'validate'], 'order'],
    [['validate', 'validate'], 'twice'],
    [['prepare', 'abort'], 'abort runs alone'],
    [['validate', 'commit'], 'needs prepare'],
  ] as const)('When the phases are %j, then the problem says %s', (phases, text) => {
    expect(phaseProblems([...phases]).join(' ')).toContain(text);
  });
});

describe('selectScopes', () => {
  const estate = [
    { kind: 'virtualNetwork' as const, name: 'Prod-VNet', location: 'West Europe', state: 'None' as const },
    { kind: 'virtualNetwork' as const, name: 'Dev-VNet', location: 'westeurope', state: 'Prepared' as const },
    { kind: 'cloudService' as const, name: 'prod-web', location: 'North Europe', state: 'None' as const },
  ];

  it('When a selector names a kind, a pattern, a region and a state, then only scopes matching all are chosen', () => {
    expect(selectScopes(estate, { namePattern: 'prod-*' }).map((s) => s.name)).toEqual([
      'prod-web',
      'Prod-VNet',
    ]);
    expect(
      selectScopes(estate, { kind: 'virtualNetwork', location: 'WestEurope' }).map((s) => s.name),
    ).toEqual(['Dev-VNet', 'Prod-VNet']);
    expect(selectScopes(estate, { state: 'Prepared' }).map((s) => s.name)).toEqual(['Dev-VNet']);
    expect(selectScopes(estate, { namePattern: '?ev-VNet' }).map((s) => s.name)).toEqual(['Dev-VNet']);
    expect(selectScopes(estate, { namePattern: 'Prod.VNet' })).toEqual([]);
  });

  it('When the selector is empty, then every scope is chosen, sorted by kind and name', () => {
    expect(selectScopes(estate, {}).map((s) => s.name)).toEqual(['prod-web', 'Dev-VNet', 'Prod-VNet']);
  });
});

describe('batchReport', () => {
  const finding = (code: string, severity: Finding['severity']): Finding =>
    ({ code, severity, message: `${code} message` }) as Finding;

  it('When a run ends, then the report counts states and statuses and lists each finding code with its scopes', () => {
    const window = parseMaintenanceWindow({ start: '2026-12-12T01:00', durationMinutes: 60 });
    if (!window.ok) throw new Error('window');
    const batch: Batch = {
      plan: {
        batchId: 'n',
        subscriptionId: 'sub',
        name: 'nightly',
        target: { selector: {} },
        phases: ['validate'],
        window: window.value,
        windowInput: { start: '2026-12-12T01:00', durationMinutes: 60 },
        maxConcurrent: 2,
        onFailure: 'continue',
        abortOnFailure: false,
        autoCommit: false,
        repeat: true,
        includePreflight: true,
        createdBy: 'alice',
        createdAt: '2026-12-01T00:00:00Z',
      },
      run: {
        status: 'Succeeded',
        run: 3,
        items: [
          { ...pendingItem({ kind: 'virtualNetwork', name: 'a' }, 'None'), status: 'Blocked' },
          { ...pendingItem({ kind: 'virtualNetwork', name: 'b' }, 'None'), status: 'Succeeded' },
          { ...pendingItem({ kind: 'cloudService', name: 'c' }, 'Prepared'), status: 'Succeeded' },
        ],
      },
    };
    const report = batchReport(batch, [
      {
        itemIndex: 0,
        findings: [finding('VM_EXT_X', 'Warning'), finding('VNET_GW', 'Error'), finding('VNET_GW', 'Error')],
        omitted: 0,
      },
      { itemIndex: 1, findings: [finding('VM_EXT_X', 'Warning')], omitted: 3 },
    ]);
    expect(report).toMatchObject({
      run: 3,
      scopes: 3,
      byState: { None: 2, Prepared: 1 },
      byStatus: { Blocked: 1, Succeeded: 2 },
      findingsOmitted: 3,
    });
    expect(report.findings).toEqual([
      {
        code: 'VNET_GW',
        severity: 'Error',
        example: 'VNET_GW message',
        scopes: [{ kind: 'virtualNetwork', name: 'a', count: 2 }],
      },
      {
        code: 'VM_EXT_X',
        severity: 'Warning',
        example: 'VM_EXT_X message',
        scopes: [
          { kind: 'virtualNetwork', name: 'a', count: 1 },
          { kind: 'virtualNetwork', name: 'b', count: 1 },
        ],
      },
    ]);
  });
});
