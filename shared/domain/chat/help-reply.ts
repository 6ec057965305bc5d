/** The help text: every command, or one command in detail, with what the caller's role allows. Pure. */
import type { HelpTopic } from './chat-command';
import { optionsHelp } from './chat-grammar';
import { type ChatReply, chatReply } from './chat-reply';
import {
  actionWords,
  type ChatAction,
  chatActions,
  type ChatRole,
  permissionTable,
  withArticle,
} from './chat-roles';
import { kindWordsHelp } from './scope-kind-words';

const usage: Record<HelpTopic, { line: string; detail: string[] }> = {
  validate: {
    line: '`validate <kind> <name> [--preflight] [--profile ga]`: check a scope; the findings follow',
    detail: [
      'Runs Azure’s validation (and with `--preflight` the ARM-side checks Prepare runs). Nothing changes.',
      'Under the `preview-2016` profile there is no Validate: Prepare validates first.',
      'Example: `validate vnet Prod-VNet --preflight`',
    ],
  },
  prepare: {
    line: '`prepare <kind> <name>`: create the ARM side and lock the Classic one (operator)',
    detail: ['Progress and the outcome follow here.', 'Example: `prepare vnet Prod-VNet`'],
  },
  commit: {
    line: '`commit <kind> <name>`: make ARM the owner, for good (approver)',
    detail: [
      'With the two-person rule on, a second approver confirms with `approve <code>`.',
      'Example: `commit vnet Prod-VNet`',
    ],
  },
  abort: {
    line: '`abort <kind> <name>`: return a prepared scope to Classic (operator)',
    detail: ['Example: `abort vnet Prod-VNet`'],
  },
  status: {
    line: '`status <kind> <name>`: state, lock, progress and ETA, last operations',
    detail: ['Example: `status cs contoso-web`'],
  },
  plan: {
    line: '`plan <kind> <name>`: what Prepare will do: resources and names, downtime, IP changes, duration',
    detail: ['Example: `plan vnet Prod-VNet`'],
  },
  approve: {
    line: '`approve <code>`: the second approver confirms a commit (approver)',
    detail: ['The code comes with the commit request and expires.', 'Example: `approve K7PQ2M`'],
  },
  batch: {
    line: '`batch list`, `batch status <id>`, `batch pause|resume|cancel <id>`: batch runs',
    detail: [
      'Pausing, resuming and cancelling needs the operator role.',
      'Batches are created with `POST /api/batches`.',
    ],
  },
};

export function helpReply(role: ChatRole, topic?: HelpTopic, problem?: string): ChatReply {
  const allowed = chatActions.filter((action: ChatAction) => permissionTable[action][role]);
  const roleLine = `You are ${withArticle(role)}: you may ${allowed
    .filter((action) => action !== 'help')
    .map((action) => actionWords[action])
    .join(', ')}.`;
  if (topic) {
    return chatReply({
      title: `Help: ${topic}`,
      text: [problem, usage[topic].line].filter(Boolean).join('\n'),
      tone: problem ? 'warning' : 'info',
      sections: [{ heading: 'Details', lines: [...usage[topic].detail, `Options: ${optionsHelp}.`] }],
      footer: roleLine,
    });
  }
  return chatReply({
    title: 'Migration commands',
    text: [problem, 'Classic → Resource Manager migration, one scope at a time.'].filter(Boolean).join('\n'),
    tone: problem ? 'warning' : 'info',
    sections: [
      { heading: 'Commands', lines: Object.values(usage).map((entry) => entry.line) },
      { heading: 'Kinds', lines: [kindWordsHelp()] },
      {
        heading: 'Options',
        lines: [`${optionsHelp}.`, 'Quote names with spaces: `status vnet "Group rg vnet"`.'],
      },
    ],
    footer: roleLine,
  });
}
