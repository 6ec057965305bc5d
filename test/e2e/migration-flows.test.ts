/**
 * The migration flows through the dev host: the real function registrations, the Service Bus emulation on
 * Azurite, the Durable entity, the Table stores. Each test works in its own subscription.
 */
import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus/local-service-bus-client';
import { eventsTopic } from '../../shared/contracts/names';
import { type OutcomeEvent, outcomeEventSchema } from '../../shared/contracts/outcome-event';
import type { TemplateExport } from '../../shared/use-cases/export-scope';
import { validateDeploymentTemplate } from '../support/arm-schema-validator';
import { useDevHost } from '../support/e2e-host';
import { eventObserverSubscription, withEventObserver } from '../support/event-observer';
import { cloudServiceLifecycle, vnetLifecycle } from '../support/flows/lifecycle.flows';
import { waitFor } from '../support/wait-for';

// Outcome events are peeked on a subscription nobody drains (the chat notifier consumes `notifiers`).
const e2e = useDevHost(() => withEventObserver());
const freshEstate = () => e2e.freshEstate();

// First in the file: the subscription is peeked, not drained, and holds at most the first 32 events.
describe('events', () => {
  it('When phases end, then a CloudEvents 1.0 event per outcome reaches the migration-events subscribers', async () => {
    const api = await freshEstate();
    const prepared = await api.run('cloudService', 'contoso-ftp', 'prepare');
    const refused = await api.start('virtualNetwork', 'Legacy-VNet', 'prepare');
    const failed = await api.finished(refused.body.operationId);
    const bus = LocalServiceBusClient.fromConnectionString(e2e.host.storageConnectionString);
    const events = await waitFor(
      async () => {
        const messages = await bus.peekMessages(
          `${eventsTopic}/Subscriptions/${eventObserverSubscription}`,
          32,
        );
        const mine = messages
          .map((message) => outcomeEventSchema.safeParse(message.body))
          .flatMap((parsed) =>
            parsed.success && parsed.data.data.subscriptionId === api.subscriptionId ? [parsed.data] : [],
          );
        return mine.length >= 2 ? mine : undefined;
      },
      { what: 'both outcome events' },
    );
    const byOperation = (id: string) => events.find((event: OutcomeEvent) => event.data.operationId === id);
    expect(byOperation(prepared.operationId)).toMatchObject({
      specversion: '1.0',
      type: 'Classic.Migration.PrepareSucceeded',
      subject: `/subscriptions/${api.subscriptionId}/migrations/cloudServices/contoso-ftp`,
      id: `${prepared.operationId}.Succeeded`,
      data: { status: 'Succeeded', state: 'Prepared', scopeKind: 'cloudService', name: 'contoso-ftp' },
    });
    expect(byOperation(failed.operationId)).toMatchObject({
      type: 'Classic.Migration.PrepareFailed',
      data: { status: 'Failed', error: { code: 'ValidationFailed' }, findings: { errors: 1 } },
    });
  });
});

describe('a VNet scope', () => {
  it(vnetLifecycle.name, () => vnetLifecycle.run(e2e));

  it('When a VNet fails validation, then Prepare fails with the findings and locks nothing', async () => {
    const api = await freshEstate();
    const prepared = await api.run('virtualNetwork', 'Legacy-VNet', 'prepare');
    expect(prepared).toMatchObject({ status: 'Failed', error: { code: 'ValidationFailed' } });
    expect(prepared.findings?.map((finding) => finding.code)).toContain('VNET_PAAS_DEPLOYMENTS');
    expect(await api.status('virtualNetwork', 'Legacy-VNet')).toMatchObject({ state: 'None', locked: false });
  });
});

describe('a cloud service outside any VNet', () => {
  it(cloudServiceLifecycle.name, () => cloudServiceLifecycle.run(e2e));

  it('When prepared into an existing ARM VNet, then its NICs join the named subnet', async () => {
    const api = await freshEstate();
    await api.run('virtualNetwork', 'Prod-VNet', 'prepare');
    await api.run('virtualNetwork', 'Prod-VNet', 'commit');
    const destination = {
      type: 'Existing',
      resourceGroupName: 'Prod-VNet-Migrated',
      virtualNetworkName: 'Prod-VNet',
      subnetName: 'app',
    };
    const validation = await api.run('cloudService', 'contoso-ftp', 'validate', {
      destination,
      includePreflight: true,
    });
    expect(validation).toMatchObject({ status: 'Succeeded' });

    const prepared = await api.run('cloudService', 'contoso-ftp', 'prepare', { destination });
    expect(prepared.status).toBe('Succeeded');
    const subnetId = `/subscriptions/${api.subscriptionId}/resourceGroups/Prod-VNet-Migrated/providers/Microsoft.Network/virtualNetworks/Prod-VNet/subnets/app`;
    const status = await api.status('cloudService', 'contoso-ftp');
    const nics = (
      status.arm.resources as {
        type: string;
        properties: {
          ipConfigurations: { properties: { subnet: { id: string }; privateIPAddress?: string } }[];
        };
      }[]
    ).filter((resource) => resource.type === 'Microsoft.Network/networkInterfaces');
    expect(nics).toHaveLength(2);
    for (const nic of nics) expect(nic.properties.ipConfigurations[0]?.properties.subnet.id).toBe(subnetId);
    // app1 holds 10.1.2.4 in that subnet: the restarted VMs get the next free addresses.
    expect(nics.map((nic) => nic.properties.ipConfigurations[0]?.properties.privateIPAddress).sort()).toEqual(
      ['10.1.2.5', '10.1.2.6'],
    );
    expect(
      status.arm.resources.some(
        (resource) => (resource as { type: string }).type === 'Microsoft.Network/virtualNetworks',
      ),
    ).toBe(false);
    expect(await api.run('cloudService', 'contoso-ftp', 'commit')).toMatchObject({
      status: 'Succeeded',
      resultingState: 'Committed',
    });
  });

  it("When the existing destination VNet does not exist, then validation says so in Azure's words", async () => {
    const api = await freshEstate();
    const destination = {
      type: 'Existing',
      resourceGroupName: 'nowhere',
      virtualNetworkName: 'ghost',
      subnetName: 'x',
    };
    const prepared = await api.run('cloudService', 'contoso-ftp', 'prepare', { destination });
    expect(prepared.status).toBe('Failed');
    expect(prepared.findings?.map((finding) => finding.message)).toContain(
      'The virtual network ghost does not exist.',
    );
  });
});

describe('exports', () => {
  it('When a prepared scope is exported, then each resource group gets a template the official schema accepts', async () => {
    const api = await freshEstate();
    const planned = await api.request<TemplateExport>(
      'GET',
      '/api/exports/virtualNetworks/Prod-VNet/template',
    );
    expect(planned.body.source).toBe('planned');
    await api.run('virtualNetwork', 'Prod-VNet', 'prepare');
    const written = await api.request<TemplateExport>(
      'GET',
      '/api/exports/virtualNetworks/Prod-VNet/template',
    );
    expect(written.body.source).toBe('written');
    expect(written.body.resourceGroups.map((group) => group.name).sort()).toEqual([
      'Prod-VNet-Migrated',
      'contoso-app-Migrated',
      'contoso-web-Migrated',
    ]);
    for (const group of written.body.resourceGroups)
      expect(validateDeploymentTemplate(group.template)).toEqual({ valid: true, errors: [] });
    const one = await api.request<{ resources: unknown[] }>(
      'GET',
      '/api/exports/virtualNetworks/Prod-VNet/template?resourceGroup=contoso-web-migrated',
    );
    expect(one.headers.get('content-disposition')).toBe(
      'attachment; filename="contoso-web-Migrated.template.json"',
    );
    expect(one.body.resources.length).toBeGreaterThan(0);
  });

  it('When the Classic configuration is exported, then it is the Service Management document, and it imports back', async () => {
    const api = await freshEstate();
    const exported = await api.request<string>('GET', '/api/exports/cloudServices/contoso-ftp/classic');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(exported.body).toMatch(/^<HostedService xmlns="http:\/\/schemas.microsoft.com\/windowsazure"/);
    const reimported = await fetch(
      `${e2e.host.baseUrl}/api/inventory/import?subscriptionId=${randomUUID()}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/xml' },
        body: exported.body,
      },
    );
    expect(reimported.status).toBe(200);
    expect(await reimported.json()).toMatchObject({
      kind: 'HostedService',
      counts: { cloudServices: 1, virtualMachines: 2 },
    });
  });
});
