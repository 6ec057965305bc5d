/**
 * Who may do what in chat: three roles and the permission table (role × action) that every check reads.
 *
 * - viewer: reads (status, plan, batch status and list), validate and help — every user nobody mapped;
 * - operator: also prepare, abort, and pause, resume or cancel batches;
 * - approver: also commit, and approve another approver's commit (the two-person rule).
 *
 * The roles are the app roles of every surface (viewer = Migration.Reader, operator = Migration.Operator,
 * approver = Migration.Approver; README, Identity and roles), and the table is derived from the service's
 * one permission table. Slack and Teams know nothing of them. Pure.
 */
import { z } from 'zod';

import { type Action, allows, type AppRole } from '../auth/permissions';

export const chatRoles = ['viewer', 'operator', 'approver'] as const;
export const chatRoleSchema = z.enum(chatRoles);
export type ChatRole = z.infer<typeof chatRoleSchema>;

/** What a user asks the bot to do; every chat command maps to exactly one. */
export const chatActions = [
  'help',
  'status',
  'plan',
  'validate',
  'batchList',
  'batchStatus',
  'prepare',
  'abort',
  'batchPause',
  'batchResume',
  'batchCancel',
  'commit',
  'approve',
] as const;
export type ChatAction = (typeof chatActions)[number];

/** Chat roles are the app roles of every other surface (README, Identity and roles): one role model. */
export const appRoleOfChatRole: Readonly<Record<ChatRole, AppRole>> = {
  viewer: 'Migration.Reader',
  operator: 'Migration.Operator',
  approver: 'Migration.Approver',
};

/** Each chat action is one action of the service's permission table (domain/auth/permissions.ts). */
export const serviceActionOf: Readonly<Record<ChatAction, Action>> = {
  help: 'read',
  status: 'read',
  plan: 'read',
  validate: 'validate',
  batchList: 'read',
  batchStatus: 'read',
  prepare: 'prepare',
  abort: 'abort',
  batchPause: 'batch',
  batchResume: 'batch',
  batchCancel: 'batch',
  commit: 'commit',
  approve: 'commit',
};

/** The permission table as chat sees it, derived from the service's one table. */
export const permissionTable: Readonly<Record<ChatAction, Readonly<Record<ChatRole, boolean>>>> =
  Object.fromEntries(
    chatActions.map((action) => [
      action,
      Object.fromEntries(
        chatRoles.map((role) => [role, allows([appRoleOfChatRole[role]], serviceActionOf[action])]),
      ),
    ]),
  ) as Record<ChatAction, Record<ChatRole, boolean>>;

/** How an action is written in chat, for messages. */
export const actionWords: Readonly<Record<ChatAction, string>> = {
  help: 'help',
  status: 'status',
  plan: 'plan',
  validate: 'validate',
  batchList: 'batch list',
  batchStatus: 'batch status',
  prepare: 'prepare',
  abort: 'abort',
  batchPause: 'batch pause',
  batchResume: 'batch resume',
  batchCancel: 'batch cancel',
  commit: 'commit',
  approve: 'approve',
};

export type Authorization =
  { allowed: true } | { allowed: false; needed: ChatRole; role: ChatRole; message: string };

/** May `role` do `action`? A refusal names the least role that may, and the caller's own. */
export function authorize(role: ChatRole, action: ChatAction): Authorization {
  const row = permissionTable[action];
  if (row[role]) return { allowed: true };
  const needed = chatRoles.find((candidate) => row[candidate]) ?? 'approver';
  return {
    allowed: false,
    needed,
    role,
    message: `${actionWords[action]} needs the ${needed} role; you are ${withArticle(role)}.`,
  };
}

export function withArticle(role: ChatRole): string {
  return /^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`;
}
