/**
 * Responses without details (Get Hosted Service without embed-detail, Get NSG / route table without the
 * full detail level, the lists) leave the detail element out instead of writing it empty, so a reader —
 * this adapter's import included — keeps what it knew instead of emptying it.
 */
import { describe, expect, it } from 'vitest';

import {
  parseServiceManagementDocument,
  serializeHostedService,
  serializeNetworkSecurityGroup,
  serializeNetworkSecurityGroups,
  serializeRouteTable,
  serializeRouteTables,
} from '../../../../shared/adapters/service-management';
import { aCloudService, aNetworkSecurityGroup, aRouteTable } from '../../../fixtures/classic-builders';
import { valueOf } from './fixtures';

describe('When a response is written without details', () => {
  it('then a hosted service has no Deployments element and reads back as "deployments not listed"', () => {
    const xml = serializeHostedService(aCloudService({ name: 'svc' }), { embedDetail: false });
    expect(xml).not.toContain('Deployments');
    expect(
      valueOf(parseServiceManagementDocument(xml)).inventoryPart.cloudServicesWithoutDeployments,
    ).toEqual(['svc']);
    expect(serializeHostedService(aCloudService({ name: 'svc' }))).toContain('<Deployments><Deployment>');
  });

  it('then an NSG has no Rules element and reads back as "rules not listed"', () => {
    const nsg = aNetworkSecurityGroup({ name: 'nsg' });
    for (const xml of [
      serializeNetworkSecurityGroup(nsg, { withRules: false }),
      serializeNetworkSecurityGroups([nsg], { withRules: false }),
    ]) {
      expect(xml).not.toContain('Rules');
      expect(
        valueOf(parseServiceManagementDocument(xml)).inventoryPart.networkSecurityGroupsWithoutRules,
      ).toEqual(['nsg']);
    }
    expect(serializeNetworkSecurityGroup(nsg)).toContain('<Rules><Rule>');
  });

  it('then a route table has no RouteList element and reads back as "routes not listed"', () => {
    const table = aRouteTable({ name: 'rt' });
    for (const xml of [
      serializeRouteTable(table, { withRoutes: false }),
      serializeRouteTables([table], { withRoutes: false }),
    ]) {
      expect(xml).not.toContain('RouteList');
      expect(valueOf(parseServiceManagementDocument(xml)).inventoryPart.routeTablesWithoutRoutes).toEqual([
        'rt',
      ]);
    }
    expect(serializeRouteTable(table)).toContain('<RouteList><Route>');
  });
});
