#!/usr/bin/env node
/**
 * azure.yaml's `postdeploy` hook, before it turns the Event Grid subscription on: waits until the Function
 * App lists the function the subscription targets (MIGRATION_REQUESTS_FUNCTION_NAME, a main.bicep output).
 * Event Grid validates an Azure Function destination when the subscription is created, so creating it before
 * the host has registered the function (right after a deployment the host is still starting and syncing its
 * triggers) fails the provision.
 *
 * Polls `GET …/sites/{app}/functions` every 10 s for up to FUNCTION_WAIT_MINUTES (default 10); exits 1 if
 * the function never shows up (then the deployed package does not register it: see the host's logs).
 */
import { armList, armToken, required, sleep } from './arm.mjs';

const subscription = required('AZURE_SUBSCRIPTION_ID');
const resourceGroup = required('AZURE_RESOURCE_GROUP');
const app = required('AZURE_FUNCTION_APP_NAME');
const functionName = required('MIGRATION_REQUESTS_FUNCTION_NAME');
const minutes = Number(process.env.FUNCTION_WAIT_MINUTES ?? '10');

const token = armToken();
if (!token) {
  process.stderr.write('wait-for-function: no ARM token from azd or the Azure CLI (azd auth login).\n');
  process.exit(1);
}

const path = `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/Microsoft.Web/sites/${app}/functions?api-version=2024-04-01`;
const deadline = Date.now() + minutes * 60_000;
for (;;) {
  let names = [];
  try {
    // Function resources are named "<app>/<function>".
    names = (await armList(path, token)).map((fn) =>
      String(fn.name ?? '')
        .split('/')
        .pop(),
    );
  } catch (error) {
    process.stderr.write(`wait-for-function: ${error.message}\n`);
  }
  if (names.includes(functionName)) {
    process.stdout.write(`wait-for-function: ${app} has registered ${functionName}.\n`);
    process.exit(0);
  }
  if (Date.now() > deadline) {
    process.stderr.write(
      `wait-for-function: ${app} did not list ${functionName} within ${minutes} min (it lists: ${names.join(', ') || 'nothing'}).\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`wait-for-function: waiting for ${app} to register ${functionName}…\n`);
  await sleep(10_000);
}
