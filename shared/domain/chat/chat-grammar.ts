/**
 * The one chat grammar, for Slack and Teams alike:
 *
 *   validate|prepare|commit|abort|status|plan <kind> <name> [options]
 *   approve <code>
 *   batch list | batch status <id> | batch pause|resume|cancel <id>
 *   help [command]
 *
 * Kinds: `vnet`, `cs`, `storage`, `rip`, `nsg`, `rt`, or the API and model names. A name may hold spaces,
 * quoted or not (`validate vnet Group rg vnet`, `validate vnet "Group rg vnet"`). Options, anywhere:
 * `--preflight` (validate), `--profile ga|preview-2016` (validate, prepare), `--in-channel`,
 * `--subscription <id>`. Anything else is answered with help that says what was not understood. Pure.
 */
import {
  type ChatCommand,
  type ChatOptions,
  type HelpTopic,
  helpTopics,
  type ScopeTarget,
  type ValidationProfile,
  validationProfiles,
} from './chat-command';
import { type ChatToken, inlineOptionValue, optionName, tokenize } from './chat-tokens';
import { scopeKindOfWord } from './scope-kind-words';

const scopeVerbs = ['validate', 'prepare', 'commit', 'abort', 'status', 'plan'] as const;
type ScopeVerb = (typeof scopeVerbs)[number];
const batchSubcommands = {
  status: 'batchStatus',
  pause: 'batchPause',
  resume: 'batchResume',
  cancel: 'batchCancel',
} as const;

export const optionsHelp =
  '`--preflight` (validate), `--profile ga|preview-2016` (validate, prepare; `preview-2016` has no validate), `--in-channel`, `--subscription <id>`';

interface ParsedOptions {
  options: ChatOptions;
  words: ChatToken[];
  problem?: string;
}

export function parseChatCommand(text: string): ChatCommand {
  const { options, words, problem } = readOptions(tokenize(text));
  const help = (topic?: HelpTopic, why?: string): ChatCommand => ({
    verb: 'help',
    options,
    ...(topic === undefined ? {} : { topic }),
    ...(why === undefined ? {} : { problem: why }),
  });
  const [first, ...rest] = words;
  const verb = first?.text.toLowerCase() ?? 'help';
  if (problem) return help(isHelpTopic(verb) ? verb : undefined, problem);
  if (verb === 'help' || verb === '?') {
    const topic = rest[0]?.text.toLowerCase();
    if (topic === undefined) return help();
    return isHelpTopic(topic) ? help(topic) : help(undefined, `There is no command \`${topic}\`.`);
  }
  if (isScopeVerb(verb)) return scopeCommand(verb, rest, options, help);
  if (verb === 'approve') {
    const [code, ...extra] = rest;
    if (!code) return help('approve', 'Give the approval code: `approve <code>`.');
    if (extra.length > 0) return help('approve', `Unexpected words after the code: ${quoteWords(extra)}.`);
    return { verb: 'approve', code: code.text.toUpperCase(), options };
  }
  if (verb === 'batch') return batchCommand(rest, options, help);
  return help(undefined, `I don't know \`${first?.raw ?? text}\`.`);
}

function scopeCommand(
  verb: ScopeVerb,
  rest: ChatToken[],
  options: ChatOptions,
  help: (topic?: HelpTopic, why?: string) => ChatCommand,
): ChatCommand {
  const [kindWord, ...nameWords] = rest;
  if (!kindWord) return help(verb, `Say which scope: \`${verb} <kind> <name>\`.`);
  const kind = scopeKindOfWord(kindWord.text);
  if (!kind) return help(verb, `\`${kindWord.raw}\` is not a scope kind.`);
  if (nameWords.length === 0)
    return help(verb, `Name the ${kindWord.text}: \`${verb} ${kindWord.text} <name>\`.`);
  const misplaced = misplacedOption(verb, options);
  if (misplaced) return help(verb, misplaced);
  const target: ScopeTarget = {
    kind,
    name: nameWords.map((word) => word.text).join(' '),
    ...(nameWords.some((word) => word.quoted)
      ? { quotedForm: nameWords.map((word) => word.raw).join(' ') }
      : {}),
  };
  return { verb, target, options };
}

function batchCommand(
  rest: ChatToken[],
  options: ChatOptions,
  help: (topic?: HelpTopic, why?: string) => ChatCommand,
): ChatCommand {
  const [sub, id, ...extra] = rest;
  const word = sub?.text.toLowerCase();
  if (word === undefined) return help('batch', 'Say what to do with batches.');
  if (word === 'list') {
    if (id) return help('batch', `\`batch list\` takes no more words (got ${quoteWords(rest.slice(1))}).`);
    return { verb: 'batchList', options };
  }
  if (word === 'create')
    return help('batch', 'Batches are created with `POST /api/batches`; chat reads and steers them.');
  if (!(word in batchSubcommands))
    return help('batch', `\`batch ${sub?.raw ?? ''}\` is not a batch command.`);
  const verb = batchSubcommands[word as keyof typeof batchSubcommands];
  if (!id) return help('batch', `Give the batch id: \`batch ${word} <id>\`.`);
  if (extra.length > 0) return help('batch', `Unexpected words after the batch id: ${quoteWords(extra)}.`);
  return { verb, batchId: id.text, options };
}

/** Pulls the options out of the words, wherever they are. */
function readOptions(tokens: ChatToken[]): ParsedOptions {
  const options: ChatOptions = { inChannel: false };
  const words: ChatToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as ChatToken;
    const name = optionName(token);
    if (name === undefined) {
      words.push(token);
      continue;
    }
    const valueOf = (): string | undefined => {
      const inline = inlineOptionValue(token);
      if (inline !== undefined) return inline;
      const next = tokens[i + 1];
      if (!next || optionName(next) !== undefined) return undefined;
      i++;
      return next.text;
    };
    switch (name) {
      case 'preflight':
        options.includePreflight = true;
        break;
      case 'in-channel':
        options.inChannel = true;
        break;
      case 'profile': {
        const value = valueOf()?.toLowerCase();
        if (!isProfile(value))
          return { options, words, problem: `\`--profile\` takes ${validationProfiles.join(' or ')}.` };
        options.profile = value;
        break;
      }
      case 'subscription': {
        const value = valueOf()?.trim();
        if (!value) return { options, words, problem: '`--subscription` takes a subscription id.' };
        options.subscriptionId = value;
        break;
      }
      default:
        return { options, words, problem: `Unknown option \`${token.raw}\`. Options: ${optionsHelp}.` };
    }
  }
  return { options, words };
}

/** Options that do not apply to the verb (our choice: say so rather than ignore them). */
function misplacedOption(verb: ScopeVerb, options: ChatOptions): string | undefined {
  if (options.includePreflight && verb !== 'validate') {
    return verb === 'prepare'
      ? '`--preflight` applies to validate; Prepare always runs the pre-flight checks.'
      : '`--preflight` applies to validate only.';
  }
  if (options.profile && verb !== 'validate' && verb !== 'prepare')
    return '`--profile` applies to validate and prepare only.';
  return undefined;
}

const isScopeVerb = (word: string): word is ScopeVerb => (scopeVerbs as readonly string[]).includes(word);
const isHelpTopic = (word: string): word is HelpTopic => (helpTopics as readonly string[]).includes(word);
const isProfile = (value: string | undefined): value is ValidationProfile =>
  (validationProfiles as readonly (string | undefined)[]).includes(value);
const quoteWords = (tokens: ChatToken[]) => tokens.map((token) => `\`${token.raw}\``).join(' ');
