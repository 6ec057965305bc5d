/**
 * Batch plans (`GET /api/batches`) and one batch's progress (`GET /api/batches/{id}`): its status, window and
 * each scope's status and state. The open batch is read again every few seconds while it can still change
 * and the view is shown; its scope rows are kept by key and updated in place.
 */
import type { ApiClient } from '../api/client';
import type { Batch, BatchList, BatchScope, BatchSummary } from '../api/types';
import { h, replaceChildren, setText } from '../dom/h';
import { stateBadge, updateStateBadge } from '../estate/state-badge';
import { time } from '../format';
import { batchForm } from './batch-form';

const finished = ['Succeeded', 'Failed', 'Cancelled'];
const finishedScopes = ['Succeeded', 'Blocked', 'AwaitingCommit', 'Failed', 'Cancelled'];
const refreshMs = 5000;

interface ScopeRow {
  tr: HTMLTableRowElement;
  status: HTMLTableCellElement;
  badge: HTMLSpanElement;
  note: HTMLTableCellElement;
}

export class BatchesView {
  readonly element: HTMLElement;
  readonly #api: ApiClient;
  readonly #list = h('tbody');
  readonly #status = h('p', { class: 'load-status', role: 'status' });
  readonly #detail = h('section', { class: 'batch-detail', 'aria-labelledby': 'batch-title', hidden: true });
  readonly #title = h('h3', { id: 'batch-title' });
  readonly #summary = h('p');
  readonly #bar = h('progress', { id: 'batch-progress', max: 1, value: 0 });
  readonly #barText = h('span', { id: 'batch-progress-text' });
  readonly #scopes = h('tbody');
  #rows = new Map<string, ScopeRow>();
  #listRows = new Map<string, { status: HTMLTableCellElement; counts: HTMLTableCellElement }>();
  #open: string | undefined;
  #timer: number | undefined;
  #visible = false;

  constructor(api: ApiClient) {
    this.#api = api;
    this.#detail.append(
      this.#title,
      this.#summary,
      h(
        'div',
        { class: 'operation' },
        h('label', { for: 'batch-progress' }, 'Scopes done'),
        this.#bar,
        this.#barText,
      ),
      h(
        'table',
        { class: 'data' },
        h('caption', null, 'Scopes of the batch'),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['Scope', 'Kind', 'Status', 'State', 'Note'].map((text) => h('th', { scope: 'col' }, text)),
          ),
        ),
        this.#scopes,
      ),
    );
    this.element = h(
      'div',
      { class: 'batches' },
      h(
        'section',
        { 'aria-labelledby': 'batches-title' },
        h(
          'div',
          { class: 'estate-head' },
          h('h2', { id: 'batches-title' }, 'Batches'),
          h('button', { type: 'button', class: 'small', onclick: () => void this.load() }, 'Refresh'),
        ),
        this.#status,
        h(
          'table',
          { class: 'data' },
          h('caption', { class: 'visually-hidden' }, 'Batch plans of the subscription'),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Batch', 'Status', 'Phases', 'Scopes', 'Window'].map((text) =>
                h('th', { scope: 'col' }, text),
              ),
            ),
          ),
          this.#list,
        ),
        this.#detail,
      ),
      batchForm(api, (batch) => {
        void this.load();
        void this.open(batch.batchId);
      }),
    );
  }

  /** The view is shown or hidden: polling only runs while it is shown. */
  setVisible(visible: boolean): void {
    this.#visible = visible;
    if (visible) void this.load();
    else this.#stop();
  }

  async load(): Promise<void> {
    setText(this.#status, 'Loading batches…');
    try {
      const list = await this.#api.json<BatchList>('GET', '/api/batches');
      this.#listRows = new Map();
      replaceChildren(
        this.#list,
        list.value.length === 0
          ? h('tr', null, h('td', { colspan: 5 }, 'No batch yet.'))
          : list.value.map((batch) => this.#listRow(batch)),
      );
      setText(this.#status, '');
    } catch (error) {
      setText(this.#status, `Could not load the batches: ${(error as Error).message}`);
    }
  }

  #listRow(batch: BatchSummary): HTMLTableRowElement {
    const status = h('td');
    const counts = h('td');
    const tr = h(
      'tr',
      { 'data-batch-id': batch.batchId },
      h(
        'th',
        { scope: 'row' },
        h(
          'button',
          { type: 'button', class: 'link-button', onclick: () => void this.open(batch.batchId) },
          batch.name,
        ),
      ),
      status,
      h('td', null, batch.phases.join(', ')),
      counts,
      h(
        'td',
        null,
        `${time(batch.window.start)}, ${batch.window.durationMinutes} min${batch.window.recurEvery ? `, every ${batch.window.recurEvery}` : ''}`,
      ),
    );
    this.#listRows.set(batch.batchId, { status, counts });
    this.#updateListRow(batch);
    return tr;
  }

  /** The open batch changed: its line in the list says the same. */
  #updateListRow(batch: BatchSummary): void {
    const row = this.#listRows.get(batch.batchId);
    if (!row) return;
    setText(row.status, batch.status);
    setText(
      row.counts,
      Object.entries(batch.counts)
        .map(([status, count]) => `${count} ${status}`)
        .join(', '),
    );
  }

  async open(batchId: string): Promise<void> {
    if (this.#open !== batchId) {
      this.#open = batchId;
      this.#rows = new Map();
      this.#scopes.replaceChildren();
    }
    this.#stop();
    try {
      const batch = await this.#api.json<Batch>('GET', `/api/batches/${encodeURIComponent(batchId)}`);
      if (this.#open !== batchId) return;
      this.#show(batch);
      if (this.#visible && !finished.includes(batch.status))
        this.#timer = window.setTimeout(() => void this.open(batchId), refreshMs);
    } catch (error) {
      setText(this.#status, `Could not load the batch: ${(error as Error).message}`);
    }
  }

  #stop(): void {
    if (this.#timer !== undefined) window.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #show(batch: Batch): void {
    this.#detail.hidden = false;
    this.#detail.dataset.status = batch.status;
    setText(this.#title, `Batch ${batch.name}: ${batch.status}`);
    setText(
      this.#summary,
      `${batch.phases.join(' → ')} · ${batch.maxConcurrent} at once · on failure ${batch.onFailure}${batch.autoCommit ? ' · auto-commit' : ''} · window ${batch.window.open ? `open until ${time(batch.window.closesAt)}` : batch.window.nextOpening ? `opens ${time(batch.window.nextOpening)}` : 'closed'}${batch.note ? ` · ${batch.note}` : ''}`,
    );
    const done = batch.scopes.filter((scope) => finishedScopes.includes(scope.status)).length;
    this.#bar.max = Math.max(1, batch.scopes.length);
    this.#bar.value = done;
    setText(this.#barText, `${done}/${batch.scopes.length} scopes done`);
    for (const scope of batch.scopes) this.#row(scope);
    this.#updateListRow(batch);
  }

  #row(scope: BatchScope): void {
    const key = `${scope.kind}/${scope.name}`;
    let row = this.#rows.get(key);
    if (!row) {
      const badge = stateBadge(scope.state);
      row = { tr: h('tr'), status: h('td'), badge, note: h('td') };
      row.tr.append(
        h('th', { scope: 'row' }, scope.name),
        h('td', null, scope.kind),
        row.status,
        h('td', null, badge),
        row.note,
      );
      this.#scopes.append(row.tr);
      this.#rows.set(key, row);
    }
    setText(row.status, scope.phase ? `${scope.status} (${scope.phase})` : scope.status);
    updateStateBadge(row.badge, scope.state);
    setText(row.note, scope.note ?? '');
  }
}
