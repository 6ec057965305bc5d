/**
 * Names of sub-resources (LB rules, probes, frontends, NAT rules, NSG rules, IP configurations), which
 * must be unique within their parent. Pure.
 */
import { fitDefaultName, sanitizeNameValue } from '../naming/name-sanitizer';

/** `base`, or `base-2`, `base-3`… when taken (case-insensitive); records the name it returns. */
export function uniqueChildName(taken: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** A sub-resource name from Classic names: sanitised like a Microsoft.Network name, `fallback` when empty. */
export function subResourceName(value: string, fallback: string): string {
  const name = fitDefaultName(
    sanitizeNameValue(value, 'Microsoft.Network/loadBalancers'),
    'Microsoft.Network/loadBalancers',
  );
  return name === '' ? fallback : name;
}
