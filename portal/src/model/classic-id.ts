/**
 * The parts of a Classic resource id as the service writes them (`…/resourceGroups/<rg>/providers/
 * Microsoft.ClassicCompute/virtualMachines/<vm>[/slots/<slot>]/<kind>/<name>`,
 * `…/domainNames/<service>/slots/<slot>/<kind>/<name>`, `…/Microsoft.ClassicNetwork/virtualNetworks/<vnet>/
 * subnets/<name>`): which cloud service, slot and VM a row belongs to, for grouping rows and finding the
 * Classic item's properties.
 */
export interface ClassicIdParts {
  resourceGroup: string;
  provider: string;
  /** `domainNames/<name>` ids. */
  cloudService?: string;
  slot: string;
  /** `virtualMachines/<vm>` ids. */
  virtualMachine?: string;
  /** What follows the resource: `['inputEndpoints', 'https']`. */
  child: string[];
  /** The resource's own type segment and name: `virtualNetworks`, `Prod-VNet`. */
  type: string;
  name: string;
}

export function parseClassicId(id: string): ClassicIdParts | undefined {
  const match = /\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/(.+)$/i.exec(id);
  if (!match) return undefined;
  const [, resourceGroup = '', provider = '', rest = ''] = match;
  const path = rest.split('/');
  const [type = '', name = ''] = path;
  let slot = 'Production';
  let child = path.slice(2);
  if (child[0] === 'slots') {
    slot = child[1] ?? slot;
    child = child.slice(2);
  }
  return {
    resourceGroup,
    provider,
    slot,
    child,
    type,
    name,
    ...(type === 'domainNames' ? { cloudService: name } : {}),
    ...(type === 'virtualMachines' ? { virtualMachine: name } : {}),
  };
}
