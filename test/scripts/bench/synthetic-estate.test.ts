/**
 * The benchmark's synthetic estate: within Classic's limits, the same for the same seed, read back by the
 * Service Management importer as the model it was generated from, and clean enough to migrate.
 */
import { describe, expect, it } from 'vitest';

import {
  checkShape,
  classicLimits,
  estateDocuments,
  shapeForVms,
  syntheticEstate,
} from '../../../scripts/bench/synthetic-estate';
import { mergeInventory, parseServiceManagementDocument } from '../../../shared/adapters/service-management';
import {
  type ClassicInventory,
  classicInventorySchema,
} from '../../../shared/domain/classic/inventory.schema';
import { analyseScope } from '../../../shared/use-cases/analyse-scope';

const vmsOf = (inventory: ClassicInventory, filter: (vnet: string | undefined) => boolean) =>
  inventory.cloudServices
    .flatMap((service) => service.deployments)
    .filter((deployment) => filter(deployment.virtualNetworkName))
    .flatMap((deployment) => deployment.roles);

describe('shapeForVms', () => {
  it('When asked for 10,000 VMs, then it gives 100 VNets of 10 cloud services of 10 VMs, plus standalone services', () => {
    const shape = shapeForVms(10_000);
    expect(shape).toMatchObject({
      virtualNetworks: 100,
      cloudServicesPerVirtualNetwork: 10,
      vmsPerCloudService: 10,
      standaloneCloudServices: 20,
    });
    const estate = syntheticEstate({ seed: 1, shape });
    expect(estate.vmCount).toBe(10_000 + 20 * shape.vmsPerStandaloneCloudService);
    expect(estate.scopeCount).toBe(120);
  });

  it('When asked for fewer VMs than one VNet holds, then it still gives one VNet and one standalone service', () => {
    expect(shapeForVms(30)).toMatchObject({ virtualNetworks: 1, standaloneCloudServices: 1 });
  });
});

describe('syntheticEstate limits', () => {
  it.each([100, 1_000, 10_000])(
    'When %i VMs are generated, then every VNet, cloud service and subscription is within Classic limits',
    (vms) => {
      const estate = syntheticEstate({ seed: 7, shape: shapeForVms(vms) });
      for (const { inventory } of estate.subscriptions) {
        expect(inventory.cloudServices.length).toBeLessThanOrEqual(
          classicLimits.cloudServicesPerSubscription,
        );
        expect(inventory.virtualNetworks.length).toBeLessThanOrEqual(
          classicLimits.virtualNetworksPerSubscription,
        );
        for (const service of inventory.cloudServices) {
          for (const deployment of service.deployments)
            expect(deployment.roles.length).toBeLessThanOrEqual(classicLimits.vmsPerCloudService);
        }
        for (const vnet of inventory.virtualNetworks)
          expect(vmsOf(inventory, (name) => name === vnet.name).length).toBeLessThanOrEqual(
            classicLimits.vmsPerVirtualNetwork,
          );
      }
    },
  );

  it('When a shape breaks a limit, then the generator refuses it and names the limit', () => {
    expect(() => checkShape(shapeForVms(1_000, { vmsPerCloudService: 51 }))).toThrow(
      /51 VMs per cloud service/,
    );
    expect(() =>
      checkShape(shapeForVms(1_000, { cloudServicesPerVirtualNetwork: 50, vmsPerCloudService: 50 })),
    ).toThrow(/2500 VMs per VNet/);
    expect(() => checkShape(shapeForVms(10_000, { virtualNetworksPerSubscription: 30 }))).toThrow(
      /cloud services per subscription/,
    );
  });
});

describe('syntheticEstate determinism', () => {
  it('When the same seed is used twice, then the documents are byte-identical', () => {
    const documents = (seed: number) =>
      syntheticEstate({ seed, shape: shapeForVms(300) }).subscriptions.flatMap(estateDocuments);
    expect(documents(42)).toEqual(documents(42));
    expect(documents(43)).not.toEqual(documents(42));
  });
});

describe('syntheticEstate documents', () => {
  it('When every document is imported with the Service Management parser, then the inventory equals the generated one', () => {
    const estate = syntheticEstate({ seed: 3, shape: shapeForVms(250) });
    for (const subscription of estate.subscriptions) {
      let inventory = classicInventorySchema.parse({
        subscription: { id: subscription.subscriptionId, registeredForMigration: true },
      });
      for (const document of estateDocuments(subscription)) {
        const parsed = parseServiceManagementDocument(document.xml);
        if (!parsed.ok) throw new Error(`${document.label}: ${parsed.error.message}`);
        inventory = mergeInventory(inventory, parsed.value.inventoryPart);
      }
      expect(inventory).toEqual(subscription.inventory);
    }
  });

  it('When each scope is analysed with pre-flight, then validation finds no error and the scope translates', () => {
    const estate = syntheticEstate({ seed: 5, shape: shapeForVms(400) });
    for (const subscription of estate.subscriptions) {
      for (const scope of subscription.scopes) {
        const analysis = analyseScope({
          inventory: subscription.inventory,
          scope,
          options: {},
          includePreflight: true,
          existingArm: { resourceGroups: [], resources: [] },
        });
        const errors = analysis.findings.filter((finding) => finding.severity === 'Error');
        expect(errors, `${scope.kind} ${scope.name}`).toEqual([]);
        expect(analysis.blocking).toBe(false);
        expect(analysis.translation?.resources.length ?? 0).toBeGreaterThan(0);
      }
    }
  });
});
