/**
 * JSON values in Table entities. A string property holds at most 64 KiB (32 Ki UTF-16 characters) and
 * an entity at most 1 MiB, so a document is split across columns `json0`, `json1`, … and joined on read.
 */

/** Characters per column: under the 32 Ki-character property limit with room to spare. */
const chunkSize = 30_000;
/** Entities carry at most 1 MiB; refuse documents that cannot fit rather than fail at the service. */
const maxDocumentCharacters = 450_000;

export type JsonColumns = Record<`json${number}`, string> & { jsonChunks: number };

export function toJsonColumns(value: unknown): JsonColumns {
  const text = JSON.stringify(value);
  if (text.length > maxDocumentCharacters) {
    throw new Error(`Document of ${text.length} characters is too large for one table row.`);
  }
  const columns: Record<string, string | number> = {};
  let chunks = 0;
  for (let offset = 0; offset < text.length || chunks === 0; offset += chunkSize) {
    columns[`json${chunks}`] = text.slice(offset, offset + chunkSize);
    chunks++;
  }
  columns.jsonChunks = chunks;
  return columns as JsonColumns;
}

export function fromJsonColumns(entity: Record<string, unknown>): unknown {
  const chunks = typeof entity.jsonChunks === 'number' ? entity.jsonChunks : 0;
  let text = '';
  for (let i = 0; i < chunks; i++) {
    const part = entity[`json${i}`];
    if (typeof part !== 'string') throw new Error(`Table row is missing column json${i}.`);
    text += part;
  }
  return JSON.parse(text) as unknown;
}
