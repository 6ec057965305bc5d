/**
 * Fills a message template: `{placeholder}` → value. Pure.
 *
 * Templates are Azure's published texts, kept verbatim, so the renderer bends to them rather than the
 * other way round:
 * - Azure's errors page dropped a closing brace in one message (H5 #11: `{hosted-service-name because`).
 *   The platform printed the name there, so an unterminated placeholder followed by a space is filled too.
 * - One message names the same placeholder twice with different meanings (H5 #8: the reported handler
 *   status, then the status it should be). A list value fills successive occurrences in order; the last
 *   item repeats when the list runs out.
 * - Placeholder names may hold spaces (`{data disk name}`); the longest matching name wins.
 * Values are written once and never re-scanned, so a name containing braces cannot be mistaken for a
 * placeholder. A placeholder without a value stays as it is.
 */

export type TemplateValue = string | number;
export type TemplateValues = Readonly<Record<string, TemplateValue | readonly TemplateValue[]>>;

export function renderTemplate(template: string, values: TemplateValues): string {
  const names = Object.keys(values).sort((a, b) => b.length - a.length);
  const used = new Map<string, number>();
  let out = '';
  let i = 0;
  while (i < template.length) {
    const name = template.charAt(i) === '{' ? placeholderAt(template, i, names) : undefined;
    if (name === undefined) {
      out += template.charAt(i);
      i += 1;
      continue;
    }
    const occurrence = used.get(name) ?? 0;
    used.set(name, occurrence + 1);
    out += valueAt(values[name], occurrence);
    const closed = template.charAt(i + name.length + 1) === '}';
    i += name.length + 1 + (closed ? 1 : 0);
  }
  return out;
}

/** The placeholder name starting at `{` position `i`, closed by `}` or (unterminated) by whitespace. */
function placeholderAt(template: string, i: number, names: readonly string[]): string | undefined {
  return names.find((name) => {
    if (!template.startsWith(name, i + 1)) return false;
    const next = template.charAt(i + name.length + 1);
    return next === '}' || /\s/.test(next);
  });
}

function valueAt(value: TemplateValue | readonly TemplateValue[] | undefined, occurrence: number): string {
  if (value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return String(value[Math.min(occurrence, value.length - 1)] ?? '');
}
