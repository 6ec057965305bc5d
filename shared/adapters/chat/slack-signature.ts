/**
 * Slack's request signing (v0): `X-Slack-Signature: v0=<hex HMAC-SHA256(secret, "v0:{timestamp}:{raw
 * body}")>` with `X-Slack-Request-Timestamp` in Unix seconds. A timestamp more than 5 minutes from now is a
 * replay; signatures are compared in constant time over the raw body, before anything is parsed.
 * https://docs.slack.dev/authentication/verifying-requests-from-slack/
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

import type { SignatureCheck } from './signature-check';

/** Slack: "more than five minutes from local time" is a possible replay. */
export const slackReplayWindowSeconds = 5 * 60;

export function slackSignature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`, 'utf8').digest('hex')}`;
}

export function verifySlackSignature(input: {
  secret: string | undefined;
  timestamp: string | null;
  signature: string | null;
  body: string;
  now: Date;
}): SignatureCheck {
  if (!input.secret)
    return { ok: false, reason: 'Slack is not configured here (SLACK_SIGNING_SECRET is unset).' };
  if (!input.timestamp || !input.signature)
    return {
      ok: false,
      reason: 'The request is not signed by Slack (X-Slack-Signature and X-Slack-Request-Timestamp).',
    };
  const seconds = Number(input.timestamp);
  if (!/^\d+$/.test(input.timestamp) || !Number.isSafeInteger(seconds))
    return { ok: false, reason: 'X-Slack-Request-Timestamp is not a Unix time.' };
  if (Math.abs(input.now.getTime() / 1000 - seconds) > slackReplayWindowSeconds)
    return { ok: false, reason: 'The request timestamp is more than 5 minutes from now (a replay?).' };
  const expected = Buffer.from(slackSignature(input.secret, input.timestamp, input.body), 'utf8');
  const given = Buffer.from(input.signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'The Slack signature does not match.' };
  return { ok: true };
}
