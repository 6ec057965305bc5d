/**
 * The `durableClient` input binding as the Durable extension fills it. With `rpcBaseUrl` set, the
 * DurableClient (durable-functions 3.x) builds every URL relative to it, so it talks to the dev host's Durable
 * HTTP API. The other URLs only feed createCheckStatusResponse (orchestrations, which the dev host does not run).
 */
import { jsonData } from '../bindings/typed-data';
import { RpcTypedDataLike } from '../core-shim';

export const durableWebhookPath = '/runtime/webhooks/durabletask/';

export function durableClientInput(baseUrl: string, taskHubName: string): RpcTypedDataLike {
  const webhook = `${baseUrl}${durableWebhookPath.replace(/\/$/, '')}`;
  const query = `taskHub=${encodeURIComponent(taskHubName)}&connection=Storage`;
  const instance = `${webhook}/instances/INSTANCEID`;
  return jsonData({
    taskHubName,
    creationUrls: {
      createNewInstancePostUri: `${webhook}/orchestrators/{functionName}[/{instanceId}]?${query}`,
      createAndWaitOnNewInstancePostUri: `${webhook}/orchestrators/{functionName}[/{instanceId}]?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}&${query}`,
    },
    managementUrls: {
      id: 'INSTANCEID',
      statusQueryGetUri: `${instance}?${query}`,
      sendEventPostUri: `${instance}/raiseEvent/{eventName}?${query}`,
      terminatePostUri: `${instance}/terminate?reason={text}&${query}`,
      rewindPostUri: `${instance}/rewind?reason={text}&${query}`,
      purgeHistoryDeleteUri: `${instance}?${query}`,
      restartPostUri: `${instance}/restart?${query}`,
      suspendPostUri: `${instance}/suspend?reason={text}&${query}`,
      resumePostUri: `${instance}/resume?reason={text}&${query}`,
    },
    baseUrl: webhook,
    requiredQueryStringParameters: query,
    rpcBaseUrl: `${baseUrl}${durableWebhookPath}`,
  });
}
