/** The fixture function app the dev host tests run (test/fixtures/devhost-app), and its recorded facts. */
import { odata, TableClient } from '@azure/data-tables';

import { DevHost, startDevHost, StartDevHostOptions } from '../support/devhost';
import { waitFor } from '../support/wait-for';

export const fixtureApp = {
  app: 'dist/test/fixtures/devhost-app/*.js',
  hostJson: 'test/fixtures/devhost-app/host.json',
  healthPath: '/api/health',
};

export function startFixtureHost(options: StartDevHostOptions = {}): Promise<DevHost> {
  return startDevHost({ ...fixtureApp, ...options });
}

export type Fact = Record<string, unknown> & { rowKey: string; recordedAt: number };

/** Every fact of one kind the fixture functions recorded, in the order they were written. */
export async function readFacts(host: DevHost, kind: string): Promise<Fact[]> {
  const table = TableClient.fromConnectionString(host.storageConnectionString, 'FixtureFacts', {
    allowInsecureConnection: true,
  });
  const facts: Fact[] = [];
  try {
    for await (const row of table.listEntities<Fact>({
      queryOptions: { filter: odata`PartitionKey eq ${kind}` },
    })) {
      facts.push(row);
    }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return [];
    throw error;
  }
  return facts;
}

/** Waits until `count` facts of a kind (matching `where`) exist; returns them. */
export function waitForFacts(
  host: DevHost,
  kind: string,
  count: number,
  where: (fact: Fact) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<Fact[]> {
  return waitFor(
    async () => {
      const facts = (await readFacts(host, kind)).filter(where);
      return facts.length >= count ? facts : undefined;
    },
    { timeoutMs, intervalMs: 150, what: `${count} '${kind}' fact(s)` },
  );
}
