/**
 * Real headless Chromium for the portal's tests, through playwright-core (Playwright's own browser download
 * does not work offline: the system's Chromium is used — Debian's `chromium`, which .ci/run installs).
 *
 * - `chromiumPath()`: CHROMIUM_PATH, or the first Chromium/Chrome binary found; undefined when none (the
 *   browser tests are then skipped, saying why);
 * - `axeViolations(page)`: runs axe-core in the page and returns the serious and critical violations;
 * - `screenshotDir()`: test-results/portal (git-ignored), where the tests leave their screenshots.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

export function chromiumPath(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : undefined;
  return candidates.find((path) => existsSync(path));
}

export const noChromiumMessage =
  'No Chromium binary found (set CHROMIUM_PATH, or `apt-get install chromium` as .ci/run does): the portal browser tests are skipped.';

export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(noChromiumMessage);
  // --no-sandbox: CI runs as root, where Chromium refuses its sandbox.
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
}

export function screenshotDir(): string {
  const dir = resolve(process.cwd(), 'test-results/portal');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(screenshotDir(), `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.x A/AA rules on the page as it is now; the serious and critical violations. (Evaluated
 * through the DevTools protocol, so the page's Content-Security-Policy does not block the injected script.)
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  // In the page (source text: the tests compile without the DOM library).
  const violations = await page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  })()`);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
