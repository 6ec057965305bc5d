/**
 * Which Service Management documents make up the demo estate, in import order, relative to this folder.
 *
 * - `samples/`: the six real, unmodified recordings (attribution in samples/README.md).
 * - `sample-context/`: ours — the few facts a sample leaves out but its scopes need (the cloud service of a
 *   bare Deployment body with its location, a VNet or reserved IP the deployment references). Each sample
 *   lists its own, so the golden translations can import a sample with exactly the context it needs.
 * - `estate/`: ours — the mixed estate of the fictitious Contoso; `estate/facts/` holds what Service
 *   Management never returns, each fact in the shape of the API that returns it (docs/estate-facts.md),
 *   imported through the same path as a user's documents.
 *
 * The order matters only where documents name the same resource: merges replace by name, so the context
 * VNets come after the netcfg sample whose site they complete.
 */

export interface DemoDocument {
  /** Relative to shared/demo, with forward slashes. */
  path: string;
  /** The cloud service a bare `Deployment` body belongs to (Service Management does not say). */
  cloudServiceName?: string;
  /** The VNet a `Gateway` document is about (only its URL says). */
  virtualNetworkName?: string;
  /** The region a Compute usage list is about (only its URL says). */
  location?: string;
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

/**
 * Facts Service Management never returns, as the APIs that return them would give them (see
 * estate/facts/README.md): registration, quotas, affinity groups, role assignments, alert rules, VHD blob
 * sizes, the hub gateway's type and VIP, the ARM VNet peered with Dev-VNet.
 */
export const estateFactDocuments: readonly DemoDocument[] = [
  { path: 'estate/facts/provider-classic-infrastructure-migrate.json' },
  { path: 'estate/facts/usages-compute-westeurope.json', location: 'westeurope' },
  { path: 'estate/facts/usages-network-westeurope.json' },
  { path: 'estate/facts/usages-compute-northeurope.json', location: 'northeurope' },
  { path: 'estate/facts/usages-network-northeurope.json' },
  { path: 'estate/facts/usages-compute-westus.json', location: 'westus' },
  { path: 'estate/facts/usages-network-westus.json' },
  { path: 'estate/facts/usages-compute-eastus.json', location: 'eastus' },
  { path: 'estate/facts/usages-network-eastus.json' },
  { path: 'estate/facts/usages-compute-southcentralus.json', location: 'southcentralus' },
  { path: 'estate/facts/usages-network-southcentralus.json' },
  { path: 'estate/facts/usages-compute-southeastasia.json', location: 'southeastasia' },
  { path: 'estate/facts/usages-network-southeastasia.json' },
  { path: 'estate/facts/affinitygroups.xml' },
  { path: 'estate/facts/role-assignments.json' },
  { path: 'estate/facts/alertrules.json' },
  { path: 'estate/facts/blobs-contososqlprem-vhds.xml' },
  { path: 'estate/facts/blobs-contosoprodvhds-vhds.xml' },
  { path: 'estate/facts/blobs-contosodevvhds-vhds.xml' },
  { path: 'estate/facts/gateway-Hub-VNet.xml', virtualNetworkName: 'Hub-VNet' },
  { path: 'estate/facts/virtualnetworks-arm.json' },
];

/** A sample followed by its context documents. */
export function documentsOfSample(entry: SampleWithContext): DemoDocument[] {
  return [entry.sample, ...entry.context.map((path) => ({ path }))];
}

/** Every document of the demo in import order: the samples, their context, the estate, its facts. */
export function demoDocuments(): DemoDocument[] {
  const context = [...new Set(realSamples.flatMap((entry) => entry.context))].map((path) => ({ path }));
  return [
    ...realSamples.map((entry) => entry.sample),
    ...context,
    ...estateDocuments,
    ...estateFactDocuments,
  ];
}
