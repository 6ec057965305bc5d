/**
 * Who is speaking in chat, as the platform's verified request says: the platform, the user's id (Slack
 * `user_id`; Teams `from.aadObjectId`, else `from.id`), every id a role may be mapped to, and a name for
 * messages. Pure.
 */
import { z } from 'zod';

import type { ChatRole } from './chat-roles';

export const chatPlatforms = ['slack', 'teams'] as const;
export const chatPlatformSchema = z.enum(chatPlatforms);
export type ChatPlatform = z.infer<typeof chatPlatformSchema>;

export const chatUserSchema = z.object({
  platform: chatPlatformSchema,
  id: z.string().min(1),
  name: z.string().optional(),
  /** Other ids of the same user (Teams: `from.id` beside the AAD object id). */
  otherIds: z.array(z.string()).default([]),
});
export type ChatUser = z.infer<typeof chatUserSchema>;

/** `slack:U123 (alice)`: how operations and the audit log name a chat user. */
export function chatIdentity(user: Pick<ChatUser, 'platform' | 'id' | 'name'>): string {
  return `${user.platform}:${user.id}${user.name ? ` (${user.name})` : ''}`;
}

/** The same person: same platform and user id (a person's Slack and Teams ids cannot be linked). */
export function samePerson(
  a: Pick<ChatUser, 'platform' | 'id'>,
  b: Pick<ChatUser, 'platform' | 'id'>,
): boolean {
  return a.platform === b.platform && a.id === b.id;
}

/**
 * The user's role from CHAT_ROLES: `<platform>:<id>` first, then the plain id, for each of the user's
 * ids in order; unmapped users are viewers.
 */
export function roleOf(roles: Readonly<Record<string, ChatRole>>, user: ChatUser): ChatRole {
  const ids = [user.id, ...user.otherIds];
  for (const key of [...ids.map((id) => `${user.platform}:${id}`), ...ids]) {
    const role = roles[key];
    if (role) return role;
  }
  return 'viewer';
}
