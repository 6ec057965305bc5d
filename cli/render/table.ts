/**
 * Plain padded columns: readable in a terminal, in a log and through `grep`/`awk` (no box characters, no
 * colour). A header row in capitals, then one row per item; empty cells show `-` so columns stay aligned
 * for `awk`.
 */

export type Cell = string | number | boolean | undefined | null;

export function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = [
    headers.map((header) => header.toUpperCase()),
    ...rows.map((row) => headers.map((_, i) => cell(row[i]))),
  ];
  const widths = headers.map((_, column) => Math.max(...text.map((row) => width(row[column] ?? ''))));
  return text
    .map((row) =>
      row
        .map((value, column) =>
          column === row.length - 1 ? value : value + ' '.repeat((widths[column] ?? 0) - width(value)),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function cell(value: Cell): string {
  if (value === undefined || value === null || value === '') return '-';
  // One line per row: a message with a newline would break the columns.
  return String(value).replace(/\s*\n\s*/g, ' ');
}

/** Width in code points (names are Latin; this keeps an accented letter from counting twice). */
function width(value: string): number {
  return [...value].length;
}
