/**
 * Classic alert rules and autoscale settings (Azure Monitor), which migration drops (D2):
 *
 * - `Microsoft.Insights/alertrules`: the watched resource is `properties.condition.dataSource.resourceUri`
 *   and the metric `…dataSource.metricName` (learn.microsoft.com/rest/api/monitor/alert-rules/list-by-resource-group);
 *   rules on a Classic VM (`…/Microsoft.ClassicCompute/virtualMachines/<vm>`) are recorded.
 * - `Microsoft.Insights/autoscalesettings`: the scaled resource is `properties.targetResourceUri`
 *   (learn.microsoft.com/rest/api/monitor/autoscale-settings/list-by-resource-group); settings on a cloud
 *   service's availability set (`…/Microsoft.ClassicCompute/domainNames/<cs>/availabilitySets/<set>`,
 *   the production deployment's) or role (`…/domainNames/<cs>/slots/<slot>/roles/<role>`) are recorded.
 *   The two Classic target forms are our reading of how Classic autoscale showed in ARM.
 */
import { isOfType, parseArmResourceId } from './arm-resource-id';
import type { FactCollector } from './fact-reading';
import { factKey, type JsonObject, optionalString, requiredString, setting, valueAt } from './json-values';

export function readAlertRule(item: JsonObject, path: string, out: FactCollector): void {
  const name =
    optionalString(setting(item, 'name')) ?? requiredString(item.name, `${path}.name`, 'The rule name');
  const dataSource = valueAt(setting(item, 'condition'), 'dataSource');
  const targetResourceId = requiredString(
    valueAt(dataSource, 'resourceUri'),
    `${path}.properties.condition.dataSource.resourceUri`,
    'The watched resource',
  );
  const target = parseArmResourceId(targetResourceId);
  const virtualMachine = target?.path[0]?.[1];
  if (
    !target ||
    !isOfType(target, 'Microsoft.ClassicCompute', 'virtualMachines') ||
    virtualMachine === undefined
  ) {
    out.notes.push(`Alert rule ${name} does not watch a Classic VM: nothing recorded for it.`);
    return;
  }
  const metric = optionalString(valueAt(dataSource, 'metricName'));
  const resourceId = optionalString(item.id);
  out.facts.push({
    kind: 'alertRule',
    key: factKey('alertRule', resourceId ?? `${targetResourceId}|${name}`),
    name,
    ...(metric === undefined ? {} : { metric }),
    virtualMachine,
    ...(target.resourceGroup === undefined ? {} : { resourceGroup: target.resourceGroup }),
    targetResourceId,
    ...(resourceId === undefined ? {} : { resourceId }),
  });
}

export function readAutoscaleSetting(item: JsonObject, path: string, out: FactCollector): void {
  const name =
    optionalString(setting(item, 'name')) ?? requiredString(item.name, `${path}.name`, 'The setting name');
  const targetResourceId = requiredString(
    setting(item, 'targetResourceUri'),
    `${path}.properties.targetResourceUri`,
    'The scaled resource',
  );
  const target = parseArmResourceId(targetResourceId);
  const cloudService = target?.path[0]?.[1];
  if (!target || !isOfType(target, 'Microsoft.ClassicCompute', 'domainNames') || cloudService === undefined) {
    out.notes.push(
      `Autoscale setting ${name} does not scale a Classic cloud service: nothing recorded for it.`,
    );
    return;
  }
  const [child, grandChild] = [target.path[1], target.path[2]];
  const slotName = child?.[0].toLowerCase() === 'slots' ? child[1].toLowerCase() : 'production';
  const scaled =
    child?.[0].toLowerCase() === 'availabilitysets'
      ? child[1]
      : grandChild?.[0].toLowerCase() === 'roles'
        ? grandChild[1]
        : undefined;
  const enabled = setting(item, 'enabled');
  const resourceId = optionalString(item.id);
  out.facts.push({
    kind: 'autoscaleSetting',
    key: factKey('autoscaleSetting', resourceId ?? `${targetResourceId}|${name}`),
    name,
    cloudService,
    slot: slotName === 'staging' ? 'Staging' : 'Production',
    ...(scaled === undefined ? {} : { target: scaled }),
    targetResourceId,
    ...(typeof enabled === 'boolean' ? { enabled } : {}),
    ...(resourceId === undefined ? {} : { resourceId }),
  });
}
