/** A small data table (caption, header row, text cells) for the plan and history views. */
import { type Child, h } from '../dom/h';

export function dataTable(
  caption: string,
  headers: string[],
  rows: Child[][],
  className = 'data',
): HTMLTableElement {
  return h(
    'table',
    { class: className },
    h('caption', null, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        headers.map((header) => h('th', { scope: 'col' }, header)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.length === 0
        ? h('tr', null, h('td', { colspan: headers.length }, 'None.'))
        : rows.map((cells) =>
            h(
              'tr',
              null,
              cells.map((cell) => h('td', null, cell)),
            ),
          ),
    ),
  );
}
