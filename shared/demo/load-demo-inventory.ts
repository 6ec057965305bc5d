/**
 * The demo estate `npm start` loads (DEMO_DATA=true): the six real samples with the context they need,
 * the mixed estate of the fictitious Contoso, and the facts Service Management never returns — every one
 * a document in the shape of the API that returns it, imported through the same importer as a user's
 * documents, checked against the Classic model. The files are our data: anything wrong with them throws
 * with the file and the reason. README.md describes the estate.
 */
import { type ClassicInventory, classicInventorySchema } from '../domain/classic/inventory.schema';
import { demoDocuments } from './demo-documents';
import { readDemoFile } from './demo-files';
import { emptyInventory, importDocuments } from './import-documents';

/** The demo's subscription unless told otherwise (`DEFAULT_SUBSCRIPTION_ID`; README, The JSON API). */
export const defaultDemoSubscriptionId = '00000000-0000-0000-0000-000000000000';

export interface LoadDemoOptions {
  /** Tests seed the demo into a subscription of their own. */
  subscriptionId?: string;
  /** When the facts count as imported (the seeding time); the start of the epoch when not given. */
  importedAt?: string;
}

export function loadDemoInventory(options: LoadDemoOptions = {}): ClassicInventory {
  const subscriptionId = options.subscriptionId ?? defaultDemoSubscriptionId;
  // The documents are written for the default subscription, as a download of it would be: ARM ids and
  // role assignment scopes name it. Loaded for another subscription, they name that one instead.
  const forSubscription = (text: string) => text.split(defaultDemoSubscriptionId).join(subscriptionId);
  const imported = importDocuments(
    emptyInventory(subscriptionId),
    demoDocuments().map((document) => ({ ...document, body: forSubscription(readDemoFile(document.path)) })),
    options.importedAt,
  );
  const inventory = classicInventorySchema.safeParse(imported);
  if (!inventory.success)
    throw new Error(
      `The demo inventory does not fit the Classic model: ${describeIssues(inventory.error.issues)}`,
    );
  return inventory.data;
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
