/**
 * A value or a reason, for expected failures (our choice: a local Result rather than a dependency).
 * The adapter's public functions return these and never throw for bad input.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
