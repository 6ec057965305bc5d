/**
 * JSON responses and errors for the JSON API, in the ARM error shape clients already parse:
 * `{ "error": { "code", "message", "details"? } }`. Every error says what to do next.
 */
import type { HttpResponseInit } from '@azure/functions';
import type { z } from 'zod';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return {
    status,
    jsonBody: body,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  };
}

export function jsonError(
  status: number,
  code: string,
  message: string,
  details?: { code?: string; target?: string; message: string }[],
): HttpResponseInit {
  return json(status, { error: { code, message, ...(details && details.length > 0 ? { details } : {}) } });
}

/** A 400 listing every problem zod found, with the path of each. */
export function invalidInput(what: string, error: z.ZodError): HttpResponseInit {
  return jsonError(
    400,
    'InvalidInput',
    `The ${what} is not valid: ${error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}.`,
    error.issues.map((issue) => ({ code: issue.code, target: issue.path.join('.'), message: issue.message })),
  );
}

/** Reads a JSON body; an empty body is `{}`. Undefined when the body is not JSON. */
export async function readJsonBody(request: { text(): Promise<string> }): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
