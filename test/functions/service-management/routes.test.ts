/**
 * The Service Management API lives at root paths (host.json `routePrefix: ""`), as on
 * management.core.windows.net; each path the C4 clients call is served by one registration, and none of them
 * shadows the JSON API (`api/…`) or the ARM read API (`subscriptions/…`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { capturedApp } from '../../../devhost/core-shim';
import { RouteTable } from '../../../devhost/http/route-table';

/**
 * Every registration of the app, so the root-level Service Management routes are checked against the
 * JSON API's `api/…` routes and ARM's `subscriptions/…` routes too.
 */
const routes = new RouteTable<string>('');

beforeAll(async () => {
  const folder = join(__dirname, '../../../functions');
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) await import(join(folder, file));
  for (const [name, fn] of capturedApp().functions.entries()) {
    for (const binding of Object.values(fn.metadata.bindings ?? {})) {
      if (binding.type !== 'httpTrigger') continue;
      routes.add(String(binding.route), (binding.methods as string[] | undefined) ?? [], name);
    }
  }
});

const sub = '00000000-0000-0000-0000-000000000000';

describe('Service Management routes', () => {
  it.each([
    ['GET', `/${sub}/services/hostedservices/svc`, 'smGetHostedService'],
    ['POST', `/${sub}/services/hostedservices`, 'smCreateHostedService'],
    ['GET', `/${sub}/services/hostedservices/svc/deploymentslots/Production`, 'smGetDeploymentBySlot'],
    ['GET', `/${sub}/services/hostedservices/svc/deployments/dep`, 'smGetDeploymentByName'],
    ['POST', `/${sub}/services/hostedservices/svc/deployments`, 'smCreateDeployment'],
    ['POST', `/${sub}/services/hostedservices/svc/deployments/dep/migration`, 'smDeploymentMigration'],
    ['GET', `/${sub}/services/hostedservices/svc/deployments/dep/roles/vm1`, 'smRole'],
    ['DELETE', `/${sub}/services/hostedservices/svc/deployments/dep/roles/vm1`, 'smRole'],
    ['PUT', `/${sub}/services/hostedservices/svc/deployments/dep/roles/vm1`, 'smRole'],
    ['PUT', `/${sub}/services/hostedservices/svc`, 'smGetHostedService'],
    ['DELETE', `/${sub}/services/hostedservices/svc`, 'smGetHostedService'],
    ['DELETE', `/${sub}/services/hostedservices/svc/deployments/dep`, 'smGetDeploymentByName'],
    ['DELETE', `/${sub}/services/hostedservices/svc/deploymentslots/Production`, 'smGetDeploymentBySlot'],
    [
      'POST',
      `/${sub}/services/hostedservices/svc/deployments/dep/roles/vm1/networksecuritygroups`,
      'smRoleNetworkSecurityGroup',
    ],
    [
      'DELETE',
      `/${sub}/services/hostedservices/svc/deployments/dep/roles/vm1/networksecuritygroups/nsg`,
      'smRoleNetworkSecurityGroup',
    ],
    [
      'POST',
      `/${sub}/services/hostedservices/svc/deployments/dep/roles/vm1/networkinterfaces/nic2/networksecuritygroups`,
      'smNetworkInterfaceNetworkSecurityGroup',
    ],
    [
      'POST',
      `/${sub}/services/networking/virtualnetwork/corp/subnets/Subnet-1/networksecuritygroups`,
      'smSubnetNetworkSecurityGroup',
    ],
    [
      'DELETE',
      `/${sub}/services/networking/virtualnetwork/corp/subnets/Subnet-1/networksecuritygroups/nsg`,
      'smSubnetNetworkSecurityGroup',
    ],
    [
      'POST',
      `/${sub}/services/networking/virtualnetwork/corp/subnets/Subnet-1/routetables`,
      'smSubnetRouteTable',
    ],
    [
      'DELETE',
      `/${sub}/services/networking/virtualnetwork/corp/subnets/Subnet-1/routetables`,
      'smSubnetRouteTable',
    ],
    ['POST', `/${sub}/services/networking/reservedips`, 'smCreateReservedIp'],
    ['DELETE', `/${sub}/services/networking/reservedips/rip`, 'smReservedIps'],
    ['POST', `/${sub}/services/networking/reservedips/rip/operations/associate`, 'smReservedIpOperation'],
    ['POST', `/${sub}/services/networking/reservedips/rip/operations/disassociate`, 'smReservedIpOperation'],
    ['PUT', `/${sub}/services/storageservices/store`, 'smStorageServices'],
    ['DELETE', `/${sub}/services/storageservices/store`, 'smStorageServices'],
    ['POST', `/${sub}/services/hostedservices/svc/deployments/dep/roles/vm1/DataDisks`, 'smAddDataDisk'],
    [
      'POST',
      `/${sub}/services/hostedservices/svc/deployments/dep/roleinstances/vm1/Operations`,
      'smRoleInstanceOperation',
    ],
    ['POST', `/${sub}/services/hostedservices/svc/deployments/dep/Roles/Operations`, 'smRolesOperation'],
    ['GET', `/${sub}/services/networking/media`, 'smNetworkConfiguration'],
    ['PUT', `/${sub}/services/networking/media`, 'smNetworkConfiguration'],
    ['GET', `/${sub}/services/networking/virtualnetwork`, 'smListVirtualNetworkSites'],
    [
      'POST',
      `/${sub}/services/networking/virtualnetwork/Group%20rg%20vnet/migration`,
      'smNetworkingMigration',
    ],
    ['GET', `/${sub}/services/networking/reservedips`, 'smReservedIps'],
    ['GET', `/${sub}/services/networking/reservedips/rip`, 'smReservedIps'],
    ['POST', `/${sub}/services/networking/reservedips/rip/migration`, 'smNetworkingMigration'],
    ['GET', `/${sub}/services/networking/networksecuritygroups/nsg`, 'smNetworkSecurityGroups'],
    ['POST', `/${sub}/services/networking/networksecuritygroups/nsg/migration`, 'smNetworkingMigration'],
    ['GET', `/${sub}/services/networking/routetables`, 'smRouteTables'],
    ['POST', `/${sub}/services/networking/routetables/rt/migration`, 'smNetworkingMigration'],
    ['GET', `/${sub}/services/storageservices`, 'smStorageServices'],
    ['GET', `/${sub}/services/storageservices/store`, 'smStorageServices'],
    ['POST', `/${sub}/services/storageservices/store/migration`, 'smStorageMigration'],
    ['GET', `/${sub}/operations/0123456789abcdef0123456789abcdef`, 'smOperationStatus'],
    ['GET', `/subscriptions/${sub}/providers/Microsoft.ClassicInfrastructureMigrate`, 'armMigrationProvider'],
    [
      'POST',
      `/subscriptions/${sub}/providers/Microsoft.ClassicInfrastructureMigrate/register`,
      'armMigrationProvider',
    ],
  ])('When %s %s arrives, then %s serves it', (method, path, name) => {
    expect(routes.match(method, path)?.target).toBe(name);
  });

  it('When the Group-named VNet path is matched, then the name keeps its spaces', () => {
    expect(
      routes.match('POST', `/${sub}/services/networking/virtualnetwork/Group%20rg%20vnet/migration`)?.params,
    ).toMatchObject({
      collection: 'virtualnetwork',
      name: 'Group rg vnet',
    });
  });
});
