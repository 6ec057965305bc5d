/** Small lookups on a Classic inventory that several use cases share. */
import type { ClassicInventory } from '../domain/classic/inventory.schema';
import { findByName, sameName } from '../domain/classic/names';
import { migratableDeploymentOf } from '../domain/classic/virtual-machines';

/** Does the cloud service hold `deploymentName` as its migratable deployment? */
export function holdsMigratableDeployment(
  inventory: ClassicInventory,
  serviceName: string,
  deploymentName: string,
): boolean {
  const service = findByName(inventory.cloudServices, serviceName);
  return sameName(service && migratableDeploymentOf(service)?.name, deploymentName);
}
