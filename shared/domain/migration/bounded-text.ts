/**
 * Text cut to a size in UTF-8 bytes (what JSON storage and HTTP carry), on a character boundary, with an
 * ellipsis when cut. Pure.
 */
const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** `text` itself when it fits in `maxBytes`; otherwise its longest prefix that fits with `…` appended. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  const ellipsis = '…';
  const budget = maxBytes - utf8Bytes(ellipsis);
  let used = 0;
  let cut = '';
  for (const character of text) {
    const size = utf8Bytes(character);
    if (used + size > budget) break;
    used += size;
    cut += character;
  }
  return `${cut}${ellipsis}`;
}
