/**
 * A chat command as the grammar (chat-grammar.ts) reads it, the same for Slack and Teams. Pure types.
 */
import type { ScopeKind } from '../scope/scope';
import type { ChatAction } from './chat-roles';

export interface ScopeTarget {
  kind: ScopeKind;
  /** The name as meant, without quotes. */
  name: string;
  /**
   * The name as typed when it was quoted. netcfg allows quotes inside names (`"my vnet quoted"`), so the
   * quoted form may itself be the name; the use case picks whichever exists.
   */
  quotedForm?: string;
}

export const validationProfiles = ['ga', 'preview-2016'] as const;
export type ValidationProfile = (typeof validationProfiles)[number];

export interface ChatOptions {
  /** `--in-channel`: everyone in the channel sees the answer (otherwise only the caller, on Slack). */
  inChannel: boolean;
  /** `--subscription <id>`; otherwise DEFAULT_SUBSCRIPTION_ID. */
  subscriptionId?: string;
  /** `--preflight` (validate only): also run the ARM-side pre-flight checks. */
  includePreflight?: boolean;
  /** `--profile preview-2016` (validate, prepare). */
  profile?: ValidationProfile;
}

export type ScopeOperationVerb = 'validate' | 'prepare' | 'commit' | 'abort';
export type BatchVerb = 'batchStatus' | 'batchPause' | 'batchResume' | 'batchCancel';

/** Help topics: one per command word. */
export const helpTopics = [
  'validate',
  'prepare',
  'commit',
  'abort',
  'status',
  'plan',
  'approve',
  'batch',
] as const;
export type HelpTopic = (typeof helpTopics)[number];

export type ChatCommand =
  | { verb: ScopeOperationVerb; target: ScopeTarget; options: ChatOptions }
  | { verb: 'status' | 'plan'; target: ScopeTarget; options: ChatOptions }
  | { verb: 'approve'; code: string; options: ChatOptions }
  | { verb: 'batchList'; options: ChatOptions }
  | { verb: BatchVerb; batchId: string; options: ChatOptions }
  /** `help`, or anything the grammar could not read (`problem` says what). */
  | { verb: 'help'; topic?: HelpTopic; problem?: string; options: ChatOptions };

/** The permission a command needs (chat-roles.ts). */
export function actionOf(command: ChatCommand): ChatAction {
  return command.verb;
}
