import { describe, expect, it } from 'vitest';

import {
  addressesOf,
  cidrContains,
  formatIpv4,
  parseCidr,
  parseIpv4,
} from '../../../../shared/domain/network/ipv4';

describe('ipv4', () => {
  it('When an address is dotted-quad, then it parses and formats back; otherwise it does not parse', () => {
    expect(formatIpv4(parseIpv4('10.1.2.3')!)).toBe('10.1.2.3');
    expect(parseIpv4('10.1.2.256')).toBeUndefined();
    expect(parseIpv4('10.1.2')).toBeUndefined();
  });

  it('When a prefix has host bits set, then its block is the canonical network', () => {
    expect(parseCidr('192.168.2.0/16')).toEqual({ network: parseIpv4('192.168.0.0'), size: 65536 });
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
  });

  it('When membership is asked, then the block bounds decide', () => {
    expect(cidrContains('10.0.0.0/24', '10.0.0.255')).toBe(true);
    expect(cidrContains('10.0.0.0/24', '10.0.1.0')).toBe(false);
    expect(cidrContains('bad', '10.0.0.1')).toBe(false);
  });

  it('When addresses are handed out, then the last (broadcast) address never is', () => {
    const block = parseCidr('10.0.0.0/29')!;
    expect(addressesOf(block, 4)).toBe('10.0.0.4');
    expect(addressesOf(block, 6)).toBe('10.0.0.6');
    expect(addressesOf(block, 7)).toBeUndefined();
  });
});
