/**
 * A linear tag scanner that tracks which elements are open, for two jobs the parser cannot do: naming the
 * element path at a well-formedness error (the validator reports only line and column), and refusing a
 * document nested deeper than the limit before a tree is built for it.
 *
 * Not a parser: it trusts that the text before the point of interest is well-formed (the validator has
 * accepted it, or stopped right there), skips comments, CDATA, processing instructions and quoted
 * attribute values, and never backtracks.
 */

interface OpenElement {
  name: string;
  /** 1-based position among the same-named children of its parent. */
  position: number;
  childCounts: Map<string, number>;
}

/** `/Deployment/RoleList/Role[2]`: `[n]` only from the second same-named sibling on. */
function pathOf(stack: readonly OpenElement[]): string {
  return stack.map((e) => (e.position > 1 ? `/${e.name}[${e.position}]` : `/${e.name}`)).join('');
}

/**
 * Walks the tags of `text` before `until`; `onOpen` sees each start tag with the stack of open elements
 * (the new one last) and may stop the walk by returning true. Returns the stack at the end.
 */
function scanTags(
  text: string,
  until: number,
  onOpen?: (stack: readonly OpenElement[], offset: number) => boolean,
): OpenElement[] {
  const root: OpenElement = { name: '', position: 1, childCounts: new Map() };
  const stack: OpenElement[] = [];
  const parentOf = (): OpenElement => stack[stack.length - 1] ?? root;
  let i = 0;
  while (i < until) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt >= until) break;
    if (text.startsWith('<!--', lt)) {
      i = skipPast(text, '-->', lt + 4);
    } else if (text.startsWith('<![CDATA[', lt)) {
      i = skipPast(text, ']]>', lt + 9);
    } else if (text.startsWith('<?', lt)) {
      i = skipPast(text, '?>', lt + 2);
    } else if (text.startsWith('<!', lt)) {
      i = skipPast(text, '>', lt + 2);
    } else if (text.charAt(lt + 1) === '/') {
      stack.pop();
      i = skipPast(text, '>', lt + 2);
    } else {
      const gt = endOfStartTag(text, lt + 1);
      const name = /^[^\s/>]+/.exec(text.slice(lt + 1, Math.min(gt, lt + 1 + 512)))?.[0] ?? '';
      const parent = parentOf();
      const position = (parent.childCounts.get(name) ?? 0) + 1;
      parent.childCounts.set(name, position);
      stack.push({ name, position, childCounts: new Map() });
      if (onOpen?.(stack, lt)) return stack;
      if (text.charAt(gt - 1) === '/') stack.pop();
      i = gt + 1;
    }
  }
  return stack;
}

function skipPast(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at < 0 ? text.length : at + terminator.length;
}

/** Index of the `>` closing a start tag, skipping quoted attribute values. */
function endOfStartTag(text: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return text.length;
}

/** The path of the elements open at `offset` (the innermost last); `/` when none is. */
export function openElementPathAt(text: string, offset: number): string {
  return pathOf(scanTags(text, offset)) || '/';
}

/** The first element nested deeper than `maxDepth` (the root is depth 1), if any. */
export function findElementDeeperThan(
  text: string,
  maxDepth: number,
): { path: string; offset: number } | undefined {
  let found: { path: string; offset: number } | undefined;
  scanTags(text, text.length, (stack, offset) => {
    if (stack.length <= maxDepth) return false;
    found = { path: pathOf(stack), offset };
    return true;
  });
  return found;
}
