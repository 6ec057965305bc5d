/** The one chat grammar: verbs, kinds and aliases, names with spaces and quotes, options, help. */
import { describe, expect, it } from 'vitest';

import { parseChatCommand } from '../../../../shared/domain/chat/chat-grammar';
import { tokenize } from '../../../../shared/domain/chat/chat-tokens';

describe('chat grammar', () => {
  it.each([
    ['vnet', 'virtualNetwork'],
    ['cs', 'cloudService'],
    ['storage', 'storageAccount'],
    ['rip', 'reservedIp'],
    ['nsg', 'networkSecurityGroup'],
    ['rt', 'routeTable'],
    ['virtualNetworks', 'virtualNetwork'],
    ['CloudServices', 'cloudService'],
    ['reservedIp', 'reservedIp'],
    ['VNET', 'virtualNetwork'],
  ])('When the kind is written %s, then it names %s', (word, kind) => {
    expect(parseChatCommand(`status ${word} x`)).toMatchObject({
      verb: 'status',
      target: { kind, name: 'x' },
    });
  });

  it('When a scope command is read, then verb, target and default options come out', () => {
    expect(parseChatCommand('prepare vnet Prod-VNet')).toEqual({
      verb: 'prepare',
      target: { kind: 'virtualNetwork', name: 'Prod-VNet' },
      options: { inChannel: false },
    });
  });

  it('When the verb is capitalised, then it is still understood', () => {
    expect(parseChatCommand('Validate VNet Prod-VNet')).toMatchObject({ verb: 'validate' });
  });

  it('When a name has spaces without quotes, then the rest of the words are the name', () => {
    expect(parseChatCommand('status vnet Group rg vnet')).toMatchObject({
      target: { name: 'Group rg vnet' },
    });
  });

  it('When a name is quoted, then the quotes group it and its quoted form is kept', () => {
    expect(parseChatCommand('validate vnet "my vnet quoted" --preflight')).toEqual({
      verb: 'validate',
      target: { kind: 'virtualNetwork', name: 'my vnet quoted', quotedForm: '"my vnet quoted"' },
      options: { inChannel: false, includePreflight: true },
    });
  });

  it('When a chat client turned the quotes typographic, then they quote all the same', () => {
    expect(parseChatCommand('status vnet “Group rg vnet”')).toMatchObject({
      target: { name: 'Group rg vnet' },
    });
  });

  it('When a quote is escaped inside quotes, then it is part of the name', () => {
    expect(tokenize('"say \\"hi\\""')[0]).toMatchObject({ text: 'say "hi"', quoted: true });
  });

  it('When an apostrophe is inside a word, then it does not open a quote', () => {
    expect(parseChatCommand("status cs o'brien-web")).toMatchObject({ target: { name: "o'brien-web" } });
  });

  it('When options come anywhere, then they are read: preflight, profile, in-channel, subscription', () => {
    expect(
      parseChatCommand(
        '--in-channel validate --profile preview-2016 vnet Prod-VNet --preflight --subscription=sub-1',
      ),
    ).toEqual({
      verb: 'validate',
      target: { kind: 'virtualNetwork', name: 'Prod-VNet' },
      options: { inChannel: true, includePreflight: true, profile: 'preview-2016', subscriptionId: 'sub-1' },
    });
  });

  it('When a client turned -- into an em dash, then the option is still read', () => {
    expect(parseChatCommand('status vnet Prod-VNet —in-channel')).toMatchObject({
      options: { inChannel: true },
    });
  });

  it('When --preflight is given to prepare, then help says it applies to validate', () => {
    expect(parseChatCommand('prepare vnet Prod-VNet --preflight')).toMatchObject({
      verb: 'help',
      topic: 'prepare',
      problem: expect.stringContaining('Prepare always runs the pre-flight checks'),
    });
  });

  it('When an option is unknown or a profile is wrong, then help says so', () => {
    expect(parseChatCommand('validate vnet x --force')).toMatchObject({
      verb: 'help',
      problem: expect.stringContaining('Unknown option `--force`'),
    });
    expect(parseChatCommand('validate vnet x --profile 2014')).toMatchObject({
      verb: 'help',
      problem: expect.stringContaining('ga or preview-2016'),
    });
  });

  it('When approve is given a code, then it is read upper-cased', () => {
    expect(parseChatCommand('approve k7pq2m')).toMatchObject({ verb: 'approve', code: 'K7PQ2M' });
    expect(parseChatCommand('approve')).toMatchObject({ verb: 'help', topic: 'approve' });
  });

  it('When batch commands are read, then list, status, pause, resume and cancel come out', () => {
    expect(parseChatCommand('batch list')).toMatchObject({ verb: 'batchList' });
    expect(parseChatCommand('batch status b-1')).toMatchObject({ verb: 'batchStatus', batchId: 'b-1' });
    expect(parseChatCommand('batch pause b-1')).toMatchObject({ verb: 'batchPause', batchId: 'b-1' });
    expect(parseChatCommand('batch resume b-1')).toMatchObject({ verb: 'batchResume' });
    expect(parseChatCommand('batch cancel b-1')).toMatchObject({ verb: 'batchCancel' });
    expect(parseChatCommand('batch explode b-1')).toMatchObject({ verb: 'help', topic: 'batch' });
    expect(parseChatCommand('batch pause')).toMatchObject({
      verb: 'help',
      problem: expect.stringContaining('batch id'),
    });
  });

  it('When the text is empty or help, then help comes out, with a topic when one is named', () => {
    expect(parseChatCommand('')).toEqual({ verb: 'help', options: { inChannel: false } });
    expect(parseChatCommand('help')).toMatchObject({ verb: 'help' });
    expect(parseChatCommand('help commit')).toMatchObject({ verb: 'help', topic: 'commit' });
    expect(parseChatCommand('help frobnicate')).toMatchObject({
      verb: 'help',
      problem: expect.stringContaining('frobnicate'),
    });
  });

  it('When the words are unknown, then help says which word was not understood', () => {
    expect(parseChatCommand('frobnicate the vnet')).toMatchObject({
      verb: 'help',
      problem: "I don't know `frobnicate`.",
    });
  });

  it('When the kind is unknown or the name missing, then help for that command says so', () => {
    expect(parseChatCommand('prepare vnets-of-doom x')).toMatchObject({
      verb: 'help',
      topic: 'prepare',
      problem: expect.stringContaining('not a scope kind'),
    });
    expect(parseChatCommand('prepare vnet')).toMatchObject({
      verb: 'help',
      problem: expect.stringContaining('Name the vnet'),
    });
    expect(parseChatCommand('prepare')).toMatchObject({ verb: 'help', topic: 'prepare' });
  });
});
