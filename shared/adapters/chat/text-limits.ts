/** Cutting text to a platform's limit, visibly (an ellipsis), and the "and N more" line. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

export function andMore(count: number, what = 'more'): string {
  return `…and ${count} ${what}`;
}
