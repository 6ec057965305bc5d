import '../../functions/demo-data.hook';

import { afterEach, describe, expect, inject, it, vi } from 'vitest';

import { capturedApp } from '../../devhost/core-shim';
import { buildServices, setServices } from '../../shared/composition';
import { parseConfig } from '../../shared/config';
import { uniqueSubscriptionId } from '../support/storage';

/** Runs the appStart hook functions/demo-data.hook.ts registered, as the host does at start-up. */
async function runDemoDataHook(): Promise<void> {
  const hooks = capturedApp().hooks.get('appStart') ?? [];
  expect(hooks).toHaveLength(1);
  await hooks[0]?.({ hookData: {}, functionAppDirectory: process.cwd() });
}

function servicesFor(subscriptionId: string, demoData: boolean) {
  const services = buildServices(
    parseConfig({
      AzureWebJobsStorage: inject('azuriteConnectionString'),
      DEVHOST_SERVICE_BUS: 'azurite',
      DEFAULT_SUBSCRIPTION_ID: subscriptionId,
      DEMO_DATA: demoData ? 'true' : 'false',
    }),
  );
  setServices(services);
  return services;
}

describe('demo data appStart hook', () => {
  afterEach(() => setServices(undefined));

  it('When DEMO_DATA is true, then the app seeds the demo estate into the default subscription', async () => {
    const subscriptionId = uniqueSubscriptionId();
    const services = servicesFor(subscriptionId, true);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await runDemoDataHook();
    const inventory = await services.classicInventory.load(subscriptionId);
    expect(inventory.subscription.registeredForMigration).toBe(true);
    expect(inventory.virtualNetworks.map((v) => v.name)).toContain('Prod-VNet');
  });

  it('When DEMO_DATA is false, then the app starts with the subscription untouched', async () => {
    const subscriptionId = uniqueSubscriptionId();
    const services = servicesFor(subscriptionId, false);
    await runDemoDataHook();
    expect((await services.classicInventory.load(subscriptionId)).cloudServices).toEqual([]);
  });
});
