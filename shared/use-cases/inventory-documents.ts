/**
 * One imported document, whatever it is: a Service Management XML document (the Classic resources) or a
 * document stating facts Service Management does not carry (docs/estate-facts.md). Read by content, then
 * folded into a subscription's inventory: SM documents merge by name, fact documents add their facts
 * (each with the document it came from and when), and then every fact the inventory holds is laid over
 * its resources — so a fact imported before the VNet it names applies when the VNet arrives.
 *
 * Both the import endpoint and the demo seeder go through here; nothing else turns documents into an
 * inventory. Pure.
 */
import {
  armResourceReaders,
  classicFactRoots,
  type FactDocumentError,
  type ReadFactDocument,
  readFactDocument,
} from '../adapters/estate-facts';
import {
  countInventoryPart,
  documentKinds,
  type ImportCounts,
  mergeInventory,
  type ParsedServiceManagementDocument,
  parseServiceManagementDocument,
  type ServiceManagementError,
} from '../adapters/service-management';
import type { ClassicInventory } from '../domain/classic/inventory.schema';
import { applyEstateFacts } from '../domain/facts/apply-estate-facts';
import type { EstateFact } from '../domain/facts/estate-fact.schema';

/** What the URL (not the body) says about a document: Service Management puts some names only there. */
export interface DocumentContext {
  /** The cloud service of a bare `Deployment` document. */
  cloudServiceName?: string;
  /** The VNet of a `Gateway` or `Connections` document. */
  virtualNetworkName?: string;
  /** The circuit of a `DedicatedCircuitLinks` document. */
  serviceKey?: string;
  /** The region of a Compute usage list. */
  location?: string;
}

export type InventoryDocument =
  | { source: 'serviceManagement'; kind: string; parsed: ParsedServiceManagementDocument }
  | { source: 'facts'; kind: string; read: ReadFactDocument };

export type ImportError = ServiceManagementError | FactDocumentError;
export type ImportErrorCode = ImportError['code'];

export type DocumentReading = { ok: true; value: InventoryDocument } | { ok: false; error: ImportError };

const whatIsAccepted =
  `This endpoint takes one Service Management XML document (${documentKinds.join(', ')}) or one document of ` +
  `facts Service Management does not carry: an ARM list (REST or az -o json) of ${Object.keys(armResourceReaders).join(', ')}; ` +
  'a Microsoft.Compute or Microsoft.Network usage list; the Microsoft.ClassicInfrastructureMigrate provider; ' +
  `Service Management or Blob service XML ${classicFactRoots.join(', ')}; or our dynamicsLifecycleServicesEnvironments ` +
  'document (docs/estate-facts.md). Save the document exactly as the API or az returns it and import it again.';

/** Reads a document by its content. Pure. */
export function readInventoryDocument(body: string | Uint8Array, context: DocumentContext): DocumentReading {
  const looksLikeXml = /^\uFEFF?\s*</.test(
    typeof body === 'string' ? body.slice(0, 512) : new TextDecoder().decode(body.slice(0, 512)),
  );
  if (looksLikeXml) {
    const parsed = parseServiceManagementDocument(
      body,
      context.cloudServiceName === undefined ? {} : { cloudServiceName: context.cloudServiceName },
    );
    if (parsed.ok)
      return {
        ok: true,
        value: { source: 'serviceManagement', kind: parsed.value.kind, parsed: parsed.value },
      };
    if (parsed.error.code !== 'UnsupportedDocument') return parsed;
    const facts = readFactDocument(body, context);
    if (facts.ok) return { ok: true, value: { source: 'facts', kind: facts.value.kind, read: facts.value } };
    // A Service Management root in a foreign namespace says more than "unrecognised".
    if (facts.error.code === 'UnrecognisedDocument' && isServiceManagementRoot(parsed.error)) return parsed;
    return { ok: false, error: explained(facts.error) };
  }
  const facts = readFactDocument(body, context);
  if (facts.ok) return { ok: true, value: { source: 'facts', kind: facts.value.kind, read: facts.value } };
  return { ok: false, error: explained(facts.error) };
}

function isServiceManagementRoot(error: ServiceManagementError): boolean {
  return (documentKinds as readonly string[]).includes(error.path?.slice(1) ?? '');
}

function explained(error: ImportError): ImportError {
  if (error.code !== 'UnrecognisedDocument') return error;
  return { ...error, message: `${error.message} Nothing was imported. ${whatIsAccepted}` };
}

export interface ImportMetadata {
  /** The name the document was imported under (a file name); its kind when none was given. */
  documentName?: string;
  /** ISO time of the import. */
  importedAt: string;
}

export interface FoldedDocument {
  inventory: ClassicInventory;
  counts: ImportCounts;
  notes: string[];
  ignoredMigrationStates: number;
  /** The facts the document stated (none for a Service Management document). */
  facts: EstateFact[];
}

/** The inventory with the document folded in and every fact laid over it. Pure. */
export function foldInventoryDocument(
  inventory: ClassicInventory,
  document: InventoryDocument,
  metadata: ImportMetadata,
): FoldedDocument {
  if (document.source === 'serviceManagement') {
    const { parsed } = document;
    return {
      inventory: applyEstateFacts(mergeInventory(inventory, parsed.inventoryPart)),
      counts: parsed.counts,
      notes: parsed.notes,
      ignoredMigrationStates: parsed.observedMigrationStates.length,
      facts: [],
    };
  }
  const source = { document: metadata.documentName ?? document.kind, documentKind: document.kind };
  const facts: EstateFact[] = document.read.facts.map((reading) => ({
    ...reading,
    source,
    importedAt: metadata.importedAt,
  }));
  return {
    inventory: applyEstateFacts({ ...inventory, facts: withFacts(inventory.facts, facts) }),
    counts: countInventoryPart({}),
    notes: document.read.notes,
    ignoredMigrationStates: 0,
    facts,
  };
}

/** The facts with each incoming one replacing the record of the same key (in place) or appended. */
function withFacts(current: readonly EstateFact[], incoming: readonly EstateFact[]): EstateFact[] {
  const result = [...current];
  const at = new Map(result.map((fact, index) => [fact.key, index]));
  for (const fact of incoming) {
    const index = at.get(fact.key);
    if (index === undefined) {
      at.set(fact.key, result.length);
      result.push(fact);
    } else result[index] = fact;
  }
  return result;
}

/**
 * What `after` changed relative to `before`: the subscription, and in every collection the items that
 * are not the very same object at the same place (merges and facts keep untouched items as they are).
 * Saving only this keeps an estate imported document by document from rewriting the whole inventory on
 * every document.
 */
export function changedItems(before: ClassicInventory, after: ClassicInventory): ClassicInventory {
  const changed = <T>(old: readonly T[], next: readonly T[]): T[] =>
    next.filter((item, index) => old[index] !== item);
  return {
    subscription: after.subscription,
    affinityGroups: changed(before.affinityGroups, after.affinityGroups),
    cloudServices: changed(before.cloudServices, after.cloudServices),
    virtualNetworks: changed(before.virtualNetworks, after.virtualNetworks),
    localNetworkSites: changed(before.localNetworkSites, after.localNetworkSites),
    dnsServers: changed(before.dnsServers, after.dnsServers),
    reservedIps: changed(before.reservedIps, after.reservedIps),
    networkSecurityGroups: changed(before.networkSecurityGroups, after.networkSecurityGroups),
    routeTables: changed(before.routeTables, after.routeTables),
    storageAccounts: changed(before.storageAccounts, after.storageAccounts),
    disks: changed(before.disks, after.disks),
    vmImages: changed(before.vmImages, after.vmImages),
    expressRouteCircuits: changed(before.expressRouteCircuits, after.expressRouteCircuits),
    roleAssignments: changed(before.roleAssignments, after.roleAssignments),
    facts: changed(before.facts, after.facts),
  };
}
