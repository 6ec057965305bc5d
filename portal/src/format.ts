/** Display formats shared by the views: durations, times, kinds, ids. */
import type { ScopeKindPath } from './api/types';

export const kindLabels: Record<ScopeKindPath, string> = {
  virtualNetworks: 'Virtual network',
  cloudServices: 'Cloud service',
  storageAccounts: 'Storage account',
  reservedIps: 'Reserved IP',
  networkSecurityGroups: 'Network security group',
  routeTables: 'Route table',
};

/** "about 2 min", "40 s", "1 h 5 min". */
export function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

/** Minutes as the plan gives them (31.1) → "31 min". */
export function minutes(value: number): string {
  return duration(value * 60);
}

export function time(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** An ARM or Classic id without the `/subscriptions/<id>` prefix every id of the scope shares. */
export function shortId(id: string): string {
  return id.replace(/^\/subscriptions\/[^/]+/i, '');
}

/** `Microsoft.Network/networkInterfaces` → `Network interface`. */
export function armTypeLabel(type: string): string {
  const known: Record<string, string> = {
    'microsoft.compute/virtualmachines': 'Virtual machine',
    'microsoft.compute/virtualmachines/extensions': 'VM extension',
    'microsoft.compute/availabilitysets': 'Availability set',
    'microsoft.network/networkinterfaces': 'Network interface',
    'microsoft.network/loadbalancers': 'Load balancer',
    'microsoft.network/publicipaddresses': 'Public IP address',
    'microsoft.network/virtualnetworks': 'Virtual network',
    'microsoft.network/virtualnetworks/subnets': 'Subnet',
    'microsoft.network/networksecuritygroups': 'Network security group',
    'microsoft.network/routetables': 'Route table',
    'microsoft.network/virtualnetworkgateways': 'VNet gateway',
    'microsoft.network/localnetworkgateways': 'Local network gateway',
    'microsoft.network/connections': 'Connection',
    'microsoft.storage/storageaccounts': 'Storage account',
    'microsoft.keyvault/vaults': 'Key vault',
    'microsoft.resources/resourcegroups': 'Resource group',
    'microsoft.network/loadbalancers/loadbalancingrules': 'Load-balancing rule',
    'microsoft.network/loadbalancers/probes': 'Health probe',
    'microsoft.network/loadbalancers/frontendipconfigurations': 'Frontend IP',
    'microsoft.network/loadbalancers/inboundnatrules': 'Inbound NAT rule',
    'microsoft.network/loadbalancers/backendaddresspools': 'Backend pool',
  };
  return known[type.toLowerCase()] ?? type.split('/').slice(1).join('/');
}

/** `VirtualMachine` → `Virtual machine`, `InputEndpoint` → `Input endpoint`. */
export function classicTypeLabel(type: string): string {
  const spaced = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');
  return (
    spaced.charAt(0) +
    spaced
      .slice(1)
      .toLowerCase()
      .replace(/\bip\b/g, 'IP')
      .replace(/\bvm\b/g, 'VM')
  );
}
