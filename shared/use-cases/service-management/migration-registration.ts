/**
 * Registration of `Microsoft.ClassicInfrastructureMigrate` for a subscription (D6/D7): the
 * flag every migration call checks (`subscription.registeredForMigration` in the Classic inventory).
 * Azure took about five minutes to move from Registering to Registered; here registration takes effect
 * at once (our choice).
 */
import type { Services } from '../../composition';
import { changedPart } from '../../domain/management/management-write';

export type RegistrationDeps = Pick<Services, 'classicInventory'>;

export async function isRegisteredForMigration(
  deps: RegistrationDeps,
  subscriptionId: string,
): Promise<boolean> {
  const inventory = await deps.classicInventory.load(subscriptionId);
  return inventory.subscription.registeredForMigration;
}

/** Sets the flag; returns the state the subscription is in afterwards. */
export async function setRegisteredForMigration(
  deps: RegistrationDeps,
  subscriptionId: string,
  registered: boolean,
): Promise<boolean> {
  const inventory = await deps.classicInventory.load(subscriptionId);
  const subscription = { ...inventory.subscription, id: subscriptionId, registeredForMigration: registered };
  await deps.classicInventory.save(changedPart({ ...inventory, subscription }, {}));
  return isRegisteredForMigration(deps, subscriptionId);
}
