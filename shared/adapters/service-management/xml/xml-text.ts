/**
 * Character data: decoding the references XML allows without a DTD (the five predefined entities and
 * numeric character references), and escaping for output the way .NET's XmlWriter did for Azure.
 */

const predefinedEntities: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

export type DecodeOutcome = { ok: true; value: string } | { ok: false; reference: string; offset: number };

/**
 * Replaces `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#NN;` `&#xHH;`. Any other reference (a named entity
 * would need a DTD, which is refused) or a code point XML forbids is reported, not passed through.
 */
export function decodeCharacterReferences(raw: string): DecodeOutcome {
  if (!raw.includes('&')) return { ok: true, value: raw };
  let out = '';
  let from = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
    out += raw.slice(from, amp);
    const semi = raw.indexOf(';', amp);
    const reference = semi < 0 ? raw.slice(amp, amp + 12) : raw.slice(amp, semi + 1);
    const body = semi < 0 ? '' : raw.slice(amp + 1, semi);
    const decoded = decodeReference(body);
    if (decoded === undefined) return { ok: false, reference, offset: amp };
    out += decoded;
    from = semi + 1;
  }
  return { ok: true, value: out + raw.slice(from) };
}

function decodeReference(body: string): string | undefined {
  const named = predefinedEntities[body];
  if (named !== undefined && Object.hasOwn(predefinedEntities, body)) return named;
  const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body);
  if (!numeric) return undefined;
  const codePoint = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2] ?? '', 10);
  return isXmlChar(codePoint) ? String.fromCodePoint(codePoint) : undefined;
}

/** XML 1.0 `Char` production. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Element content: `&`, `<`, `>` as entities; CR as a reference so it survives a re-parse. */
export function escapeText(value: string): string {
  return value.replace(/[&<>\r]/g, (ch) => textEscapes[ch] ?? ch);
}

/** Attribute values (always written in double quotes). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\r\n\t]/g, (ch) => attributeEscapes[ch] ?? ch);
}

const textEscapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#xD;',
};
const attributeEscapes: Readonly<Record<string, string>> = {
  ...textEscapes,
  '"': '&quot;',
  '\n': '&#xA;',
  '\t': '&#x9;',
};
