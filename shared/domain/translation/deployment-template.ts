/**
 * An ARM deployment template for one resource group of a translation (the backend Azure used ran ARM
 * template deployments, D3; users export them). Pure.
 *
 * - `$schema` 2019-04-01, `contentVersion` 1.0.0.0, no parameters: every value is literal.
 * - Resources drop their `id` (templates address resources by type and name) and take the template name
 *   form `<parent>/<child>` for child types.
 * - `dependsOn` keeps only dependencies in the same group, as `[resourceId('<type>', '<name>'…)]`:
 *   ARM can wait only for resources of the same deployment. Cross-group dependencies are met by
 *   deploying groups in the order `TranslationResult.resourceGroups` gives.
 * - Read-only properties ARM computes itself are left out: an NSG's `defaultSecurityRules`.
 */
import type { ArmResource, ResourceGroup } from '../arm/arm-resource';
import { resourceGroupOfId } from './deployment-network';

export const deploymentTemplateSchema =
  'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

export interface TemplateResource {
  type: string;
  apiVersion: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
  sku?: Record<string, unknown>;
  kind?: string;
  properties: Record<string, unknown>;
  dependsOn?: string[];
}

export interface DeploymentTemplate {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, never>;
  resources: TemplateResource[];
}

/** The template deploying the resources of `resourceGroup` (others are ignored). Pure. */
export function buildDeploymentTemplate(
  resourceGroup: string | Pick<ResourceGroup, 'name'>,
  resources: readonly ArmResource[],
): DeploymentTemplate {
  const group = (typeof resourceGroup === 'string' ? resourceGroup : resourceGroup.name).toLowerCase();
  const inGroup = resources.filter((resource) => resourceGroupOfId(resource.id).toLowerCase() === group);
  const ids = new Set(inGroup.map((resource) => resource.id.toLowerCase()));
  return {
    $schema: deploymentTemplateSchema,
    contentVersion: '1.0.0.0',
    parameters: {},
    resources: inGroup.map((resource) => {
      const dependsOn = (resource.dependsOn ?? [])
        .filter((dependency) => ids.has(dependency.toLowerCase()))
        .map(resourceIdExpression);
      return {
        type: resource.type,
        apiVersion: resource.apiVersion,
        name: templateName(resource.id),
        location: resource.location,
        ...(resource.tags ? { tags: resource.tags } : {}),
        ...(resource.sku ? { sku: resource.sku } : {}),
        ...(resource.kind ? { kind: resource.kind } : {}),
        properties: withoutReadOnly(resource),
        ...(dependsOn.length > 0 ? { dependsOn } : {}),
      };
    }),
  };
}

interface ParsedId {
  type: string;
  names: string[];
}

/** `…/providers/Microsoft.Compute/virtualMachines/vm1/extensions/e` → type `Microsoft.Compute/virtualMachines/extensions`, names [vm1, e]. */
export function parseArmId(id: string): ParsedId {
  const match = /\/providers\/([^/]+)\/(.+)$/i.exec(id);
  const namespace = match?.[1] ?? '';
  const segments = (match?.[2] ?? '').split('/');
  const types: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < segments.length; i += 2) {
    types.push(segments[i] ?? '');
    names.push(segments[i + 1] ?? '');
  }
  return { type: [namespace, ...types].join('/'), names };
}

function templateName(id: string): string {
  return parseArmId(id).names.join('/');
}

/** `[resourceId('Microsoft.Network/networkInterfaces', 'nic1')]`, quotes doubled as ARM expressions need. */
export function resourceIdExpression(id: string): string {
  const { type, names } = parseArmId(id);
  const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
  return `[resourceId(${[type, ...names].map(quote).join(', ')})]`;
}

/**
 * The properties a template may set. Left out: an NSG's read-only default rules, and a VM's `osProfile`
 * when its OS disk is attached — the migrated VM shows an osProfile (empty computerName, Key Vault
 * secrets, WinRM; D1), but Resource Manager refuses one next to `createOption: Attach`, so a
 * deployable template cannot carry it. Pure.
 */
function withoutReadOnly(resource: ArmResource): Record<string, unknown> {
  if (resource.type === 'Microsoft.Network/networkSecurityGroups') {
    const { defaultSecurityRules: _readOnly, ...rest } = resource.properties;
    return rest;
  }
  if (resource.type === 'Microsoft.Compute/virtualMachines' && attachesOsDisk(resource)) {
    const { osProfile: _notDeployable, ...rest } = resource.properties;
    return rest;
  }
  return resource.properties;
}

function attachesOsDisk(vm: ArmResource): boolean {
  const storage = vm.properties['storageProfile'];
  const osDisk =
    typeof storage === 'object' && storage !== null
      ? (storage as Record<string, unknown>)['osDisk']
      : undefined;
  return (
    typeof osDisk === 'object' &&
    osDisk !== null &&
    (osDisk as Record<string, unknown>)['createOption'] === 'Attach'
  );
}
