/**
 * The running operation of the open scope: a progress bar (`done/total` steps, percent) with the step and
 * the ETA, updated in place on every poll — the same elements, only their values change.
 */
import type { OperationRecord } from '../api/types';
import { h, setText } from '../dom/h';
import { duration } from '../format';

type ShownRecord = Pick<
  OperationRecord,
  'operation' | 'status' | 'progress' | 'resultingState' | 'error' | 'findings'
>;

export class ProgressView {
  readonly element: HTMLElement;
  readonly #bar = h('progress', { id: 'operation-progress', max: 100, 'aria-describedby': 'operation-text' });
  readonly #label = h('label', { for: 'operation-progress', id: 'operation-label' });
  readonly #text = h('span', { id: 'operation-text', class: 'operation-text' });

  constructor() {
    this.element = h('div', { class: 'operation', hidden: true }, this.#label, this.#bar, this.#text);
  }

  hide(): void {
    this.element.hidden = true;
  }

  show(record: ShownRecord): void {
    this.element.hidden = false;
    const name = record.operation.charAt(0).toUpperCase() + record.operation.slice(1);
    setText(this.#label, `${name}: ${record.status}`);
    const progress = record.progress;
    if (record.status === 'Succeeded' || record.status === 'Failed') {
      this.#set(100);
      setText(this.#text, outcome(record));
      this.element.dataset.status = record.status;
      return;
    }
    this.element.dataset.status = record.status;
    if (!progress || progress.total === 0) {
      // Queued, or a Validate (it runs outside the entity): no steps to count.
      this.#set(undefined);
      setText(this.#text, record.status === 'Queued' ? 'Waiting for its turn…' : 'Working…');
      return;
    }
    this.#set(progress.percent);
    const eta = progress.etaSeconds === undefined ? '' : ` · about ${duration(progress.etaSeconds)} left`;
    setText(this.#text, `${progress.step}: ${progress.done}/${progress.total} (${progress.percent}%)${eta}`);
  }

  /** A value, or indeterminate (no value attribute: the bar shows activity without a measure). */
  #set(percent: number | undefined): void {
    if (percent === undefined) {
      if (this.#bar.hasAttribute('value')) this.#bar.removeAttribute('value');
      return;
    }
    if (this.#bar.value !== percent || !this.#bar.hasAttribute('value')) this.#bar.value = percent;
  }
}

/** What an ended operation achieved: a Validate's findings, or the state the scope is in now. */
function outcome(record: ShownRecord): string {
  if (record.status === 'Failed')
    return `Failed: ${record.error?.message ?? record.error?.code ?? 'see the findings'}`;
  if (record.operation === 'validate') {
    const findings = record.findings?.length ?? 0;
    return `Done: ${findings} finding${findings === 1 ? '' : 's'}, none blocking`;
  }
  return `Done${record.resultingState ? `: ${record.resultingState}` : ''}`;
}
