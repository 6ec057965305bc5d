/**
 * The demo estate `npm start` loads (DEMO_DATA=true): the six real samples with the context they need and
 * the mixed estate of the fictitious Contoso, imported through the Service Management importer, with the
 * facts Service Management never returns laid over them, checked against the Classic model. The files are
 * our data: anything wrong with them throws with the file and the reason. README.md describes the estate.
 */
import { type ClassicInventory, classicInventorySchema } from '../domain/classic/inventory.schema';
import { applyDemoFacts } from './apply-demo-facts';
import { demoDocuments, estateFactsPath } from './demo-documents';
import { demoFactsSchema } from './demo-facts.schema';
import { readDemoFile } from './demo-files';
import { emptyInventory, importDocuments } from './import-documents';

/** The subscription the demo belongs to unless told otherwise (DESIGN §4, `DEFAULT_SUBSCRIPTION_ID`). */
export const defaultDemoSubscriptionId = '00000000-0000-0000-0000-000000000000';

export interface LoadDemoOptions {
  /** Tests seed the demo into a subscription of their own. */
  subscriptionId?: string;
}

export function loadDemoInventory(options: LoadDemoOptions = {}): ClassicInventory {
  const subscriptionId = options.subscriptionId ?? defaultDemoSubscriptionId;
  const imported = importDocuments(
    emptyInventory(subscriptionId),
    demoDocuments().map((document) => ({ ...document, xml: readDemoFile(document.path) })),
  );
  const facts = demoFactsSchema.safeParse(JSON.parse(readDemoFile(estateFactsPath)));
  if (!facts.success)
    throw new Error(`${estateFactsPath} is not valid: ${describeIssues(facts.error.issues)}`);
  const inventory = classicInventorySchema.safeParse(applyDemoFacts(imported, facts.data));
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
