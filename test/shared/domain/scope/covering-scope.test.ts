import { describe, expect, it } from 'vitest';

import {
  scopeCoveringCloudService,
  scopeCoveringDeployment,
  scopeTargetKey,
} from '../../../../shared/domain/scope/covering-scope';
import { aCloudService, aDeployment } from '../../../fixtures/classic-builders';

describe('covering-scope', () => {
  it('When a deployment is in a VNet, then the VNet scope covers it', () => {
    expect(scopeCoveringDeployment('svc', aDeployment({ virtualNetworkName: 'corp' }))).toEqual({
      kind: 'virtualNetwork',
      name: 'corp',
    });
  });

  it('When a deployment is not in a VNet, then its cloud service scope covers it', () => {
    expect(scopeCoveringDeployment('svc', aDeployment())).toEqual({ kind: 'cloudService', name: 'svc' });
  });

  it('When a cloud service has no deployment, then its own scope covers it', () => {
    expect(scopeCoveringCloudService(aCloudService({ name: 'empty', deployments: [] }))).toEqual({
      kind: 'cloudService',
      name: 'empty',
    });
  });

  it('When two spellings name one scope, then they share a key', () => {
    expect(scopeTargetKey({ kind: 'virtualNetwork', name: 'Corp' })).toBe(
      scopeTargetKey({ kind: 'virtualNetwork', name: 'corp' }),
    );
  });
});
