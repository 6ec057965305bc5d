import { describe, expect, it } from 'vitest';

import {
  derivedPublicAddress,
  materializeAddresses,
} from '../../../../shared/domain/data-plane/materialize-addresses';
import { translateScope } from '../../../../shared/domain/translation/translate-scope';
import {
  cloudServiceEstate,
  estate,
  translationInput,
  vnetEstate,
} from '../../../fixtures/translation-estates';

function materialize(e: ReturnType<typeof cloudServiceEstate>, operationId = 'op-1') {
  const translation = translateScope(translationInput(e));
  return materializeAddresses({
    inventory: e.inventory,
    contents: e.contents,
    translation,
    existingArm: [],
    operationId,
  });
}

describe('materializeAddresses', () => {
  it('When a cloud service outside a VNet is prepared, then running VMs restart into the new subnet from .4 and only the non-reserved VIP changes', () => {
    const { effects } = materialize(cloudServiceEstate());
    expect(effects.map((effect) => effect.internalIp?.after)).toEqual(['10.0.0.4', '10.0.0.5']);
    expect(effects.every((effect) => effect.actions.join() === 'Stop,Deallocate,Start')).toBe(true);
    expect(effects[0]?.vip).toEqual({ before: '52.1.1.1', after: '52.1.1.1' });
  });

  it('When only the deployment names the reserved IP, then its first VIP is still kept (as the plan and the translation say)', () => {
    const e = cloudServiceEstate();
    const deployment = e.inventory.cloudServices[0]!.deployments[0]!;
    deployment.virtualIps[0] = { ...deployment.virtualIps[0]!, isReserved: false, reservedIpName: undefined };
    const reloaded = estate(e.inventory, 'cloudService', 'shop');
    expect(materialize(reloaded).effects[0]?.vip).toEqual({ before: '52.1.1.1', after: '52.1.1.1' });
  });

  it('When the same operation runs again, then it hands out the same addresses; another operation draws a new VIP', () => {
    expect(materialize(cloudServiceEstate(), 'op-1')).toEqual(materialize(cloudServiceEstate(), 'op-1'));
    expect(derivedPublicAddress('op-1/shop/second')).not.toBe(derivedPublicAddress('op-2/shop/second'));
  });

  it('When a VNet is prepared, then nothing restarts and NICs show the running addresses', () => {
    const e = vnetEstate();
    const translation = translateScope(translationInput(e));
    const result = materializeAddresses({
      inventory: e.inventory,
      contents: e.contents,
      translation,
      existingArm: [],
      operationId: 'op',
    });
    expect(result.effects).toEqual([]);
    expect(result.inventory).toBe(e.inventory);
  });
});
