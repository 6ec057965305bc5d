/**
 * Which Service Management documents make up the demo estate, in import order, relative to this folder.
 *
 * - `samples/`: the six real, unmodified recordings (attribution in samples/README.md).
 * - `sample-context/`: ours — the few facts a sample leaves out but its scopes need (the cloud service of a
 *   bare Deployment body with its location, a VNet or reserved IP the deployment references). Each sample
 *   lists its own, so the golden translations can import a sample with exactly the context it needs.
 * - `estate/`: ours — the mixed estate of the fictitious Contoso, plus `facts.json` for what Service
 *   Management never returns.
 *
 * The order matters only where documents name the same resource: merges replace by name, so the context
 * VNets come after the netcfg sample whose site they complete.
 */

export interface DemoDocument {
  /** Relative to shared/demo, with forward slashes. */
  path: string;
  /** The cloud service a bare `Deployment` body belongs to (Service Management does not say). */
  cloudServiceName?: string;
}

export interface SampleWithContext {
  sample: DemoDocument;
  /** Our documents the sample's scopes need, imported after the sample. */
  context: readonly string[];
}

export const realSamples: readonly SampleWithContext[] = [
  { sample: { path: 'samples/netcfg-vnets-gateway-localsites.xml' }, context: [] },
  { sample: { path: 'samples/hostedservice-embed-detail-2vms.xml' }, context: [] },
  {
    sample: { path: 'samples/deployment-2vms-reservedip-novnet.xml', cloudServiceName: 'ClitestVm8667' },
    context: [
      'sample-context/hostedservice-ClitestVm8667.xml',
      'sample-context/reservedip-clitestrip8955.xml',
    ],
  },
  {
    sample: { path: 'samples/deployment-vnet-staticip-extension.xml', cloudServiceName: 'clitestvm5533' },
    context: ['sample-context/hostedservice-clitestvm5533.xml', 'sample-context/netcfg-MyNetwork.xml'],
  },
  {
    sample: {
      path: 'samples/deployment-vnet-multinic-ipforwarding.xml',
      cloudServiceName: 'ClitestVmVnet7436',
    },
    context: [
      'sample-context/hostedservice-ClitestVmVnet7436.xml',
      'sample-context/netcfg-CliTestVnetVm486.xml',
    ],
  },
  {
    sample: { path: 'samples/deployment-lb-endpointset-probe.xml', cloudServiceName: 'ClitestVm8365' },
    context: ['sample-context/hostedservice-ClitestVm8365.xml'],
  },
];

export const estateDocuments: readonly DemoDocument[] = [
  { path: 'estate/netcfg.xml' },
  { path: 'estate/hostedservice-contoso-dc.xml' },
  { path: 'estate/hostedservice-contoso-web.xml' },
  { path: 'estate/hostedservice-contoso-app.xml' },
  { path: 'estate/hostedservice-contoso-sql.xml' },
  { path: 'estate/hostedservice-contoso-marketing.xml' },
  { path: 'estate/hostedservice-contoso-dev-app.xml' },
  { path: 'estate/hostedservice-contoso-dev-build.xml' },
  { path: 'estate/hostedservice-contoso-partner-portal.xml' },
  { path: 'estate/hostedservice-contoso-partner-sftp.xml' },
  { path: 'estate/storageservices.xml' },
  { path: 'estate/reservedips.xml' },
  { path: 'estate/networksecuritygroup-contoso-web-nsg.xml' },
  { path: 'estate/networksecuritygroup-contoso-legacy-nsg.xml' },
  { path: 'estate/routetable-contoso-prod-rt.xml' },
  { path: 'estate/routetable-contoso-legacy-rt.xml' },
];

/** Facts Service Management never returns (quotas, role assignments, blob sizes, alerts, peerings…). */
export const estateFactsPath = 'estate/facts.json';

/** A sample followed by its context documents. */
export function documentsOfSample(entry: SampleWithContext): DemoDocument[] {
  return [entry.sample, ...entry.context.map((path) => ({ path }))];
}

/** Every document of the demo in import order: the samples, then their context, then the estate. */
export function demoDocuments(): DemoDocument[] {
  const context = [...new Set(realSamples.flatMap((entry) => entry.context))].map((path) => ({ path }));
  return [...realSamples.map((entry) => entry.sample), ...context, ...estateDocuments];
}
