/**
 * Classic and Resource Manager side by side: one table row per Classic item, its ARM resources in the same
 * row — names, types, key properties (addresses, sizes, disks, endpoints, rules) and ids. Rebuilt when a
 * scope's status is read (open, or an operation ended), never on a progress tick.
 *
 * A scope of thousands of VMs has tens of thousands of rows: the first {@link pageSize} are drawn, more on
 * request, and a filter narrows them.
 */
import type { ScopeStatus } from '../api/types';
import { h, replaceChildren } from '../dom/h';
import { shortId } from '../format';
import type { ArmItem } from '../model/arm-view';
import type { Prop } from '../model/loose';
import type { SideBySideRow } from '../model/side-by-side-rows';

const pageSize = 400;

const sourceText: Record<ScopeStatus['arm']['source'], string> = {
  planned: 'What Prepare will create (planned: nothing is written yet).',
  written: 'What Prepare wrote (the resources exist in Resource Manager).',
  none: 'Nothing to show on the Resource Manager side.',
};

export class SideBySideView {
  readonly element: HTMLElement;
  readonly #intro = h('p', { class: 'intro' });
  readonly #body = h('tbody');
  readonly #more = h(
    'button',
    { type: 'button', class: 'small', hidden: true, onclick: () => this.#render(this.#limit + pageSize) },
    'Show more rows',
  );
  readonly #filter = h('input', {
    type: 'search',
    id: 'sbs-filter',
    autocomplete: 'off',
    oninput: () => this.#render(pageSize),
  });
  readonly #parts = h('input', {
    type: 'checkbox',
    id: 'sbs-parts',
    checked: true,
    onchange: () => this.#render(pageSize),
  });
  #rows: SideBySideRow[] = [];
  #limit = pageSize;

  constructor() {
    this.element = h(
      'div',
      { class: 'side-by-side' },
      h(
        'div',
        { class: 'toolbar' },
        this.#intro,
        h('label', { for: 'sbs-filter' }, 'Filter rows'),
        this.#filter,
        h(
          'span',
          { class: 'check' },
          this.#parts,
          h('label', { for: 'sbs-parts' }, 'Show parts (subnets, disks, endpoints, extensions)'),
        ),
      ),
      h(
        'table',
        { class: 'sbs', id: 'side-by-side' },
        h(
          'caption',
          { class: 'visually-hidden' },
          'Each Classic resource and the Resource Manager resources it becomes',
        ),
        h('colgroup', null, h('col', { class: 'col-classic' }), h('col', { class: 'col-arm' })),
        h(
          'thead',
          null,
          h('tr', null, h('th', { scope: 'col' }, 'Classic'), h('th', { scope: 'col' }, 'Resource Manager')),
        ),
        this.#body,
      ),
      this.#more,
    );
  }

  show(rows: SideBySideRow[], source: ScopeStatus['arm']['source'], classicPresent: boolean): void {
    this.#rows = rows;
    this.#intro.textContent = `${sourceText[source]}${classicPresent ? '' : ' The Classic side was removed at Commit; its items are listed as the migration accounted for them.'}`;
    this.element.dataset.armSource = source;
    this.#render(pageSize);
  }

  #render(limit: number): void {
    this.#limit = limit;
    const search = this.#filter.value.trim().toLowerCase();
    const parts = this.#parts.checked;
    const visible = this.#rows.filter(
      (row) =>
        (parts || row.depth === 0) &&
        (search === '' ||
          row.classic.name.toLowerCase().includes(search) ||
          row.classic.typeLabel.toLowerCase().includes(search) ||
          row.arm.some((item) => item.name.toLowerCase().includes(search))),
    );
    const shown = visible.slice(0, limit);
    const children: HTMLElement[] = [];
    let group = '';
    for (const row of shown) {
      if (row.group !== group) {
        group = row.group;
        children.push(h('tr', { class: 'group' }, h('th', { colspan: 2, scope: 'colgroup' }, group)));
      }
      children.push(rowElement(row));
    }
    if (shown.length === 0) children.push(h('tr', null, h('td', { colspan: 2 }, 'No rows match.')));
    replaceChildren(this.#body, children);
    this.#more.hidden = visible.length <= shown.length;
    this.#more.textContent = `Show more rows (${visible.length - shown.length} more)`;
  }
}

function rowElement(row: SideBySideRow): HTMLTableRowElement {
  return h(
    'tr',
    {
      class: `depth-${row.depth} outcome-${row.outcome}`,
      'data-classic-type': row.classic.type,
      'data-classic-name': row.classic.name,
      'data-outcome': row.outcome,
    },
    h(
      'th',
      { scope: 'row', class: 'classic' },
      h('span', { class: 'type' }, row.classic.typeLabel),
      h('span', { class: 'name' }, row.classic.name),
      propList(row.classic.props),
      h('code', { class: 'id', title: row.classic.id }, shortId(row.classic.id)),
    ),
    h('td', { class: 'arm' }, armCell(row)),
  );
}

function armCell(row: SideBySideRow): HTMLElement[] {
  if (row.outcome !== 'migrated') {
    return [
      h(
        'p',
        { class: `not-migrated ${row.outcome}` },
        h('strong', null, row.outcome === 'dropped' ? 'Not migrated' : 'Cannot migrate'),
        row.reason ? `: ${row.reason}` : '',
      ),
    ];
  }
  const items = row.arm.map(armItem);
  if (row.classic.note) items.push(h('p', { class: 'note' }, row.classic.note));
  return items;
}

function armItem(item: ArmItem): HTMLElement {
  return h(
    'div',
    { class: 'arm-item', 'data-arm-id': item.id, 'data-phase': item.phase },
    h('span', { class: 'type' }, item.typeLabel),
    h('span', { class: 'name' }, item.name),
    h('span', { class: `phase phase-${item.phase.toLowerCase()}` }, item.phase),
    propList(item.props),
    h('code', { class: 'id', title: item.id }, shortId(item.id)),
  );
}

function propList(props: Prop[]): HTMLElement | null {
  if (props.length === 0) return null;
  return h(
    'dl',
    { class: 'props' },
    props.map(([label, value]) => h('div', null, h('dt', null, label), h('dd', null, value))),
  );
}
