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

/** The first `sh` block after the walkthrough heading. */
function walkthrough(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## A whole migration in five minutes'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md has no walkthrough block');
  return block;
}

it('When the README walkthrough is run as written, then every step succeeds and shows what the text says', () => {
  const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', walkthrough()], {
    env: { ...process.env, B: host.baseUrl },
    encoding: 'utf8',
    timeout: 120_000,
  });
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
