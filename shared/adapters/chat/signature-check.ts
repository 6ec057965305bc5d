/** The answer of a request-signature check. */
export type SignatureCheck = { ok: true } | { ok: false; reason: string };
