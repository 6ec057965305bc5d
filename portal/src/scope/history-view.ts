/** A scope's history: its operations (newest first) and its audit log (who asked what, from where). */
import type { ScopeStatus } from '../api/types';
import { h, replaceChildren } from '../dom/h';
import { time } from '../format';
import { dataTable } from './tables';

export class HistoryView {
  readonly element = h('div', { class: 'history' });

  show(history: ScopeStatus['history']): void {
    replaceChildren(
      this.element,
      h('h3', null, 'Operations'),
      dataTable(
        'Operations on this scope, newest first',
        ['Operation', 'Status', 'Requested', 'Finished', 'By', 'Result'],
        history.operations.map((op) => [
          op.operation,
          op.status,
          time(op.requestedAt),
          time(op.finishedAt),
          `${op.requestedBy} (${op.source})`,
          op.error ? `${op.error.code}: ${op.error.message}` : (op.resultingState ?? ''),
        ]),
      ),
      h('h3', null, 'Audit'),
      dataTable(
        'Audit log of this scope',
        ['When', 'Who', 'Action', 'Outcome', 'Detail'],
        history.audit.map((entry) => [
          time(entry.at),
          `${entry.actor} (${entry.source})`,
          entry.action,
          entry.outcome,
          entry.detail ?? '',
        ]),
      ),
    );
  }
}
