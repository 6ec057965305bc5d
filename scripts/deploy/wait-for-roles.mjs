#!/usr/bin/env node
/**
 * azure.yaml's `predeploy` hook: waits until the role assignments of the app's managed identity are old
 * enough to have taken effect before the code is deployed. Microsoft documents that a new role assignment
 * can take up to 10 minutes to take effect
 * (https://learn.microsoft.com/azure/role-based-access-control/troubleshooting#symptom---role-assignment-changes-are-not-being-detected);
 * until then the Flex Consumption deployment (which writes the package to blob storage as this identity) and
 * the host's first connections to Storage and Service Bus fail with 403.
 *
 * It waits only as long as needed: until the newest assignment of the identity in the resource group is
 * ROLE_PROPAGATION_MINUTES (default 10) old. On later deployments the assignments are old and it returns at
 * once. ROLE_PROPAGATION_MINUTES=0 skips the wait.
 *
 * Chosen over a Microsoft.Resources/deploymentScripts delay: a deployment script needs a storage account with
 * shared keys and a container instance, which this deployment (shared keys off everywhere) avoids.
 */
import { armList, armToken, required, sleep } from './arm.mjs';

const minutes = Number(process.env.ROLE_PROPAGATION_MINUTES ?? '10');
if (!Number.isFinite(minutes) || minutes <= 0) process.exit(0);

const subscription = required('AZURE_SUBSCRIPTION_ID');
const resourceGroup = required('AZURE_RESOURCE_GROUP');
const principalId = required('AZURE_MANAGED_IDENTITY_PRINCIPAL_ID');

let newest;
const token = armToken();
if (token) {
  const filter = encodeURIComponent(`principalId eq '${principalId}'`);
  const assignments = await armList(
    `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=${filter}`,
    token,
  );
  for (const assignment of assignments) {
    const created = Date.parse(assignment.properties?.updatedOn ?? assignment.properties?.createdOn ?? '');
    if (Number.isFinite(created) && (newest === undefined || created > newest)) newest = created;
  }
  if (newest === undefined) {
    process.stderr.write(
      `wait-for-roles: no role assignment found for ${principalId} in ${resourceGroup}; was the infrastructure provisioned?\n`,
    );
    process.exit(1);
  }
} else {
  process.stderr.write(
    'wait-for-roles: no ARM token from azd or the Azure CLI; waiting the full propagation time instead.\n',
  );
  newest = Date.now();
}

const until = newest + minutes * 60_000;
while (Date.now() < until) {
  const left = Math.ceil((until - Date.now()) / 1000);
  process.stdout.write(
    `wait-for-roles: the identity's newest role assignment is recent; ${left} s until ${minutes} min have passed (role assignments take up to 10 min to take effect).\n`,
  );
  await sleep(Math.min(60_000, until - Date.now()));
}
process.stdout.write('wait-for-roles: role assignments have had time to take effect.\n');
