/**
 * The last step of every reader: the zod model parses what was read (applying its defaults), and a
 * value it refuses becomes InvalidDocument at the element the object came from.
 */
import type { z } from 'zod';

import { invalidDocument } from '../service-management-error';
import type { XmlElement } from '../xml/xml-element';

/**
 * `input` is what the reader collected, typed loosely on purpose (a required element may be missing):
 * the schema is what checks it.
 */
export function modelFrom<S extends z.ZodType>(schema: S, input: unknown, element: XmlElement): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  throw invalidDocument(
    `${element.localName} does not fit the Classic model: ${field}${issue?.message ?? 'invalid'}.`,
    element.path,
    element.line,
  );
}
