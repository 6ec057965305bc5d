import { describe, expect, it } from 'vitest';

import {
  boundedServiceBusId,
  maxServiceBusIdLength,
  phaseSessionId,
} from '../../../shared/contracts/service-bus-ids';
import { scopeKey } from '../../../shared/domain/scope/scope';

const subscriptionId = '00000000-0000-0000-0000-000000000000';

describe('Service Bus ids', () => {
  it('When a scope key fits in 128 characters, then it is the session id unchanged', () => {
    const key = scopeKey({ subscriptionId, kind: 'virtualNetwork', name: 'Prod-VNet' });
    expect(phaseSessionId(key)).toBe(key);
    expect(boundedServiceBusId('x'.repeat(maxServiceBusIdLength))).toBe('x'.repeat(maxServiceBusIdLength));
  });

  it('When a scope name makes the key longer than 128 characters, then the session id is a readable prefix and a SHA-256, 128 characters long', () => {
    const key = scopeKey({
      subscriptionId,
      kind: 'networkSecurityGroup',
      name: 'Groupe réseau ' + 'é'.repeat(40),
    });
    expect(key.length).toBeGreaterThan(maxServiceBusIdLength);
    const sessionId = phaseSessionId(key);
    expect(sessionId).toHaveLength(maxServiceBusIdLength);
    expect(sessionId.startsWith(key.slice(0, 63))).toBe(true);
    expect(sessionId).toMatch(/~[0-9a-f]{64}$/);
  });

  it('When the same long key is hashed twice, or two long keys share their first 63 characters, then the ids are equal, respectively different', () => {
    const long = (tail: string) => `${'a'.repeat(200)}${tail}`;
    expect(boundedServiceBusId(long('1'))).toBe(boundedServiceBusId(long('1')));
    expect(boundedServiceBusId(long('1'))).not.toBe(boundedServiceBusId(long('2')));
  });
});
