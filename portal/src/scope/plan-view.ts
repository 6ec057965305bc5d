/**
 * The plan before anything changes: the estimate, the resource groups and names Prepare creates, the
 * downtime and IP changes, the settings that are dropped (and why), the RBAC re-mapping and the quotas.
 */
import type { MigrationPlan } from '../api/types';
import { h, replaceChildren } from '../dom/h';
import { armTypeLabel, duration, minutes, shortId } from '../format';
import { dataTable } from './tables';

/** Names listed before "and N more" (the full list is in the ARM template download). */
const maxNames = 300;

export class PlanView {
  readonly element = h('div', { class: 'plan' });

  show(plan: MigrationPlan | undefined): void {
    if (!plan) {
      replaceChildren(
        this.element,
        h('p', null, 'No plan: the scope is committed, or cannot be analysed (see the findings).'),
      );
      return;
    }
    const e = plan.estimate;
    const ipChanges = plan.dataPlane.virtualMachines.flatMap((vm) =>
      vm.effects
        .filter((effect) => /ip|vip/i.test(effect.kind))
        .map((effect) => [vm.cloudService, vm.vm, effectText(effect)]),
    );
    replaceChildren(
      this.element,
      h(
        'section',
        { 'aria-labelledby': 'plan-estimate' },
        h('h3', { id: 'plan-estimate' }, 'Estimate (Azure platform)'),
        h(
          'dl',
          { class: 'facts' },
          fact('Validate', duration(e.validateSeconds)),
          fact('Prepare', minutes(e.prepareMinutes)),
          fact('Commit', minutes(e.commitMinutes)),
          fact('Abort', minutes(e.abortMinutes)),
          fact('ARM writes', String(e.armWrites)),
          fact('Resources', String(plan.resources.length)),
        ),
        e.throttled
          ? h('p', { class: 'banner warning' }, 'ARM write throttling applies at this size.')
          : null,
        e.exceedsTimeout
          ? h(
              'p',
              { class: 'banner warning' },
              'This scope may exceed the 24-hour operation timeout: split it.',
            )
          : null,
        h('p', { class: 'basis' }, e.basis),
      ),
      h(
        'section',
        { 'aria-labelledby': 'plan-downtime' },
        h('h3', { id: 'plan-downtime' }, 'Downtime and IP changes'),
        h('p', { class: plan.dataPlane.downtime ? 'banner warning' : 'banner ok' }, plan.dataPlane.summary),
        ipChanges.length > 0 ? dataTable('IP changes', ['Cloud service', 'VM', 'Change'], ipChanges) : null,
      ),
      h(
        'section',
        { 'aria-labelledby': 'plan-groups' },
        h('h3', { id: 'plan-groups' }, 'Resource groups and names'),
        dataTable(
          'Resource groups',
          ['Name', 'Location', 'Prepare'],
          plan.resourceGroups.map((group) => [
            group.name,
            group.location,
            group.alreadyExists ? 'exists already' : 'creates it',
          ]),
        ),
        dataTable(
          'Resources by type',
          ['Type', 'Count'],
          Object.entries(plan.countsByType).map(([type, count]) => [armTypeLabel(type), String(count)]),
        ),
        dataTable(
          `Names${plan.resources.length > maxNames ? ` (first ${maxNames} of ${plan.resources.length})` : ''}`,
          ['Name', 'Type', 'Resource group'],
          plan.resources
            .slice(0, maxNames)
            .map((resource) => [resource.name, armTypeLabel(resource.type), resource.resourceGroup]),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'plan-dropped' },
        h('h3', { id: 'plan-dropped' }, 'Dropped settings'),
        dataTable(
          'Not migrated, and why',
          ['Type', 'Name', 'Reason'],
          [...plan.dropped, ...plan.refused].map((item) => [item.classicType, item.name, item.reason ?? '']),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'plan-rbac' },
        h('h3', { id: 'plan-rbac' }, 'RBAC re-mapping'),
        dataTable(
          'Role assignments to recreate',
          ['Principal', 'Role', 'Classic scope', 'Resource Manager scopes'],
          plan.rbac.roleAssignments.map((assignment) => [
            `${assignment.principalName ?? assignment.principalId}${assignment.principalType ? ` (${assignment.principalType})` : ''}`,
            assignment.roleDefinitionName,
            h('code', null, shortId(assignment.classicScope)),
            h('code', null, assignment.armScopes.map(shortId).join('\n')),
          ]),
        ),
        h(
          'p',
          null,
          `${plan.rbac.mappings.length} Classic resource ids map to Resource Manager ids (see the side-by-side view).`,
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'plan-quotas' },
        h('h3', { id: 'plan-quotas' }, 'Quotas'),
        dataTable(
          'ARM quota needed per region',
          ['Region', 'Resource', 'Needed', 'Available', 'Enough'],
          plan.quotas.map((quota) => [
            quota.location,
            quota.resource,
            String(quota.required),
            quota.available === undefined ? 'unknown' : String(quota.available),
            quota.sufficient === undefined ? 'unknown' : quota.sufficient ? 'yes' : 'no',
          ]),
        ),
      ),
    );
  }
}

function fact(label: string, value: string): HTMLElement {
  return h('div', null, h('dt', null, label), h('dd', null, value));
}

function effectText(
  effect: MigrationPlan['dataPlane']['virtualMachines'][number]['effects'][number],
): string {
  switch (effect.kind) {
    case 'internal-ip-changes':
      return `internal IP ${effect.from ?? ''} changes${effect.to ? ` to ${effect.to}` : ''}`;
    case 'vip-kept':
      return `VIP ${effect.vip ?? ''} kept${effect.reservedIpName ? ` (reserved ${effect.reservedIpName})` : ''}`;
    case 'vip-changes':
      return `VIP ${effect.from ?? effect.vip ?? ''} changes`;
    default:
      return effect.kind.replace(/-/g, ' ');
  }
}
