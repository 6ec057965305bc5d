/**
 * Remakes docs/portal-side-by-side.png: a dev host with the demo estate, Prod-VNet (three cloud services,
 * seven VMs) prepared, and the portal's side-by-side view in headless Chromium (1366 wide), filtered to the
 * web tier's VMs. Needs a build (`npm run build`) and Chromium (CHROMIUM_PATH or Debian's `chromium`).
 *
 *   node dist/scripts/portal-screenshot.js [--out docs/portal-side-by-side.png]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { launchChromium } from '../test/support/browser';
import { startDevHost } from '../test/support/devhost';
import { waitFor } from '../test/support/wait-for';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'docs/portal-side-by-side.png' } },
  });
  const out = resolve(process.cwd(), values.out);
  const host = await startDevHost({ env: { DEMO_DATA: 'true' } });
  const browser = await launchChromium();
  try {
    const started = await fetch(`${host.baseUrl}/api/migrations/virtualNetworks/Prod-VNet/prepare`, {
      method: 'POST',
      headers: { 'idempotency-key': 'portal-screenshot' },
    });
    const { operationId } = (await started.json()) as { operationId: string };
    await waitFor(
      async () => {
        const record = (await (await fetch(`${host.baseUrl}/api/operations/${operationId}`)).json()) as {
          status: string;
        };
        if (record.status === 'Failed') throw new Error('Prepare of Prod-VNet failed');
        return record.status === 'Succeeded';
      },
      { timeoutMs: 60_000, what: 'Prepare of Prod-VNet' },
    );
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${host.baseUrl}/#/virtualNetworks/Prod-VNet`);
    await page.waitForSelector('section.scope[data-state="Prepared"]');
    // The list narrowed to the VNets; in the scope, the web tier's VMs: each Classic VM, its network
    // configuration and its OS disk beside the ARM VM and NIC they became.
    await page.selectOption('#estate-kind', 'virtualNetworks');
    await page.fill('#estate-search', '-VNet');
    await page.fill('#sbs-filter', 'contoso-web0');
    await page.click('#scope-title');
    await page.screenshot({ path: out });
    console.log(`Wrote ${out}`);
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
