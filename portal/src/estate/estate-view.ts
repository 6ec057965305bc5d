/**
 * The estate: every scope of the subscription with its state, lock and VM count, filtered by kind, state
 * and lock and searched by name — from `GET /api/migrations`.
 *
 * Built for 1,000 scopes and more: each row is created once and kept by its scope key; a refresh or an
 * operation's end updates only the cells that changed, and filtering only toggles `hidden`. Nothing here
 * re-renders the list.
 */
import type { ApiClient } from '../api/client';
import {
  type EstateList,
  type EstateRow,
  type MigrationState,
  migrationStates,
  type ScopeKindPath,
  scopeKindPaths,
} from '../api/types';
import { h, setText } from '../dom/h';
import { kindLabels } from '../format';
import { type EstateFilter, matches, noFilter } from './estate-filter';
import { stateBadge, updateStateBadge } from './state-badge';

interface RowRefs {
  data: EstateRow;
  tr: HTMLTableRowElement;
  link: HTMLAnchorElement;
  badge: HTMLSpanElement;
  lock: HTMLTableCellElement;
  vms: HTMLTableCellElement;
  running: HTMLSpanElement;
}

export function scopeHash(kindPath: string, name: string): string {
  return `#/${kindPath}/${encodeURIComponent(name)}`;
}

export class EstateView {
  readonly element: HTMLElement;
  readonly #api: ApiClient;
  readonly #rows = new Map<string, RowRefs>();
  readonly #body = h('tbody');
  readonly #count = h('p', { class: 'count', id: 'estate-count', 'aria-live': 'polite' });
  readonly #status = h('p', { class: 'load-status', role: 'status' });
  #filter: EstateFilter = { ...noFilter };
  #selected: string | undefined;

  constructor(api: ApiClient) {
    this.#api = api;
    const search = h('input', {
      type: 'search',
      id: 'estate-search',
      autocomplete: 'off',
      placeholder: 'Name or location',
      oninput: (event) => this.#setFilter({ search: (event.target as HTMLInputElement).value }),
    });
    const kind = select(
      'estate-kind',
      [['', 'All kinds'], ...scopeKindPaths.map((k) => [k, kindLabels[k]] as [string, string])],
      (value) => this.#setFilter({ kind: value as ScopeKindPath | '' }),
    );
    const state = select(
      'estate-state',
      [['', 'All states'], ...migrationStates.map((s) => [s, s] as [string, string])],
      (value) => this.#setFilter({ state: value as MigrationState | '' }),
    );
    const locked = select(
      'estate-locked',
      [
        ['', 'Any'],
        ['locked', 'Locked'],
        ['unlocked', 'Not locked'],
      ],
      (value) => this.#setFilter({ locked: value as EstateFilter['locked'] }),
    );
    this.element = h(
      'section',
      { class: 'estate', 'aria-labelledby': 'estate-title' },
      h(
        'div',
        { class: 'estate-head' },
        h('h2', { id: 'estate-title' }, 'Scopes'),
        h('button', { type: 'button', class: 'small', onclick: () => void this.load() }, 'Refresh'),
      ),
      h(
        'form',
        {
          role: 'search',
          class: 'filters',
          'aria-label': 'Filter scopes',
          onsubmit: (event) => event.preventDefault(),
        },
        field('estate-search', 'Search', search),
        field('estate-kind', 'Kind', kind),
        h(
          'div',
          { class: 'filter-row' },
          field('estate-state', 'State', state),
          field('estate-locked', 'Lock', locked),
        ),
      ),
      this.#count,
      this.#status,
      h(
        'div',
        { class: 'estate-scroll' },
        h(
          'table',
          { class: 'estate-table' },
          h('caption', { class: 'visually-hidden' }, 'Scopes of the subscription'),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, 'Scope'),
              h('th', { scope: 'col' }, 'State'),
              h('th', { scope: 'col' }, 'VMs'),
              h('th', { scope: 'col' }, 'Lock'),
            ),
          ),
          this.#body,
        ),
      ),
    );
  }

  /** Loads (or reloads) the list; rows already shown are updated in place. */
  async load(): Promise<void> {
    setText(this.#status, 'Loading scopes…');
    try {
      const list = await this.#api.json<EstateList>('GET', '/api/migrations');
      this.#apply(list.value);
      setText(this.#status, '');
    } catch (error) {
      setText(this.#status, `Could not load the scopes: ${(error as Error).message}`);
    }
  }

  /** Forgets every row (another subscription). */
  clear(): void {
    this.#rows.clear();
    this.#body.replaceChildren();
    this.#updateCount();
  }

  /** Marks the open scope (aria-current) without touching other rows. */
  select(key: string | undefined): void {
    if (this.#selected === key) return;
    const previous = this.#selected ? this.#rows.get(this.#selected) : undefined;
    previous?.link.removeAttribute('aria-current');
    previous?.tr.classList.remove('selected');
    this.#selected = key;
    const next = key ? this.#rows.get(key) : undefined;
    next?.link.setAttribute('aria-current', 'true');
    next?.tr.classList.add('selected');
  }

  find(kindPath: string, name: string): EstateRow | undefined {
    for (const refs of this.#rows.values())
      if (refs.data.kindPath === kindPath && refs.data.name.toLowerCase() === name.toLowerCase())
        return refs.data;
    return undefined;
  }

  /** One scope changed (an operation ended, its status was read): update its row only. */
  update(key: string, change: Partial<Pick<EstateRow, 'state' | 'locked'>>): void {
    const refs = this.#rows.get(key);
    if (!refs) return;
    refs.data = { ...refs.data, ...change };
    this.#fill(refs);
    refs.tr.hidden = !matches(refs.data, this.#filter);
    this.#updateCount();
  }

  /** Shows that an operation runs on a scope (or no longer does). */
  setRunning(key: string, operation: string | undefined): void {
    const refs = this.#rows.get(key);
    if (!refs) return;
    setText(refs.running, operation ? ` ${operation}…` : '');
  }

  #apply(rows: EstateRow[]): void {
    const seen = new Set<string>();
    let previous: HTMLTableRowElement | undefined;
    for (const row of rows) {
      seen.add(row.scopeKey);
      let refs = this.#rows.get(row.scopeKey);
      if (refs) {
        refs.data = row;
        this.#fill(refs);
      } else {
        refs = this.#create(row);
        this.#rows.set(row.scopeKey, refs);
      }
      refs.tr.hidden = !matches(row, this.#filter);
      // Keep the service's order (kind, name) without moving rows that are already in place.
      const expected: ChildNode | null = previous ? previous.nextSibling : this.#body.firstChild;
      if (expected !== refs.tr) this.#body.insertBefore(refs.tr, expected);
      previous = refs.tr;
    }
    for (const [key, refs] of this.#rows) {
      if (seen.has(key)) continue;
      refs.tr.remove();
      this.#rows.delete(key);
    }
    if (this.#selected) {
      const selected = this.#selected;
      this.#selected = undefined;
      this.select(selected);
    }
    this.#updateCount();
  }

  #create(row: EstateRow): RowRefs {
    const link = h('a', { href: scopeHash(row.kindPath, row.name), class: 'scope-link' }, row.name);
    const running = h('span', { class: 'running' });
    const badge = stateBadge(row.state);
    const vms = h('td', { class: 'num' });
    const lock = h('td');
    const tr = h(
      'tr',
      { 'data-scope-key': row.scopeKey, 'data-name': row.name, 'data-kind': row.kindPath },
      h(
        'th',
        { scope: 'row' },
        link,
        h('span', { class: 'kind' }, kindLabels[row.kindPath] ?? row.kind),
        running,
      ),
      h('td', null, badge),
      vms,
      lock,
    );
    const refs = { data: row, tr, link, badge, lock, vms, running };
    this.#fill(refs);
    return refs;
  }

  #fill(refs: RowRefs): void {
    updateStateBadge(refs.badge, refs.data.state);
    setText(refs.vms, refs.data.virtualMachines === undefined ? '' : String(refs.data.virtualMachines));
    setText(refs.lock, refs.data.locked ? 'Locked' : '');
  }

  #setFilter(change: Partial<EstateFilter>): void {
    this.#filter = { ...this.#filter, ...change };
    for (const refs of this.#rows.values()) {
      const hidden = !matches(refs.data, this.#filter);
      if (refs.tr.hidden !== hidden) refs.tr.hidden = hidden;
    }
    this.#updateCount();
  }

  #updateCount(): void {
    let shown = 0;
    for (const refs of this.#rows.values()) if (!refs.tr.hidden) shown++;
    setText(
      this.#count,
      shown === this.#rows.size ? `${this.#rows.size} scopes` : `${shown} of ${this.#rows.size} scopes`,
    );
  }
}

function select(
  id: string,
  options: [string, string][],
  onChange: (value: string) => void,
): HTMLSelectElement {
  return h(
    'select',
    { id, onchange: (event) => onChange((event.target as HTMLSelectElement).value) },
    options.map(([value, label]) => h('option', { value }, label)),
  );
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}
