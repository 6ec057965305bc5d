/** What every Service Management handler test starts from, fresh per test so tests never see each other. */
import type { ClassicInventoryInput } from '../../../../shared/domain/classic/inventory.schema';
import { InMemoryScopeEntity } from '../../../fakes/in-memory-scope-entity';
import { anInventory } from '../../../fixtures/classic-builders';
import { uniqueSubscriptionId } from '../../../support/storage';
import { type TestServices, testServices } from '../../../support/test-services';

export interface HandlerSetup {
  services: TestServices;
  entity: InMemoryScopeEntity;
  subscriptionId: string;
}

/**
 * The real stores on Azurite, the scope entity in memory, the phase queues recorded, and a new subscription
 * registered for migration holding `estate` (with the builders' defaults).
 */
export async function registeredSubscription(
  estate: Omit<Partial<ClassicInventoryInput>, 'subscription'>,
): Promise<HandlerSetup> {
  const services = testServices();
  const entity = new InMemoryScopeEntity();
  const subscriptionId = uniqueSubscriptionId();
  await services.classicInventory.save(
    anInventory({ subscription: { id: subscriptionId, registeredForMigration: true }, ...estate }),
  );
  return { services, entity, subscriptionId };
}
