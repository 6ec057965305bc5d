/**
 * One scope: its state and lock, the actions, the running operation's progress, and in tabs the Classic and
 * Resource Manager sides side by side, the diagram, the findings, the plan and the history.
 *
 * The full status (`GET /api/migrations/{kind}/{name}`, large for a large scope) is read when the user
 * opens the scope and when an operation on it ends; while one runs only the progress is updated, from the
 * operation record the tracker polls.
 */
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/client';
import type { OperationRecord, ScopeStatus } from '../api/types';
import { announce } from '../dom/announce';
import { h, replaceChildren, setText } from '../dom/h';
import { type Tabs, tabs } from '../dom/tabs';
import { stateBadge, updateStateBadge } from '../estate/state-badge';
import { kindLabels, time } from '../format';
import { ArmView } from '../model/arm-view';
import { ClassicView } from '../model/classic-view';
import { sideBySideRows } from '../model/side-by-side-rows';
import type { OperationTracker } from '../operations';
import { ActionsBar } from './actions-bar';
import { DiagramView } from './diagram-view';
import { FindingsView } from './findings-view';
import { HistoryView } from './history-view';
import { PlanView } from './plan-view';
import { ProgressView } from './progress-view';
import { SideBySideView } from './side-by-side-view';

export interface ScopeViewHost {
  /** The open scope's status was read: its estate row may change. */
  statusRead(status: ScopeStatus): void;
}

export class ScopeView {
  readonly element: HTMLElement;
  readonly #api: ApiClient;
  readonly #tracker: OperationTracker;
  readonly #host: ScopeViewHost;
  readonly #title = h('h2', { id: 'scope-title', tabindex: '-1' });
  readonly #kind = h('span', { class: 'kind' });
  readonly #badge = stateBadge('None');
  readonly #meta = h('p', { class: 'meta' });
  readonly #loading = h('p', { class: 'load-status', role: 'status' });
  readonly #body = h('div', { class: 'scope-body', hidden: true });
  readonly #empty = h(
    'p',
    { class: 'empty' },
    'Choose a scope in the list to see its Classic and Resource Manager sides, its findings and its plan.',
  );
  readonly #actions: ActionsBar;
  readonly #progress = new ProgressView();
  readonly #sideBySide = new SideBySideView();
  readonly #diagram = new DiagramView();
  readonly #findings = new FindingsView();
  readonly #plan = new PlanView();
  readonly #history = new HistoryView();
  readonly #tabs: Tabs;
  #status: ScopeStatus | undefined;
  #open: { kindPath: string; name: string } | undefined;
  #request = 0;
  #staleReads = 0;

  constructor(api: ApiClient, tracker: OperationTracker, host: ScopeViewHost) {
    this.#api = api;
    this.#tracker = tracker;
    this.#host = host;
    this.#actions = new ActionsBar(api, {
      scope: () => this.#status?.scope,
      started: (operation) => {
        const key = this.#status?.scope.key;
        if (!key) return;
        this.#actions.update(this.#status?.state ?? 'None', true);
        this.#progress.show(operation);
        this.#progress.element.focus();
        this.#tracker.follow(key, operation.operationId);
      },
    });
    this.#progress.element.tabIndex = -1;
    const specs = [
      { id: 'side-by-side', label: 'Side by side', panel: panel(this.#sideBySide.element) },
      { id: 'diagram', label: 'Diagram', panel: panel(this.#diagram.element) },
      { id: 'findings', label: 'Findings', panel: panel(this.#findings.element) },
      { id: 'plan', label: 'Plan', panel: panel(this.#plan.element) },
      { id: 'history', label: 'History', panel: panel(this.#history.element) },
    ];
    this.#tabs = tabs('Scope details', specs);
    this.#tabs.onChange((id) => {
      if (id === 'diagram') this.#diagram.drawPending();
    });
    const panels = h(
      'div',
      { class: 'panels' },
      specs.map((spec) => spec.panel),
    );
    this.#body.append(
      h(
        'header',
        { class: 'scope-head' },
        h('div', { class: 'title-line' }, this.#title, this.#kind, this.#badge),
        this.#meta,
      ),
      this.#actions.element,
      this.#progress.element,
      this.#tabs.element,
      panels,
    );
    this.element = h(
      'section',
      { class: 'scope', 'aria-labelledby': 'scope-title', 'aria-busy': 'false' },
      this.#empty,
      this.#loading,
      this.#body,
    );
    tracker.onChange((key, record, ended) => this.#operationChanged(key, record, ended));
  }

  /** Opens a scope (from the list or a link); `focus` moves the keyboard to its heading. */
  async open(kindPath: string, name: string, focus: boolean): Promise<void> {
    const same = this.#open?.kindPath === kindPath && this.#open.name === name;
    this.#open = { kindPath, name };
    if (!same) {
      this.#actions.clearMessage();
      this.#progress.hide();
    }
    await this.#load(focus);
  }

  close(): void {
    this.#open = undefined;
    this.#status = undefined;
    this.#body.hidden = true;
    this.#empty.hidden = false;
    setText(this.#loading, '');
  }

  get openKey(): string | undefined {
    return this.#status?.scope.key;
  }

  async #load(focus: boolean): Promise<void> {
    const open = this.#open;
    if (!open) return;
    const request = ++this.#request;
    this.element.setAttribute('aria-busy', 'true');
    setText(this.#loading, `Loading ${open.name}…`);
    try {
      const status = await this.#api.json<ScopeStatus>(
        'GET',
        `/api/migrations/${open.kindPath}/${encodeURIComponent(open.name)}`,
      );
      if (request !== this.#request) return;
      setText(this.#loading, '');
      this.#render(status);
      this.#host.statusRead(status);
      if (focus) this.#title.focus();
    } catch (error) {
      if (request !== this.#request) return;
      this.#body.hidden = true;
      this.#empty.hidden = true;
      setText(
        this.#loading,
        error instanceof ApiError
          ? `${open.name}: ${error.code}: ${error.message}`
          : `Could not load ${open.name}: ${String(error)}`,
      );
    } finally {
      if (request === this.#request) this.element.setAttribute('aria-busy', 'false');
    }
  }

  #render(status: ScopeStatus): void {
    this.#status = status;
    this.#empty.hidden = true;
    this.#body.hidden = false;
    this.element.dataset.scopeKey = status.scope.key;
    this.element.dataset.state = status.state;
    setText(this.#title, status.scope.name);
    setText(this.#kind, kindLabels[status.scope.kindPath] ?? status.scope.kind);
    updateStateBadge(this.#badge, status.state);
    replaceChildren(this.#meta, ...meta(status));

    const classic = new ClassicView(status.classic);
    const arm = new ArmView(status.arm);
    this.#sideBySide.show(sideBySideRows(status, classic, arm), status.arm.source, classic.present);
    this.#diagram.set(status, classic, arm, this.#tabs.selected() === 'diagram');
    const findings = this.#findings.show(status.validation);
    this.#tabs.setLabel('findings', `Findings (${findings})`);
    this.#plan.show(status.plan);
    this.#history.show(status.history);

    // An operation may be running that this page did not start (the CLI, a batch): follow it too. One the
    // page saw end but the (eventually consistent) entity still names is read again shortly, a few times.
    const followed = this.#tracker.current(status.scope.key);
    const stale = status.running !== undefined && this.#tracker.hasEnded(status.running.operationId);
    if (stale && this.#staleReads < 3) {
      this.#staleReads += 1;
      window.setTimeout(() => void this.#load(false), 1000);
    } else if (!stale) this.#staleReads = 0;
    const running = (stale ? undefined : status.running?.operationId) ?? followed?.operationId;
    if (running) this.#tracker.follow(status.scope.key, running);
    if (followed?.record) this.#progress.show(followed.record);
    this.#actions.update(status.state, running !== undefined);
  }

  #operationChanged(key: string, record: OperationRecord, ended: boolean): void {
    if (key !== this.#status?.scope.key) return;
    this.#progress.show(record);
    if (!ended) return;
    const verb = record.operation.charAt(0).toUpperCase() + record.operation.slice(1);
    announce(
      record.status === 'Succeeded'
        ? `${verb} of ${record.scope.name} succeeded${record.resultingState ? `: ${record.resultingState}` : ''}.`
        : `${verb} of ${record.scope.name} failed: ${record.error?.message ?? record.error?.code ?? ''}`,
    );
    void this.#load(false);
  }
}

function panel(content: HTMLElement): HTMLElement {
  return h('div', { class: 'panel' }, content);
}

function meta(status: ScopeStatus): (HTMLElement | string)[] {
  const parts: (HTMLElement | string)[] = [];
  parts.push(
    status.locked
      ? h('span', { class: 'locked' }, `Locked since ${time(status.lockedSince)}`)
      : h('span', null, 'Not locked'),
  );
  if (status.running)
    parts.push(
      ` · ${status.running.operation} running since ${time(status.running.startedAt)}${status.running.leaseExpired ? ' (lease expired)' : ''}`,
    );
  const vms = status.plan?.dataPlane.virtualMachines.length;
  if (vms) parts.push(` · ${vms} VMs`);
  parts.push(` · ${status.arm.resources.length} Resource Manager resources (${status.arm.source})`);
  return parts;
}
