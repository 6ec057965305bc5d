import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { seedDemoData } from '../shared/demo/seed-demo-data';

/**
 * With DEMO_DATA=true, every worker seeds the demo estate into the default subscription as it starts
 * (a no-op once the subscription has an inventory; concurrent workers write identical rows). The dev host
 * awaits appStart hooks before it serves, so the estate is there by the first request.
 */
app.hook.appStart(async () => {
  const { config, classicInventory, clock } = getServices();
  if (!config.demoData) return;
  const outcome = await seedDemoData({
    store: classicInventory,
    subscriptionId: config.defaultSubscriptionId,
    importedAt: clock.now().toISOString(),
  });
  console.info(
    outcome.seeded
      ? `Demo data: seeded ${outcome.cloudServices} cloud services and ${outcome.virtualNetworks} virtual networks into subscription ${outcome.subscriptionId}.`
      : `Demo data: not seeded into subscription ${outcome.subscriptionId}: ${outcome.reason}.`,
  );
});
