/**
 * The README's CLI session, run as written (bash) against a dev host with a fresh demo estate; `npm link`
 * is replaced by a shell function that runs the built CLI, and `MIGRATION_ENDPOINT` points it at the host.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { type DevHost, startDevHost } from '../support/devhost';

let host: DevHost;

beforeAll(async () => {
  host = await startDevHost({ env: { DEMO_DATA: 'true' } });
});
afterAll(async () => {
  await host?.stop();
});

function cliSession(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## The command line'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md has no CLI session');
  return block.replace(/^npm link.*$/m, '');
}

it('When the README CLI session is run as written, then every command succeeds and shows what the text says', () => {
  const work = mkdtempSync(join(tmpdir(), 'readme-cli-'));
  const cli = resolve('dist/cli/main.js');
  // The session reads the repository's samples by relative path and writes its exports where it runs.
  symlinkSync(resolve('shared'), join(work, 'shared'));
  const script = `classic-migrate() { node ${JSON.stringify(cli)} "$@"; }\n${cliSession()}`;
  const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], {
    env: { ...process.env, MIGRATION_ENDPOINT: host.baseUrl },
    encoding: 'utf8',
    timeout: 180_000,
    cwd: work,
  });
  const output = result.stdout;
  expect(result.stderr).not.toMatch(/error:/i);
  expect(result.status).toBe(0);
  expect(output).toContain('Prepared');
  expect(output).toContain('Committed');
  expect(output).toMatch(/exit 1/);
  expect(output).toContain('wave 1');
  expect(existsSync(join(work, 'contoso-web.template.json'))).toBe(true);
  expect(readFileSync(join(work, 'ClitestVm8667.xml'), 'utf8')).toContain('<HostedService');
});
