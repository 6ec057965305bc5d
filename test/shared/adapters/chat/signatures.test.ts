/** Slack v0 signatures (with the 5-minute replay window) and Teams HMACs, as the platforms compute them. */
import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { verifySlackSignature } from '../../../../shared/adapters/chat/slack-signature';
import { readTeamsActivity } from '../../../../shared/adapters/chat/teams-activity';
import { verifyTeamsHmac } from '../../../../shared/adapters/chat/teams-hmac';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const body = 'token=x&team_id=T1&command=%2Fmigrate&text=status+vnet+Prod-VNet';
const now = new Date('2026-01-02T03:04:05Z');
const ts = String(Math.floor(now.getTime() / 1000));
const slackSig = (timestamp: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

describe('Slack request signatures', () => {
  it('When the signature matches, then the request is accepted', () => {
    expect(verifySlackSignature({ secret, timestamp: ts, signature: slackSig(ts), body, now })).toEqual({
      ok: true,
    });
  });

  it('When the body or signature differs, then it is refused', () => {
    expect(
      verifySlackSignature({ secret, timestamp: ts, signature: slackSig(ts), body: `${body}x`, now }).ok,
    ).toBe(false);
    expect(verifySlackSignature({ secret, timestamp: ts, signature: 'v0=00', body, now }).ok).toBe(false);
  });

  it('When the timestamp is more than 5 minutes away, then it is a replay', () => {
    const old = String(Number(ts) - 301);
    expect(
      verifySlackSignature({ secret, timestamp: old, signature: slackSig(old), body, now }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('5 minutes'),
    });
  });

  it('When no secret is configured or headers are missing, then it is refused', () => {
    expect(
      verifySlackSignature({ secret: undefined, timestamp: ts, signature: slackSig(ts), body, now }).ok,
    ).toBe(false);
    expect(verifySlackSignature({ secret, timestamp: null, signature: slackSig(ts), body, now }).ok).toBe(
      false,
    );
  });
});

describe('Teams HMAC', () => {
  const key = Buffer.from('a Teams security token of 32 b!!').toString('base64');
  const activity = '{"type":"message","text":"<at>Migrator</at> status vnet Prod-VNet"}';
  const hmac = createHmac('sha256', Buffer.from(key, 'base64'))
    .update(Buffer.from(activity, 'utf8'))
    .digest('base64');

  it('When the HMAC matches, then the request is accepted; otherwise refused', () => {
    expect(verifyTeamsHmac({ secret: key, authorization: `HMAC ${hmac}`, body: activity })).toEqual({
      ok: true,
    });
    expect(verifyTeamsHmac({ secret: key, authorization: `HMAC ${hmac}`, body: `${activity} ` }).ok).toBe(
      false,
    );
    expect(verifyTeamsHmac({ secret: key, authorization: 'Bearer x', body: activity }).ok).toBe(false);
  });

  it('When the activity is read, then the mention, tags and entities are gone', () => {
    const read = readTeamsActivity(
      JSON.stringify({
        type: 'message',
        id: 'a1',
        text: '<at>Migrator</at>&nbsp;validate vnet &quot;Group rg vnet&quot;<br/>',
        from: { id: '29:x', aadObjectId: 'aad-1', name: 'Dana' },
        channelData: { channel: { id: '19:chan' } },
      }),
    );
    expect(read).toMatchObject({
      text: 'validate vnet "Group rg vnet"',
      userId: '29:x',
      aadObjectId: 'aad-1',
      channelId: '19:chan',
      activityId: 'a1',
    });
  });
});
