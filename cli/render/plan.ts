/**
 * `plan`: what Prepare will do, from the scope status's `plan` (shared/domain/plan/migration-plan.ts):
 * resources to create, downtime and IP changes, dropped settings, RBAC re-mapping, quotas, the estimate.
 */
import type { DataPlaneEffect } from '../../shared/domain/translation/data-plane-effects';
import type { ScopeStatus } from '../../shared/use-cases/scope-status';
import { count } from './format';
import { table } from './table';

type Plan = NonNullable<ScopeStatus['plan']>;

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

export function planLines(plan: Plan): string[] {
  const lines: string[] = [];
  const destination =
    plan.destination?.type === 'Existing'
      ? `existing VNet ${plan.destination.resourceGroupName}/${plan.destination.virtualNetworkName}, subnet ${plan.destination.subnetName}`
      : plan.destination?.type === 'New'
        ? 'a new VNet'
        : undefined;
  lines.push(
    `Plan for ${plan.scope.kind} ${plan.scope.name}${destination ? ` (destination: ${destination})` : ''}`,
  );

  lines.push('', `Resource groups (${plan.resourceGroups.length}):`);
  lines.push(
    indent(
      table(
        ['name', 'location', 'prepare'],
        plan.resourceGroups.map((g) => [g.name, g.location, g.alreadyExists ? 'exists' : 'creates']),
      ),
    ),
  );

  lines.push('', `Resources to create (${plan.resources.length}):`);
  lines.push(
    indent(
      table(
        ['name', 'type', 'resource group'],
        plan.resources.map((r) => [r.name, r.type, r.resourceGroup]),
      ),
    ),
  );

  lines.push('', `Downtime: ${plan.dataPlane.downtime ? 'yes' : 'no'}. ${plan.dataPlane.summary}`);
  const changes = plan.dataPlane.virtualMachines.filter((vm) => vm.effects.length > 0);
  if (changes.length > 0) {
    lines.push('', 'IP changes:');
    lines.push(
      indent(
        table(
          ['vm', 'changes'],
          changes.map((vm) => [
            `${vm.cloudService}/${vm.vm}`,
            vm.effects
              .map(effectText)
              .filter((e) => e !== '')
              .join('; '),
          ]),
        ),
      ),
    );
  }

  lines.push(
    '',
    plan.dropped.length > 0 ? `Dropped settings (${plan.dropped.length}):` : 'Dropped settings: none.',
  );
  if (plan.dropped.length > 0)
    lines.push(
      indent(
        table(
          ['type', 'name', 'reason'],
          plan.dropped.map((d) => [d.classicType, d.name, d.reason]),
        ),
      ),
    );
  if (plan.refused.length > 0) {
    lines.push('', `Cannot migrate as they are (${plan.refused.length}; validate says why):`);
    lines.push(
      indent(
        table(
          ['type', 'name', 'reason'],
          plan.refused.map((d) => [d.classicType, d.name, d.reason]),
        ),
      ),
    );
  }

  lines.push(
    '',
    `RBAC: ${count(plan.rbac.mappings.length, 'Classic resource ID')} mapped to ARM IDs; ${count(plan.rbac.roleAssignments.length, 'role assignment')} to re-create on ARM scopes.`,
  );
  if (plan.quotas.length > 0) {
    lines.push('', 'Quotas:');
    lines.push(
      indent(
        table(
          ['location', 'resource', 'required', 'available', 'enough'],
          plan.quotas.map((q) => [
            q.location,
            q.resource,
            q.required,
            q.available,
            q.sufficient === undefined ? 'unknown' : q.sufficient ? 'yes' : 'NO',
          ]),
        ),
      ),
    );
  }
  const e = plan.estimate;
  lines.push(
    '',
    `Estimate (Azure's platform): validate ~${e.validateSeconds} s, prepare ~${e.prepareMinutes} min, commit ~${e.commitMinutes} min, abort ~${e.abortMinutes} min; ${e.armWrites} ARM writes${e.throttled ? ' (the ARM write throttle sets the pace)' : ''}${e.exceedsTimeout ? '; EXCEEDS the 24-hour operation timeout: split the scope' : ''}.`,
  );
  return lines;
}

function effectText(effect: DataPlaneEffect): string {
  switch (effect.kind) {
    case 'stop-deallocate':
      return 'stopped and deallocated';
    case 'start':
      return 'started again';
    case 'internal-ip-changes':
      return `internal IP ${effect.from ?? '?'} changes`;
    case 'vip-changes':
      return `VIP ${effect.vip ?? '?'} changes`;
    case 'vip-kept':
      return `VIP ${effect.vip ?? '?'} kept (reserved IP ${effect.reservedIpName ?? '?'})`;
    case 'instance-public-ip-changes':
      return `public IP ${effect.name} ${effect.from ?? '?'} changes`;
  }
}
