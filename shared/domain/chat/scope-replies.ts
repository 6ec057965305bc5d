/**
 * `status` and `plan` replies from a scope's status (use-cases/scope-status.ts): state, lock, progress
 * with ETA and the last operations; or the plan — resources and their new names, downtime, IP changes,
 * what is dropped, the duration at Azure's pace — with the validation findings. Pure.
 */
import type { MigrationState } from '../migration/migration-state';
import type { MigrationPlan } from '../plan/migration-plan';
import type { ScopeKind } from '../scope/scope';
import type { DataPlaneEffect } from '../translation/data-plane-effects';
import type { Finding } from '../validation/finding';
import { type ChatReply, chatReply, firstOf, type ReplySection } from './chat-reply';
import { formatDuration, operationTitle, plural, targetLabel } from './chat-text';
import { nextCommands } from './next-steps';
import { countFindings, findingCounts, replyFindings } from './reply-findings';

export interface ScopeView {
  scope: { subscriptionId: string; kind: ScopeKind; name: string };
  state: MigrationState;
  locked: boolean;
  lockedSince?: string;
  running?: { operationId: string; operation: string; startedAt: string; leaseExpired: boolean };
  progress?: {
    step: string;
    done: number;
    total: number;
    percent: number;
    etaSeconds?: number;
    elapsedSeconds: number;
  };
  validation?: {
    findings: readonly Finding[];
    blocking: boolean;
    refusal?: { code: string; message: string };
  };
  plan?: MigrationPlan;
  operations: readonly {
    operationId: string;
    operation: string;
    status: string;
    requestedBy: string;
    requestedAt: string;
    finishedAt?: string;
  }[];
}

/** Sections per reply, lines per section: small enough for every platform (our choice). */
const maxLines = 8;

export function statusReply(view: ScopeView): ChatReply {
  const facts = [
    { label: 'State', value: view.state },
    {
      label: 'Lock',
      value: view.locked ? `locked${view.lockedSince ? ` since ${when(view.lockedSince)}` : ''}` : 'unlocked',
    },
  ];
  if (view.running) facts.push({ label: 'Running', value: runningText(view) });
  if (view.progress?.etaSeconds !== undefined)
    facts.push({ label: 'ETA', value: formatDuration(view.progress.etaSeconds) });
  if (view.validation)
    facts.push({ label: 'Findings', value: findingCounts(countFindings(view.validation.findings)) });
  const last = firstOf(view.operations, 5);
  return chatReply({
    title: `${targetLabel(view.scope)}: ${view.state}`,
    text: view.running
      ? `${operationTitle(view.running.operation)} is running: ${runningText(view)}.`
      : stateSentence(view.state),
    facts,
    sections:
      last.items.length === 0
        ? []
        : [
            {
              heading: 'Last operations',
              lines: last.items.map(
                (op) =>
                  `${operationTitle(op.operation)} ${op.status} — ${when(op.finishedAt ?? op.requestedAt)}, by ${op.requestedBy} (\`${op.operationId}\`)`,
              ),
              more: last.more,
            },
          ],
    next: nextCommands(view.state, view.scope, view.validation?.blocking ?? false),
  });
}

export function planReply(view: ScopeView): ChatReply {
  const { plan, validation } = view;
  const findings = validation ? replyFindings(validation.findings) : undefined;
  const next = nextCommands(view.state, view.scope, validation?.blocking ?? false);
  if (!plan) {
    return chatReply({
      title: `Plan: ${targetLabel(view.scope)}`,
      text:
        validation?.refusal?.message ??
        `No plan: the scope is ${view.state} and has nothing left in Classic.`,
      tone: 'warning',
      facts: [{ label: 'State', value: view.state }],
      ...(findings ? { findings } : {}),
      next,
    });
  }
  const ipChanges = ipChangeLines(plan.dataPlane.virtualMachines);
  const groups = plan.resourceGroups;
  const sections: ReplySection[] = [];
  if (ipChanges.length > 0) sections.push(section('IP changes', ipChanges));
  sections.push(
    section('New names', [
      ...groups.map((group) => `resource group \`${group.name}\`${group.alreadyExists ? ' (exists)' : ''}`),
      ...plan.resources.map((resource) => `\`${resource.name}\` (${shortType(resource.type)})`),
    ]),
  );
  if (plan.dropped.length > 0)
    sections.push(
      section(
        'Not migrated',
        plan.dropped.map((entry) => `${entry.name}: ${entry.reason}`),
      ),
    );
  if (plan.refused.length > 0)
    sections.push(
      section(
        'Refused',
        plan.refused.map((entry) => `${entry.name}: ${entry.reason}`),
      ),
    );
  return chatReply({
    title: `Plan: ${targetLabel(view.scope)}`,
    text: plan.dataPlane.summary,
    tone: validation?.blocking ? 'warning' : 'info',
    facts: [
      { label: 'State', value: view.state },
      {
        label: 'Resources',
        value: `${plan.resources.length} in ${plural(groups.length, 'resource group')}`,
      },
      { label: 'Downtime', value: plan.dataPlane.downtime ? 'yes: VMs outside a VNet restart' : 'none' },
      { label: 'IP changes', value: ipChanges.length === 0 ? 'none' : plural(ipChanges.length, 'VM') },
      {
        label: 'Duration (Azure)',
        value: `Prepare ~${plan.estimate.prepareMinutes} min, Commit ~${plan.estimate.commitMinutes} min`,
      },
      { label: 'Role assignments', value: String(plan.rbac.roleAssignments.length) },
      ...(validation
        ? [{ label: 'Findings', value: findingCounts(countFindings(validation.findings)) }]
        : []),
    ],
    sections,
    ...(findings ? { findings } : {}),
    next,
  });
}

/** One line per VM whose addresses change: internal IP, VIP, instance-level public IPs. */
export function ipChangeLines(
  vms: readonly { cloudService: string; vm: string; effects: readonly DataPlaneEffect[] }[],
): string[] {
  return vms.flatMap((vm) => {
    const changes = vm.effects.flatMap((effect) => {
      switch (effect.kind) {
        case 'internal-ip-changes':
          return [`internal IP ${effect.from ?? '(dynamic)'} changes`];
        case 'vip-changes':
          return [`VIP ${effect.vip ?? ''} changes`.replace('  ', ' ')];
        case 'instance-public-ip-changes':
          return [`public IP ${effect.name} ${effect.from ?? ''} changes`.replace('  ', ' ')];
        default:
          return [];
      }
    });
    return changes.length === 0 ? [] : [`${vm.cloudService}/${vm.vm}: ${changes.join('; ')}`];
  });
}

function runningText(view: ScopeView): string {
  const { running, progress } = view;
  if (!running) return '';
  const steps = progress
    ? `${progress.step} (${progress.done}/${progress.total}, ${progress.percent} %)`
    : 'starting';
  return `${operationTitle(running.operation)}: ${steps}${running.leaseExpired ? ', lease expired' : ''}`;
}

function stateSentence(state: MigrationState): string {
  switch (state) {
    case 'None':
      return 'Not migrated: the scope is in Classic and unlocked.';
    case 'Prepared':
      return 'Prepared: the ARM side exists and Classic is locked. Commit or abort.';
    case 'Committed':
      return 'Committed: Resource Manager owns the resources.';
    case 'PrepareFailed':
      return 'Prepare failed: prepare again or abort.';
    case 'CommitFailed':
      return 'Commit failed: commit again (abort is no longer possible).';
    case 'AbortFailed':
      return 'Abort failed: abort again.';
    default:
      return `${state}.`;
  }
}

function section(heading: string, lines: string[]): ReplySection {
  const shown = firstOf(lines, maxLines);
  return { heading, lines: shown.items, more: shown.more };
}

const shortType = (type: string) => type.split('/').slice(1).join('/') || type;

/** `2026-01-02 03:04 UTC`. */
export function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
