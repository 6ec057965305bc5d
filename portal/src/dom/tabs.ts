/**
 * Accessible tabs (WAI-ARIA Authoring Practices, "Tabs with automatic activation"): a tablist of buttons,
 * arrow keys and Home/End move between them, only the selected tab is in the Tab order, each panel is
 * labelled by its tab and focusable so keyboard users land in it.
 */
import { h } from './h';

export interface TabSpec {
  id: string;
  label: string;
  panel: HTMLElement;
}

export interface Tabs {
  element: HTMLElement;
  select(id: string): void;
  selected(): string;
  setLabel(id: string, label: string): void;
  onChange(listener: (id: string) => void): void;
}

export function tabs(name: string, specs: TabSpec[]): Tabs {
  const listeners: ((id: string) => void)[] = [];
  const buttons = new Map<string, HTMLButtonElement>();
  const list = h('div', { role: 'tablist', 'aria-label': name, class: 'tablist' });
  for (const spec of specs) {
    const button = h('button', {
      type: 'button',
      role: 'tab',
      id: `tab-${spec.id}`,
      'aria-controls': `panel-${spec.id}`,
      'aria-selected': 'false',
      tabindex: '-1',
      onclick: () => select(spec.id),
      onkeydown: (event) => onKey(event as KeyboardEvent, spec.id),
    });
    button.textContent = spec.label;
    buttons.set(spec.id, button);
    list.append(button);
    spec.panel.id = `panel-${spec.id}`;
    spec.panel.setAttribute('role', 'tabpanel');
    spec.panel.setAttribute('aria-labelledby', `tab-${spec.id}`);
    spec.panel.tabIndex = 0;
    spec.panel.hidden = true;
  }
  let current = '';
  const ids = specs.map((spec) => spec.id);

  function select(id: string, focus = false): void {
    if (!buttons.has(id)) return;
    for (const spec of specs) {
      const on = spec.id === id;
      const button = buttons.get(spec.id);
      button?.setAttribute('aria-selected', String(on));
      if (button) button.tabIndex = on ? 0 : -1;
      spec.panel.hidden = !on;
    }
    if (focus) buttons.get(id)?.focus();
    if (current !== id) {
      current = id;
      for (const listener of listeners) listener(id);
    }
  }

  function onKey(event: KeyboardEvent, id: string): void {
    const index = ids.indexOf(id);
    const next =
      event.key === 'ArrowRight'
        ? ids[(index + 1) % ids.length]
        : event.key === 'ArrowLeft'
          ? ids[(index - 1 + ids.length) % ids.length]
          : event.key === 'Home'
            ? ids[0]
            : event.key === 'End'
              ? ids[ids.length - 1]
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    select(next, true);
  }

  const first = ids[0];
  if (first !== undefined) select(first);
  return {
    element: list,
    select: (id) => select(id),
    selected: () => current,
    setLabel: (id, label) => {
      const button = buttons.get(id);
      if (button && button.textContent !== label) button.textContent = label;
    },
    onChange: (listener) => listeners.push(listener),
  };
}
