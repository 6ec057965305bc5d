/**
 * Splits a chat command into words. Quotes group words into one (`"Group rg vnet"`); chat clients turn
 * straight quotes into typographic ones (“…”, ‘…’) and `--` into an em dash, so both count. A quote only
 * opens at the start of a word (an apostrophe inside a word is a letter); inside quotes, `\"` is a quote.
 * Pure.
 */
export interface ChatToken {
  /** The word without its quotes. */
  text: string;
  /** The word as typed, quotes included. */
  raw: string;
  quoted: boolean;
}

const doubleQuotes = '"“”„';
const singleQuotes = "'‘’";

export function tokenize(input: string): ChatToken[] {
  const tokens: ChatToken[] = [];
  const text = input.trim();
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const closers = doubleQuotes.includes(ch) ? doubleQuotes : singleQuotes.includes(ch) ? singleQuotes : '';
    if (closers) {
      let value = '';
      let j = i + 1;
      while (j < text.length && !closers.includes(text.charAt(j))) {
        if (text.charAt(j) === '\\' && j + 1 < text.length && closers.includes(text.charAt(j + 1))) j++;
        value += text.charAt(j);
        j++;
      }
      // An unclosed quote runs to the end of the text.
      const end = Math.min(j + 1, text.length);
      tokens.push({ text: value, raw: text.slice(i, end), quoted: true });
      i = end;
      continue;
    }
    let j = i;
    while (j < text.length && !/\s/.test(text.charAt(j))) j++;
    const word = text.slice(i, j);
    tokens.push({ text: word, raw: word, quoted: false });
    i = j;
  }
  return tokens;
}

/** `--name`, also when a chat client turned `--` into an em or en dash. Undefined for other words. */
export function optionName(token: ChatToken): string | undefined {
  if (token.quoted) return undefined;
  const match = /^(?:--|—|–)([a-z][a-z0-9-]*)(?:=(.*))?$/i.exec(token.text);
  return match?.[1]?.toLowerCase();
}

/** The `=value` part of `--name=value`, if any. */
export function inlineOptionValue(token: ChatToken): string | undefined {
  const match = /^(?:--|—|–)[a-z][a-z0-9-]*=(.*)$/i.exec(token.text);
  return match?.[1];
}
