/**
 * Teams outgoing webhooks sign each request: `Authorization: HMAC <base64 HMAC-SHA256(key, raw body as
 * UTF-8)>`, the key being the security token Teams showed when the webhook was created, base64-decoded.
 * There is no timestamp, so no replay window. Compared in constant time.
 * https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

import type { SignatureCheck } from './signature-check';

export function teamsHmac(secretBase64: string, body: string): string {
  return createHmac('sha256', Buffer.from(secretBase64, 'base64'))
    .update(Buffer.from(body, 'utf8'))
    .digest('base64');
}

export function verifyTeamsHmac(input: {
  secret: string | undefined;
  authorization: string | null;
  body: string;
}): SignatureCheck {
  if (!input.secret)
    return { ok: false, reason: 'Teams is not configured here (TEAMS_HMAC_SECRET is unset).' };
  const match = /^HMAC\s+(\S+)$/i.exec(input.authorization?.trim() ?? '');
  if (!match?.[1])
    return { ok: false, reason: 'The request is not signed by Teams (Authorization: HMAC …).' };
  const expected = Buffer.from(teamsHmac(input.secret, input.body), 'utf8');
  const given = Buffer.from(match[1], 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'The Teams HMAC does not match.' };
  return { ok: true };
}
