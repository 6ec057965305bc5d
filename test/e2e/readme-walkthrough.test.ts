/**
 * The README's walkthrough, run as written (bash + curl) against a dev host with the demo estate, so the
 * commands a new user copies keep working.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { type DevHost, startDevHost } from '../support/devhost';

let host: DevHost;

beforeAll(async () => {
  host = await startDevHost({ env: { DEMO_DATA: 'true' } });
});
afterAll(async () => {
  await host?.stop();
});

/** The first `sh` block after `heading`. */
function shellBlock(heading: string): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf(heading));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error(`README.md has no sh block under ${heading}`);
  return block;
}

const walkthrough = () => shellBlock('## A whole migration in five minutes');

/** The walkthrough's helper definitions (everything before its first step), which later blocks reuse. */
const walkthroughHelpers = () => walkthrough().slice(0, walkthrough().indexOf('\n# 1.'));

function runShell(script: string) {
  return spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], {
    env: { ...process.env, B: host.baseUrl },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

it('When the README walkthrough is run as written, then every step succeeds and shows what the text says', () => {
  const result = runShell(walkthrough());
  const output = result.stdout;
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  // 1: the demo scopes; 3: Dev-VNet's findings; 5: the ARM side; 6: the refusal; 7: the commit.
  expect(output).toContain('"name": "Prod-VNet"');
  expect(output).toContain('VNET_PEERING');
  expect(output).toContain('"name": "contoso-web-Migrated"');
  expect(output).toContain('OperationNotAllowed');
  expect(output).toContain('"resultingState": "Committed"');
  // 8: the data-plane effects; 10: the injected failure, then the retry.
  expect(output).toContain('"Deallocate"');
  expect(output).toContain('"resultingState": "PrepareFailed"');
  expect(output.match(/"resultingState": "Prepared"/g)?.length).toBeGreaterThanOrEqual(3);
});

it('When the README event and batch examples are run as written, then both schemas and the batch migrate their scopes', () => {
  const result = runShell(`${walkthroughHelpers()}\n${shellBlock('## Event subscriptions and batch runs')}`);
  const output = result.stdout;
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  // 1: the Event Grid schema Prepare; 2: the CloudEvents Commit, sent twice, one operation.
  expect(output).toContain('"source": "eventGrid"');
  expect(output).toContain('"resultingState": "Prepared"');
  expect(output).toContain('"requestedBy": "cab-4711 (via urn:contoso:change-board)"');
  expect(output).toContain('"resultingState": "Committed"');
  // 3: the invalid event, dropped with its reason; 4: the batch and its report.
  expect(output.match(/^202$/gm)).toHaveLength(4);
  expect(output).toContain("'vnets' is not a scope kind");
  expect(output).toContain('ClitestVm8365: Succeeded, Committed');
  expect(output).toMatch(/ClitestVm8667: Blocked, None — Validation found \d+ error\(s\)/);
  expect(output).toContain('"VM_STATE_NOT_MIGRATABLE"');
});
