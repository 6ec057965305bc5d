/**
 * Labels travel base64-encoded in Service Management (hosted services, deployments, storage accounts);
 * the model keeps the decoded text.
 */

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Base64 → UTF-8 text when that is lossless (re-encoding gives the input back); else the input. */
export function decodeBase64Label(text: string): string {
  const compact = text.replace(/\s+/g, '');
  if (!base64Pattern.test(compact)) return text;
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, 'base64'));
    return encodeBase64Label(decoded) === compact ? decoded : text;
  } catch {
    return text;
  }
}

export function encodeBase64Label(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
