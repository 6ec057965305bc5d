/** IPv4 addresses and CIDR prefixes, for subnet membership and address conflicts. Pure. */

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

/** True when `address` lies in `prefix` (`10.0.0.0/24`); false when either does not parse. */
export function cidrContains(prefix: string, address: string): boolean {
  const [base, lengthText] = prefix.trim().split('/');
  const network = base === undefined ? undefined : parseIpv4(base);
  const ip = parseIpv4(address);
  const length = lengthText === undefined ? 32 : Number(lengthText);
  if (network === undefined || ip === undefined || !Number.isInteger(length) || length < 0 || length > 32)
    return false;
  const size = 2 ** (32 - length);
  return Math.floor(network / size) === Math.floor(ip / size);
}
