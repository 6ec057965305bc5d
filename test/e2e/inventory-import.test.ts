/**
 * `POST /api/inventory/import` through the dev host: the six real samples load, unknown elements survive
 * to the export, and bad documents are refused with a reason (element path, DTDs, size, depth).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { hdInsightClusters } from '../fixtures/estate-fact-documents';
import { useDevHost } from '../support/e2e-host';

const e2e = useDevHost();
const samples = join('test', 'fixtures', 'classic');

async function importXml(subscriptionId: string, xml: string | Buffer, query = '') {
  const response = await fetch(
    `${e2e.host.baseUrl}/api/inventory/import?subscriptionId=${subscriptionId}${query}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: xml,
    },
  );
  return {
    status: response.status,
    body: (await response.json()) as {
      kind?: string;
      counts?: Record<string, number>;
      error?: { code: string; message: string; details?: { target: string }[] };
    },
  };
}

describe('inventory import', () => {
  it('When the six real samples are imported, then each loads and the estate lists their scopes', async () => {
    const api = await e2e.freshEstate();
    const files = readdirSync(samples)
      .filter((file) => file.endsWith('.xml'))
      .sort();
    expect(files).toHaveLength(6);
    for (const file of files) {
      const bare = file.startsWith('deployment-');
      // A bare Deployment names no cloud service: the import is told which (its Url says).
      const service = bare
        ? `&cloudService=${/<Url>http:\/\/([^.]+)\./.exec(readFileSync(join(samples, file), 'utf8'))?.[1] ?? ''}`
        : '';
      const result = await importXml(api.subscriptionId, readFileSync(join(samples, file)), service);
      expect(result, file).toMatchObject({ status: 200 });
    }
    const listed = await api.request<{ value: { kind: string; name: string }[] }>('GET', '/api/migrations');
    const names = listed.body.value.map((scope) => scope.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'VnetForGateway',
        'Group test-roman-group ClassicVNet-2717',
        '"my vnet quoted"',
        'dcoddkinztest01',
        'clitestvm8365',
      ]),
    );
  });

  it('When an element is unknown, then it is kept and written back on export', async () => {
    const api = await e2e.freshEstate();
    const xml = readFileSync(join(samples, 'hostedservice-embed-detail-2vms.xml'), 'utf8').replace(
      '<ServiceName>',
      '<FutureFeature>kept as is</FutureFeature><ServiceName>',
    );
    expect((await importXml(api.subscriptionId, xml)).status).toBe(200);
    const exported = await api.request<string>('GET', '/api/exports/cloudServices/dcoddkinztest01/classic');
    expect(exported.body).toContain('<FutureFeature>kept as is</FutureFeature>');
  });

  it('When the XML is malformed, then the answer is 400 naming the element path', async () => {
    const api = await e2e.freshEstate();
    const result = await importXml(
      api.subscriptionId,
      '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><RoleList><Role></RoleList></Deployment>',
      '&cloudService=x',
    );
    expect(result.status).toBe(400);
    expect(result.body.error?.code).toBe('MalformedXml');
    expect(result.body.error?.details?.[0]?.target).toBe('/Deployment/RoleList/Role');
  });

  it('When the document declares a DTD or entities, then it is refused before parsing', async () => {
    const api = await e2e.freshEstate();
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><NetworkConfiguration>&lol2;</NetworkConfiguration>';
    const result = await importXml(api.subscriptionId, laughs);
    expect(result).toMatchObject({ status: 400, body: { error: { code: 'DtdNotAllowed' } } });
  });

  it('When the document is too large or too deep, then it is refused with the limit', async () => {
    const api = await e2e.freshEstate();
    const large = `<NetworkConfiguration xmlns="http://schemas.microsoft.com/ServiceHosting/2011/07/NetworkConfiguration"><!--${'x'.repeat(4 * 1024 * 1024)}--></NetworkConfiguration>`;
    expect((await importXml(api.subscriptionId, large)).body.error?.code).toBe('DocumentTooLarge');
    const deep = `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`;
    expect((await importXml(api.subscriptionId, deep)).body.error?.code).toBe('DocumentTooDeep');
  });

  it('When the body is neither a Service Management nor a facts document, then it is 400 with the documents it takes', async () => {
    const api = await e2e.freshEstate();
    const result = await importXml(api.subscriptionId, '<Invoice/>');
    expect(result.status).toBe(400);
    expect(result.body.error?.code).toBe('UnrecognisedDocument');
    expect(result.body.error?.message).toContain('HostedService');
    expect(result.body.error?.message).toContain('Microsoft.HDInsight/clusters');
  });

  it('When an HDInsight cluster list is posted as JSON, then the VNet it names fails validation and its status shows the fact with its source', async () => {
    const api = await e2e.freshEstate();
    const codes = async () =>
      (await api.status('virtualNetwork', 'Prod-VNet')).validation?.findings.map((finding) => finding.code) ??
      [];
    expect(await codes()).not.toContain('VNET_HDINSIGHT');
    const response = await fetch(
      `${e2e.host.baseUrl}/api/inventory/import?subscriptionId=${api.subscriptionId}&document=hdinsight-clusters.json`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(hdInsightClusters(api.subscriptionId, 'Prod-VNet')),
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ kind: 'Microsoft.HDInsight/clusters', facts: 1 });
    expect(await codes()).toContain('VNET_HDINSIGHT');
    const status = await api.status('virtualNetwork', 'Prod-VNet');
    expect(status.facts).toEqual([
      expect.objectContaining({
        kind: 'hdInsightCluster',
        resourceName: 'contoso-hadoop',
        source: { document: 'hdinsight-clusters.json', documentKind: 'Microsoft.HDInsight/clusters' },
        importedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      }),
    ]);
  });
});
