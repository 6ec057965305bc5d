/** IPv4 addresses and CIDR blocks: subnet membership, conflicts, canonical prefixes, allocation. Pure. */

export interface Cidr {
  network: number;
  size: number;
}

/** The address as an unsigned 32-bit number; undefined when it is not dotted-quad IPv4. */
export function parseIpv4(address: string): number | undefined {
  const parts = address.trim().split('.');
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

/** The block a prefix denotes (`10.0.0.5/24` → network 10.0.0.0, size 256); undefined when it does not parse. */
export function parseCidr(prefix: string): Cidr | undefined {
  const [address, bitsText] = prefix.trim().split('/');
  const base = address === undefined ? undefined : parseIpv4(address);
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (base === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  return { network: base - (base % size), size };
}

/** True when `address` lies in `prefix` (`10.0.0.0/24`); false when either does not parse. */
export function cidrContains(prefix: string, address: string): boolean {
  const cidr = parseCidr(prefix);
  const ip = parseIpv4(address);
  return cidr !== undefined && ip !== undefined && ip >= cidr.network && ip < cidr.network + cidr.size;
}

/**
 * The address at `offset` in the block, or undefined past its last usable address (Azure reserves the
 * last address of a subnet for broadcast).
 */
export function addressesOf(cidr: Cidr, offset: number): string | undefined {
  return offset < cidr.size - 1 ? formatIpv4(cidr.network + offset) : undefined;
}
