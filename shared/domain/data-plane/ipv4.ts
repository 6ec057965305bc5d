/** IPv4 CIDR arithmetic for address allocation. Pure. */

export interface Cidr {
  network: number;
  size: number;
}

export function parseIpv4(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export function parseCidr(prefix: string): Cidr | undefined {
  const [address, bitsText] = prefix.split('/');
  const base = address === undefined ? undefined : parseIpv4(address);
  const bits = Number(bitsText);
  if (base === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  return { network: base - (base % size), size };
}

/**
 * The address at `offset` in the block, or undefined past its last usable address (Azure reserves the
 * last address of a subnet for broadcast).
 */
export function addressesOf(cidr: Cidr, offset: number): string | undefined {
  return offset < cidr.size - 1 ? formatIpv4(cidr.network + offset) : undefined;
}
