/**
 * The scope's actions: Validate (optionally with the ARM-side pre-flight checks), Prepare, Commit (typed
 * confirmation) and Abort, each sent once with its own `Idempotency-Key` (a retried request answers with
 * the same operation); and the downloads of the ARM templates and of the Classic XML.
 */
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/client';
import {
  type Action,
  actions,
  type MigrationState,
  type ScopeStatus,
  type StartedOperation,
} from '../api/types';
import { announce } from '../dom/announce';
import { h, setText } from '../dom/h';
import { download, fileNameOf } from '../downloads';
import { actionLabels, offered } from './action-rules';
import { confirmCommit } from './commit-dialog';

export interface ActionsHost {
  /** The scope the bar acts on. */
  scope(): ScopeStatus['scope'] | undefined;
  /** An operation was accepted: follow it. */
  started(operation: StartedOperation): void;
}

export class ActionsBar {
  readonly element: HTMLElement;
  readonly #api: ApiClient;
  readonly #host: ActionsHost;
  readonly #buttons = new Map<Action, HTMLButtonElement>();
  readonly #preflight = h('input', { type: 'checkbox', id: 'include-preflight' });
  readonly #message = h('p', { class: 'action-message', id: 'action-message', role: 'alert' });
  readonly #downloads: HTMLButtonElement[];

  constructor(api: ApiClient, host: ActionsHost) {
    this.#api = api;
    this.#host = host;
    for (const action of actions) {
      this.#buttons.set(
        action,
        h(
          'button',
          {
            type: 'button',
            id: `action-${action}`,
            class: action === 'commit' ? 'primary' : '',
            onclick: () => void this.#run(action),
          },
          actionLabels[action],
        ),
      );
    }
    this.#downloads = [
      h(
        'button',
        {
          type: 'button',
          id: 'download-template',
          class: 'link-button',
          onclick: () => void this.#download('template'),
        },
        'ARM template',
      ),
      h(
        'button',
        {
          type: 'button',
          id: 'download-classic',
          class: 'link-button',
          onclick: () => void this.#download('classic'),
        },
        'Classic XML',
      ),
    ];
    this.element = h(
      'div',
      { class: 'actions' },
      h(
        'div',
        { role: 'group', 'aria-label': 'Migration actions', class: 'action-buttons' },
        this.#buttons.get('validate'),
        h(
          'span',
          { class: 'check' },
          this.#preflight,
          h('label', { for: 'include-preflight' }, 'with pre-flight checks'),
        ),
        this.#buttons.get('prepare'),
        this.#buttons.get('commit'),
        this.#buttons.get('abort'),
      ),
      h(
        'div',
        { role: 'group', 'aria-label': 'Downloads', class: 'downloads' },
        h('span', { class: 'muted' }, 'Download:'),
        this.#downloads,
      ),
      this.#message,
    );
  }

  /** Enables what the state allows; nothing while an operation runs. */
  update(state: MigrationState, running: boolean): void {
    for (const [action, button] of this.#buttons) {
      const disabled = running || !offered(action, state);
      if (button.disabled !== disabled) button.disabled = disabled;
    }
  }

  clearMessage(): void {
    setText(this.#message, '');
  }

  async #run(action: Action): Promise<void> {
    const scope = this.#host.scope();
    if (!scope) return;
    this.clearMessage();
    if (action === 'commit' && !(await confirmCommit(scope.name))) {
      this.#buttons.get('commit')?.focus();
      return;
    }
    const body = action === 'validate' && this.#preflight.checked ? { includePreflight: true } : {};
    try {
      const started = await this.#api.json<StartedOperation>(
        'POST',
        `/api/migrations/${scope.kindPath}/${encodeURIComponent(scope.name)}/${action}`,
        {
          body: JSON.stringify(body),
          headers: { 'idempotency-key': crypto.randomUUID() },
          retry: true,
        },
      );
      announce(
        `${actionLabels[action].replace('…', '')} of ${scope.name} ${started.existing ? 'was already requested' : 'started'}.`,
      );
      this.#host.started(started);
    } catch (error) {
      const text =
        error instanceof ApiError
          ? `${error.code}: ${error.message}${error.details.length > 0 ? ` ${error.details.join(' ')}` : ''}`
          : String(error);
      setText(this.#message, text);
    }
  }

  async #download(what: 'template' | 'classic'): Promise<void> {
    const scope = this.#host.scope();
    if (!scope) return;
    this.clearMessage();
    try {
      const path = `/api/exports/${scope.kindPath}/${encodeURIComponent(scope.name)}/${what}`;
      if (what === 'template')
        await download(this.#api, path, fileNameOf(scope.name, '.arm-templates.json'), 'application/json');
      else await download(this.#api, path, fileNameOf(scope.name, '.classic.xml'), 'application/xml');
    } catch (error) {
      setText(this.#message, error instanceof ApiError ? `${error.code}: ${error.message}` : String(error));
    }
  }
}
