/**
 * The real Azure SDK for Node Service Management clients (`azure-asm-compute`, `azure-asm-network`,
 * `azure-asm-storage`, 2016-2017, untyped JavaScript), typed for the calls the tests make, pointed at a
 * base URI, and with two adjustments that only tests need:
 *
 * - Known quirk: on Node 20 these 0.x clients (through `request` 2.88) never send a POST that has no body,
 *   so commit, abort and every VNet/NSG/reserved-IP/route-table/storage verb would hang forever (a DELETE
 *   without a body is sent fine). The client's `pipeline` is wrapped so such a POST gets an empty body and
 *   `content-length: 0`; nothing else about the request changes.
 * - Their long-running-operation polling waits 30 s between polls by default; the delays are in seconds,
 *   so they are set to a fraction of one.
 *
 * Credentials: the clients take any object with `subscriptionId` and `signRequest(webResource, cb)`
 * (`azure-common`'s Certificate/Token/AnonymousCloudCredentials). The dev host does not authenticate
 * unless AUTH_REQUIRED=true, so an anonymous signer is enough; one that adds a function key shows where a
 * key or bearer token would go.
 */
import { createRequire } from 'node:module';

/** What the clients put on an error: Service Management `<Code>`/`<Message>` and the HTTP status. */
export interface AsmError {
  code?: string;
  statusCode?: number;
  error?: { code?: string; message?: string };
}

export interface OperationStatusResponse {
  /** `Operation/ID`: the request id written as a GUID. */
  id?: string;
  requestId?: string;
  status: 'InProgress' | 'Succeeded' | 'Failed';
  /** The clients parse it as text: `'200'`. */
  httpStatusCode?: string;
  error?: { code: string; message: string };
}

export interface ValidationMessageResult {
  resourceType?: string;
  resourceName?: string;
  category?: string;
  message?: string;
  virtualMachineName?: string;
}

export interface DeploymentNetworkParameters {
  destinationVirtualNetwork: 'New' | 'Existing' | 'Default';
  resourceGroupName: string;
  virtualNetworkName: string;
  subNetName: string;
}

export interface RoleResult {
  roleName: string;
  roleType?: string;
  roleSize?: string;
  migrationState?: string;
  dataVirtualHardDisks?: { logicalUnitNumber?: number; name?: string; mediaLink?: string }[];
  configurationSets?: {
    configurationSetType?: string;
    inputEndpoints?: { name?: string; port?: number; localPort?: number; protocol?: string }[];
    subnetNames?: string[];
    networkSecurityGroup?: string;
    networkInterfaces?: { name?: string; networkSecurityGroup?: string }[];
  }[];
}

export interface DeploymentResult {
  name: string;
  deploymentSlot?: string;
  virtualNetworkName?: string;
  roles: RoleResult[];
  roleInstances: { roleName: string; instanceName: string; instanceStatus?: string; powerState?: string }[];
}

type Verb<R> = (name: string) => Promise<R>;

export interface ReservedIpParameters {
  name: string;
  label?: string;
  location: string;
  serviceName?: string;
  deploymentName?: string;
  virtualIPName?: string;
}

export interface ReservedIpAssociationParameters {
  serviceName: string;
  deploymentName: string;
  virtualIPName?: string;
}

/** The four migration verbs every non-deployment scope offers (no body). */
export interface MigrationVerbs {
  validateMigration: Verb<{ validationMessages: ValidationMessageResult[] }>;
  prepareMigration: Verb<OperationStatusResponse>;
  commitMigration: Verb<OperationStatusResponse>;
  abortMigration: Verb<OperationStatusResponse>;
}

export interface ComputeClient {
  getOperationStatus(requestId: string): Promise<OperationStatusResponse>;
  hostedServices: {
    getDetailed(serviceName: string): Promise<{ serviceName: string; deployments: DeploymentResult[] }>;
    get(
      serviceName: string,
    ): Promise<{ serviceName: string; properties: { label?: string; description?: string } }>;
    create(parameters: Record<string, unknown>): Promise<{ requestId?: string; statusCode: number }>;
    /** Update Cloud Service: synchronous (200). */
    update(
      serviceName: string,
      parameters: { label?: string; description?: string },
    ): Promise<{ requestId?: string; statusCode: number }>;
    /** Delete Cloud Service without its deployments: synchronous (200). */
    deleteMethod(serviceName: string): Promise<{ requestId?: string; statusCode: number }>;
    /** Delete Cloud Service with `comp=media` (its deployments and disks too), polled. */
    deleteAll(serviceName: string): Promise<OperationStatusResponse>;
  };
  deployments: {
    getBySlot(serviceName: string, slot: string): Promise<DeploymentResult>;
    getByName(serviceName: string, name: string): Promise<DeploymentResult>;
    validateMigration(
      serviceName: string,
      deploymentName: string,
      parameters: DeploymentNetworkParameters,
    ): Promise<{ validateDeploymentMessages: ValidationMessageResult[] }>;
    prepareMigration(
      serviceName: string,
      deploymentName: string,
      parameters: DeploymentNetworkParameters,
    ): Promise<OperationStatusResponse>;
    beginPrepareMigration(
      serviceName: string,
      deploymentName: string,
      parameters: DeploymentNetworkParameters,
    ): Promise<{ requestId: string; statusCode: number }>;
    commitMigration(serviceName: string, deploymentName: string): Promise<OperationStatusResponse>;
    abortMigration(serviceName: string, deploymentName: string): Promise<OperationStatusResponse>;
    deleteByName(
      serviceName: string,
      deploymentName: string,
      deleteFromStorage: boolean,
    ): Promise<OperationStatusResponse>;
    deleteBySlot(serviceName: string, slot: string): Promise<OperationStatusResponse>;
  };
  virtualMachines: {
    get(serviceName: string, deploymentName: string, vmName: string): Promise<RoleResult>;
    createDeployment(
      serviceName: string,
      parameters: Record<string, unknown>,
    ): Promise<OperationStatusResponse>;
    start(serviceName: string, deploymentName: string, vmName: string): Promise<OperationStatusResponse>;
    restart(serviceName: string, deploymentName: string, vmName: string): Promise<OperationStatusResponse>;
    shutdown(
      serviceName: string,
      deploymentName: string,
      vmName: string,
      parameters: { postShutdownAction: 'Stopped' | 'StoppedDeallocated' },
    ): Promise<OperationStatusResponse>;
    deleteMethod(
      serviceName: string,
      deploymentName: string,
      vmName: string,
      deleteFromStorage: boolean,
    ): Promise<OperationStatusResponse>;
    /** Update Role: the VM as the caller wants it (the SDK requires `roleName` and `oSVirtualHardDisk`). */
    update(
      serviceName: string,
      deploymentName: string,
      vmName: string,
      parameters: Record<string, unknown>,
    ): Promise<OperationStatusResponse>;
  };
  virtualMachineDisks: {
    createDataDisk(
      serviceName: string,
      deploymentName: string,
      roleName: string,
      parameters: Record<string, unknown>,
    ): Promise<OperationStatusResponse>;
  };
}

export interface NetworkClient {
  getOperationStatus(requestId: string): Promise<OperationStatusResponse>;
  networks: MigrationVerbs & {
    list(): Promise<{
      virtualNetworkSites: {
        name: string;
        migrationState?: string;
        subnets?: { name: string; networkSecurityGroup?: string }[];
      }[];
    }>;
    getConfiguration(): Promise<{ configuration: string }>;
    setConfiguration(parameters: { configuration: string }): Promise<OperationStatusResponse>;
  };
  reservedIPs: MigrationVerbs & {
    list(): Promise<{ reservedIPs: { name: string; address?: string }[] }>;
    get(name: string): Promise<{
      name: string;
      address?: string;
      inUse?: boolean;
      serviceName?: string;
      deploymentName?: string;
    }>;
    create(parameters: ReservedIpParameters): Promise<OperationStatusResponse>;
    deleteMethod(name: string): Promise<OperationStatusResponse>;
    associate(name: string, parameters: ReservedIpAssociationParameters): Promise<OperationStatusResponse>;
    disassociate(name: string, parameters: ReservedIpAssociationParameters): Promise<OperationStatusResponse>;
  };
  networkSecurityGroups: MigrationVerbs & {
    get(
      name: string,
      detailLevel: string,
    ): Promise<{ name: string; rules: { name: string; priority?: number }[] }>;
    addToSubnet(vnet: string, subnet: string, parameters: { name: string }): Promise<OperationStatusResponse>;
    removeFromSubnet(vnet: string, subnet: string, nsg: string): Promise<OperationStatusResponse>;
    addToRole(
      serviceName: string,
      deploymentName: string,
      roleName: string,
      parameters: { name: string },
    ): Promise<OperationStatusResponse>;
    removeFromRole(
      serviceName: string,
      deploymentName: string,
      roleName: string,
      nsg: string,
    ): Promise<OperationStatusResponse>;
    addToNetworkInterface(
      serviceName: string,
      deploymentName: string,
      roleName: string,
      nic: string,
      parameters: { name: string },
    ): Promise<OperationStatusResponse>;
    removeFromNetworkInterface(
      serviceName: string,
      deploymentName: string,
      roleName: string,
      nic: string,
      nsg: string,
    ): Promise<OperationStatusResponse>;
  };
  routes: MigrationVerbs & {
    getRouteTableWithDetails(
      name: string,
      detailLevel: string,
    ): Promise<{ routeTable: { name: string; routeList: { name: string }[] } }>;
    addRouteTableToSubnet(
      vnet: string,
      subnet: string,
      parameters: { routeTableName: string },
    ): Promise<OperationStatusResponse>;
    removeRouteTableFromSubnet(vnet: string, subnet: string): Promise<OperationStatusResponse>;
  };
}

export interface StorageClient {
  getOperationStatus(requestId: string): Promise<OperationStatusResponse>;
  storageAccounts: Omit<MigrationVerbs, 'validateMigration'> & {
    /** The storage client names the list differently from the network client. */
    validateMigration(name: string): Promise<{ validateStorageMessages: ValidationMessageResult[] }>;
    beginPrepareMigration(name: string): Promise<{ requestId: string; statusCode: number }>;
    get(name: string): Promise<{
      storageAccount: {
        name: string;
        migrationState?: string;
        properties?: { label?: string; description?: string; accountType?: string };
      };
    }>;
    list(): Promise<{ storageAccounts: { name: string; migrationState?: string }[] }>;
    /** Update Storage Account: synchronous (200). */
    update(
      name: string,
      parameters: { label?: string; description?: string; accountType?: string },
    ): Promise<{ requestId?: string; statusCode: number }>;
    /** Delete Storage Account: synchronous (200). */
    deleteMethod(name: string): Promise<{ requestId?: string; statusCode: number }>;
  };
}

export interface AsmClients {
  compute: ComputeClient;
  network: NetworkClient;
  storage: StorageClient;
}

/** The credential shape the clients call before every request. */
export interface SubscriptionCredentials {
  subscriptionId: string;
  signRequest(
    webResource: { headers: Record<string, string | number> },
    callback: (error: null) => void,
  ): void;
}

/** No authentication (the dev host without AUTH_REQUIRED); `functionKey` adds `x-functions-key`. */
export function anonymousCredentials(subscriptionId: string, functionKey?: string): SubscriptionCredentials {
  return {
    subscriptionId,
    signRequest(webResource, callback) {
      if (functionKey !== undefined) webResource.headers['x-functions-key'] = functionKey;
      callback(null);
    },
  };
}

interface PipelineRequest {
  method: string;
  body?: unknown;
  headers: Record<string, string | number>;
}
type Pipeline = (request: PipelineRequest, callback: unknown) => unknown;
interface GeneratedClient {
  pipeline: Pipeline;
  longRunningOperationInitialTimeout: number;
  longRunningOperationRetryTimeout: number;
}

const load = createRequire(__filename);
const modules = {
  compute: load('azure-asm-compute') as {
    createComputeManagementClient(credentials: SubscriptionCredentials, baseUri: string): GeneratedClient;
  },
  network: load('azure-asm-network') as {
    createNetworkManagementClient(credentials: SubscriptionCredentials, baseUri: string): GeneratedClient;
  },
  storage: load('azure-asm-storage') as {
    createStorageManagementClient(credentials: SubscriptionCredentials, baseUri: string): GeneratedClient;
  },
};

/** Seconds between operation polls (the clients' unit); short, so tests wait for the work, not the timer. */
const pollSeconds = 0.1;

export function asmClients(baseUri: string, credentials: SubscriptionCredentials): AsmClients {
  return {
    compute: promised(adjusted(modules.compute.createComputeManagementClient(credentials, baseUri))),
    network: promised(adjusted(modules.network.createNetworkManagementClient(credentials, baseUri))),
    storage: promised(adjusted(modules.storage.createStorageManagementClient(credentials, baseUri))),
  };
}

function adjusted(client: GeneratedClient): GeneratedClient {
  const send = client.pipeline;
  client.pipeline = (request, callback) => {
    if (request.body === undefined && request.method === 'POST') {
      request.body = '';
      request.headers['content-length'] = 0;
    }
    return send(request, callback);
  };
  client.longRunningOperationInitialTimeout = pollSeconds;
  client.longRunningOperationRetryTimeout = pollSeconds;
  return client;
}

/**
 * The client with every method promisified: `client.deployments.getBySlot(a, b)` calls the generated
 * `getBySlot(a, b, callback)` on its own operation group (the methods use `this`) and settles with the
 * callback's error or result.
 */
function promised<T>(target: object): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value === 'function') {
        return (...args: unknown[]) =>
          new Promise((resolve, reject) => {
            (value as (...a: unknown[]) => void).call(object, ...args, (error: unknown, result: unknown) =>
              error ? reject(error as Error) : resolve(result),
            );
          });
      }
      return value !== null && typeof value === 'object' ? promised<unknown>(value) : value;
    },
  }) as T;
}

/** The error a call fails with (the test fails if it succeeds). */
export async function failure(pending: Promise<unknown>): Promise<Error & AsmError> {
  try {
    await pending;
  } catch (error) {
    return error as Error & AsmError;
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}

/** New destination, as PowerShell sends it (the three names as empty strings, C6). */
export const newDestination: DeploymentNetworkParameters = {
  destinationVirtualNetwork: 'New',
  resourceGroupName: '',
  virtualNetworkName: '',
  subNetName: '',
};
