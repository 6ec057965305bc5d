/** `status`: a scope's state, lock, running operation and progress, findings, and last operations, for people. */
import type { ScopeStatus } from '../../shared/use-cases/scope-status';
import { count, duration, time } from './format';
import { findingLines } from './operation';
import { table } from './table';

/** How many of the last operations `status` lists. */
const operationsShown = 5;

export function statusLines(status: ScopeStatus): string[] {
  const lines = [
    `${status.scope.kindPath}/${status.scope.name} (subscription ${status.scope.subscriptionId})`,
  ];
  lines.push(
    `State:       ${status.state}${status.locked ? `, locked${status.lockedSince ? ` since ${time(status.lockedSince)}` : ''}` : ', not locked'}`,
  );
  if (status.running) {
    const running = status.running;
    lines.push(
      `Running:     ${running.operation} ${running.operationId}, started ${time(running.startedAt)}${running.leaseExpired ? ' (lease expired: the next command abandons it as failed)' : `, lease until ${time(running.leaseUntil)}`}`,
    );
  }
  if (status.progress) {
    const p = status.progress;
    lines.push(
      `Progress:    ${p.done}/${p.total} (${p.percent}%) ${p.step}, ${duration(p.elapsedSeconds)} elapsed, ETA ${p.etaSeconds === undefined ? '?' : duration(p.etaSeconds)}`,
    );
  }
  if (status.validation?.refusal)
    lines.push(`Refused:     ${status.validation.refusal.code}: ${status.validation.refusal.message}`);
  if (status.validation) {
    // Aligned with the labels above ("Findings: …" stands alone when an operation prints it).
    lines.push(
      ...findingLines(status.validation.findings).map((line, i) =>
        i === 0 ? line.replace(/^Findings: /, 'Findings:    ') : line,
      ),
    );
    if (status.validation.blocking) lines.push('  (errors block Prepare: fix them, then validate again)');
  }
  if (status.plan) {
    const plan = status.plan;
    lines.push(
      `Plan:        ${count(plan.resources.length, 'ARM resource')} in ${count(plan.resourceGroups.length, 'resource group')}; ${plan.dataPlane.downtime ? 'downtime for VMs not in a VNet' : 'no downtime'} (classic-migrate plan ${status.scope.kindPath} '${status.scope.name}')`,
    );
  }
  if (status.arm.source !== 'none')
    lines.push(`ARM side:    ${count(status.arm.resources.length, 'resource')} (${status.arm.source})`);
  const operations = status.history.operations.slice(0, operationsShown);
  if (operations.length > 0) {
    lines.push('', 'Last operations:');
    lines.push(
      table(
        ['operation', 'status', 'requested', 'finished', 'state', 'by', 'operation id', 'error'],
        operations.map((op) => [
          op.operation,
          op.status,
          time(op.requestedAt),
          time(op.finishedAt),
          op.resultingState,
          `${op.requestedBy} (${op.source})`,
          op.operationId,
          op.error ? `${op.error.code}: ${op.error.message}` : undefined,
        ]),
      )
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
    );
  }
  return lines;
}
