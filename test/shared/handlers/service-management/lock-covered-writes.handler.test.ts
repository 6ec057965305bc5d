/**
 * The writes the lock covers beyond create / disk / power (Update Role, cloud service and deployment
 * deletes, reserved IP, NSG and route table writes, storage account update and delete) at the Service
 * Management edge: refused in every locked state of the scope guarding them, transitional ones included,
 * with the exact error body; applied and recorded under the request id in `None` and `Committed`.
 */
import type { HttpResponseInit } from '@azure/functions';
import { beforeEach, describe, expect, it } from 'vitest';

import { type MigrationState, migrationStates } from '../../../../shared/domain/migration/migration-state';
import { scopeKey, type ScopeKind } from '../../../../shared/domain/scope/scope';
import { deleteDeploymentBySlot } from '../../../../shared/handlers/service-management/delete-deployment.handler';
import {
  deleteHostedService,
  updateHostedService,
} from '../../../../shared/handlers/service-management/hosted-service-writes.handler';
import {
  roleNetworkSecurityGroup,
  subnetNetworkSecurityGroup,
  subnetRouteTable,
} from '../../../../shared/handlers/service-management/network-associations.handler';
import {
  createReservedIp,
  deleteReservedIp,
  reservedIpOperation,
} from '../../../../shared/handlers/service-management/reserved-ip-writes.handler';
import {
  deleteStorageAccount,
  updateStorageAccount,
} from '../../../../shared/handlers/service-management/storage-account-writes.handler';
import { updateRole } from '../../../../shared/handlers/service-management/update-role.handler';
import type { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import {
  aCloudService,
  aNetworkSecurityGroup,
  aReservedIp,
  aRouteTable,
  aStorageAccount,
  aVirtualNetwork,
} from '../../../fixtures/classic-builders';
import type { TestServices } from '../../../support/test-services';
import { registeredSubscription } from './sm-handler-setup';
import { bodyText, header, smRequest } from './sm-request-builder';

let services: TestServices;
let entity: InMemoryScopeEntity;
let subscriptionId: string;

beforeEach(async () => {
  ({ services, entity, subscriptionId } = await registeredSubscription({
    virtualNetworks: [aVirtualNetwork({ name: 'corp' })],
    cloudServices: [aCloudService({ name: 'svc1' }), aCloudService({ name: 'empty', deployments: [] })],
    reservedIps: [aReservedIp({ name: 'rip1' })],
    networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg1' })],
    routeTables: [aRouteTable({ name: 'rt1' })],
    storageAccounts: [aStorageAccount(), aStorageAccount({ name: 'spare' })],
  }));
});

const ns = 'xmlns="http://schemas.microsoft.com/windowsazure"';
const svc = { serviceName: 'svc1', deploymentName: 'svc1' };
const vmText = 'Management operations on VM are disallowed because migration is in progress';
const beingMigrated = (noun: string, name: string) =>
  `${noun} ${name} is in the process of being migrated and hence cannot be changed`;

interface WriteCase {
  name: string;
  scope: { kind: ScopeKind; name: string };
  refusal: string;
  success: 200 | 202;
  kind: string;
  send(): Promise<HttpResponseInit>;
}

const cases: WriteCase[] = [
  {
    name: 'Update Role',
    scope: { kind: 'cloudService', name: 'svc1' },
    refusal: vmText,
    success: 202,
    kind: 'UpdateRole',
    send: () =>
      updateRole(
        services,
        entity,
        smRequest(
          'PUT',
          `/${subscriptionId}/services/hostedservices/svc1/deployments/svc1/roles/vm1`,
          { subscriptionId, ...svc, roleName: 'vm1' },
          `<PersistentVMRole ${ns}><RoleName>vm1</RoleName><ConfigurationSets><ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType></ConfigurationSet></ConfigurationSets><OSVirtualHardDisk/></PersistentVMRole>`,
        ),
      ),
  },
  {
    name: 'Add an NSG to a VM',
    scope: { kind: 'cloudService', name: 'svc1' },
    refusal: vmText,
    success: 202,
    kind: 'AddNetworkSecurityGroup',
    send: () =>
      roleNetworkSecurityGroup(
        services,
        entity,
        smRequest(
          'POST',
          `/${subscriptionId}/services/hostedservices/svc1/deployments/svc1/roles/vm1/networksecuritygroups`,
          { subscriptionId, ...svc, roleName: 'vm1' },
          `<NetworkSecurityGroup ${ns}><Name>nsg1</Name></NetworkSecurityGroup>`,
        ),
      ),
  },
  {
    name: 'Update Cloud Service',
    scope: { kind: 'cloudService', name: 'svc1' },
    refusal: beingMigrated('HostedService', 'svc1'),
    success: 200,
    kind: 'UpdateHostedService',
    send: () =>
      updateHostedService(
        services,
        entity,
        smRequest(
          'PUT',
          `/${subscriptionId}/services/hostedservices/svc1`,
          { subscriptionId, serviceName: 'svc1' },
          `<UpdateHostedService ${ns}><Description>web</Description></UpdateHostedService>`,
        ),
      ),
  },
  {
    name: 'Delete Deployment by slot',
    scope: { kind: 'cloudService', name: 'svc1' },
    refusal: beingMigrated('HostedService', 'svc1'),
    success: 202,
    kind: 'DeleteDeployment',
    send: () =>
      deleteDeploymentBySlot(
        services,
        entity,
        smRequest('DELETE', `/${subscriptionId}/services/hostedservices/svc1/deploymentslots/Production`, {
          subscriptionId,
          serviceName: 'svc1',
          slot: 'Production',
        }),
      ),
  },
  {
    name: 'Delete Cloud Service',
    scope: { kind: 'cloudService', name: 'empty' },
    refusal: beingMigrated('HostedService', 'empty'),
    success: 200,
    kind: 'DeleteHostedService',
    send: () =>
      deleteHostedService(
        services,
        entity,
        smRequest('DELETE', `/${subscriptionId}/services/hostedservices/empty`, {
          subscriptionId,
          serviceName: 'empty',
        }),
      ),
  },
  {
    name: 'Associate Reserved IP (the deployment locked)',
    scope: { kind: 'cloudService', name: 'svc1' },
    refusal: beingMigrated('HostedService', 'svc1'),
    success: 202,
    kind: 'AssociateReservedIP',
    send: () =>
      reservedIpOperation(
        services,
        entity,
        smRequest(
          'POST',
          `/${subscriptionId}/services/networking/reservedips/rip1/operations/associate`,
          { subscriptionId, name: 'rip1', operation: 'associate' },
          `<ReservedIPAssociation ${ns}><ServiceName>svc1</ServiceName><DeploymentName>svc1</DeploymentName></ReservedIPAssociation>`,
        ),
      ),
  },
  {
    name: 'Delete Reserved IP',
    scope: { kind: 'reservedIp', name: 'rip1' },
    refusal: beingMigrated('ReservedIP', 'rip1'),
    success: 202,
    kind: 'DeleteReservedIP',
    send: () =>
      deleteReservedIp(
        services,
        entity,
        smRequest('DELETE', `/${subscriptionId}/services/networking/reservedips/rip1`, {
          subscriptionId,
          name: 'rip1',
        }),
      ),
  },
  {
    name: "Create Reserved IP from a deployment's VIP",
    scope: { kind: 'cloudService', name: 'svc1' },
    refusal: beingMigrated('HostedService', 'svc1'),
    success: 202,
    kind: 'CreateReservedIP',
    send: () =>
      createReservedIp(
        services,
        entity,
        smRequest(
          'POST',
          `/${subscriptionId}/services/networking/reservedips`,
          { subscriptionId },
          `<ReservedIP ${ns}><Name>rip2</Name><Location>West US</Location><ServiceName>svc1</ServiceName><DeploymentName>svc1</DeploymentName></ReservedIP>`,
        ),
      ),
  },
  {
    name: 'Add an NSG to a subnet',
    scope: { kind: 'virtualNetwork', name: 'corp' },
    refusal: beingMigrated('Virtual Network', 'corp'),
    success: 202,
    kind: 'AddNetworkSecurityGroup',
    send: () =>
      subnetNetworkSecurityGroup(
        services,
        entity,
        smRequest(
          'POST',
          `/${subscriptionId}/services/networking/virtualnetwork/corp/subnets/Subnet-1/networksecuritygroups`,
          { subscriptionId, virtualNetworkName: 'corp', subnetName: 'Subnet-1' },
          `<NetworkSecurityGroup ${ns}><Name>nsg1</Name></NetworkSecurityGroup>`,
        ),
      ),
  },
  {
    name: 'Add a route table under migration to a subnet',
    scope: { kind: 'routeTable', name: 'rt1' },
    refusal: beingMigrated('RouteTable', 'rt1'),
    success: 202,
    kind: 'AddRouteTable',
    send: () =>
      subnetRouteTable(
        services,
        entity,
        smRequest(
          'POST',
          `/${subscriptionId}/services/networking/virtualnetwork/corp/subnets/Subnet-1/routetables`,
          { subscriptionId, virtualNetworkName: 'corp', subnetName: 'Subnet-1' },
          `<RouteTableAssociation ${ns}><RouteTableName>rt1</RouteTableName></RouteTableAssociation>`,
        ),
      ),
  },
  {
    name: 'Update Storage Account',
    scope: { kind: 'storageAccount', name: 'spare' },
    refusal: beingMigrated('Storage account', 'spare'),
    success: 200,
    kind: 'UpdateStorageAccount',
    send: () =>
      updateStorageAccount(
        services,
        entity,
        smRequest(
          'PUT',
          `/${subscriptionId}/services/storageservices/spare`,
          { subscriptionId, name: 'spare' },
          `<UpdateStorageServiceInput ${ns}><Description>kept</Description></UpdateStorageServiceInput>`,
        ),
      ),
  },
  {
    name: 'Delete Storage Account',
    scope: { kind: 'storageAccount', name: 'spare' },
    refusal: beingMigrated('Storage account', 'spare'),
    success: 200,
    kind: 'DeleteStorageAccount',
    send: () =>
      deleteStorageAccount(
        services,
        entity,
        smRequest('DELETE', `/${subscriptionId}/services/storageservices/spare`, {
          subscriptionId,
          name: 'spare',
        }),
      ),
  },
];

const lockedStates = migrationStates.filter((state) => state !== 'None' && state !== 'Committed');
const refused = cases.flatMap((c) => lockedStates.map((state) => [c.name, state, c] as const));
const applied = cases.flatMap((c) =>
  (['None', 'Committed'] as const).map((state) => [c.name, state, c] as const),
);

describe('lock-covered Service Management writes', () => {
  it.each(refused)(
    'When %s meets a scope that is %s, then it is refused 409 with the lock text',
    async (_name, state: MigrationState, write) => {
      entity.setState(scopeKey({ subscriptionId, ...write.scope }), state);
      const response = await write.send();
      expect(response.status).toBe(409);
      expect(header(response, 'x-ms-request-id')).toMatch(/^[0-9a-f]{32}$/);
      expect(bodyText(response)).toBe(
        `<Error ${ns}><Code>ConflictError</Code><Message>${write.refusal}</Message></Error>`,
      );
    },
  );

  it.each(applied)(
    'When %s meets a scope that is %s, then it is applied and recorded under its request id',
    async (_name, state, write) => {
      entity.setState(scopeKey({ subscriptionId, ...write.scope }), state);
      const response = await write.send();
      expect(response.status).toBe(write.success);
      const requestId = header(response, 'x-ms-request-id') ?? '';
      expect(await services.managementOperations.get(requestId)).toMatchObject({
        kind: write.kind,
        status: 'Succeeded',
        subscriptionId,
      });
    },
  );
});
