/**
 * The `@azure/functions-core` seam.
 *
 * `@azure/functions` (v4) calls `require('@azure/functions-core')` on its first `app.*` call. In Azure the
 * Node worker answers that require with its own module (see setupCoreModule.ts in
 * Azure/azure-functions-nodejs-worker). Outside the host the require fails and the library silently drops
 * every registration ("test mode"). This module provides the same object in-process, so that every
 * registration (binding metadata + handler) and the library's ProgrammingModel are captured.
 *
 * Never deploy this: in Azure the worker's proxy answers first.
 */
import Module from 'node:module';

/** The worker's binding description, as the library hands it over (see the worker's types-core). */
export interface RpcBindingInfo {
  type: string;
  direction: 'in' | 'out' | 'inout';
  [property: string]: unknown;
}

export interface CoreFunctionMetadata {
  name: string;
  bindings: Record<string, RpcBindingInfo>;
  retryOptions?: unknown;
  [property: string]: unknown;
}

export type FunctionCallback = (...args: unknown[]) => unknown;

export interface RegisteredFunction {
  metadata: CoreFunctionMetadata;
  callback: FunctionCallback;
}

/** The subset of the library's ProgrammingModel that the dev host drives. */
export interface CoreProgrammingModel {
  name: string;
  version: string;
  getInvocationModel(coreCtx: unknown): CoreInvocationModel;
}

export interface CoreInvocationModel {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
  invokeFunction(context: unknown, inputs: unknown[], callback: FunctionCallback): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<CoreInvocationResponse>;
}

export interface RpcTypedDataLike {
  string?: string | null;
  json?: string | null;
  bytes?: Uint8Array | null;
  http?: Record<string, unknown> | null;
  [kind: string]: unknown;
}

export interface CoreInvocationResponse {
  invocationId: string;
  outputData?: { name: string; data: RpcTypedDataLike | null | undefined }[];
  returnValue?: RpcTypedDataLike | null;
}

type HookCallback = (context: unknown) => unknown;

class Disposable {
  readonly #dispose: () => void;
  constructor(dispose: () => void) {
    this.#dispose = dispose;
  }
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  dispose(): void {
    this.#dispose();
  }
}

/** What the shim has captured so far in this process. */
export interface CapturedApp {
  functions: Map<string, RegisteredFunction>;
  hooks: Map<string, HookCallback[]>;
  programmingModel: CoreProgrammingModel | undefined;
}

const captured: CapturedApp = { functions: new Map(), hooks: new Map(), programmingModel: undefined };

const coreApi = {
  version: 'devhost',
  registerFunction(metadata: CoreFunctionMetadata, callback: FunctionCallback): Disposable {
    if (captured.functions.has(metadata.name)) {
      throw new Error(`A function named "${metadata.name}" is already registered.`);
    }
    captured.functions.set(metadata.name, { metadata, callback });
    return new Disposable(() => captured.functions.delete(metadata.name));
  },
  setProgrammingModel(model: CoreProgrammingModel): void {
    captured.programmingModel = model;
  },
  getProgrammingModel(): CoreProgrammingModel | undefined {
    return captured.programmingModel;
  },
  registerHook(hookName: string, callback: HookCallback): Disposable {
    const list = captured.hooks.get(hookName) ?? [];
    list.push(callback);
    captured.hooks.set(hookName, list);
    return new Disposable(() => list.splice(list.indexOf(callback), 1));
  },
  Disposable,
};

let installed = false;

/** Makes `require('@azure/functions-core')` answer with the capturing core API. Idempotent. */
export function installFunctionsCoreShim(): CapturedApp {
  if (!installed) {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- re-applied with its own `this` below
    const originalRequire = Module.prototype.require;
    Module.prototype.require = new Proxy(originalRequire, {
      apply(target, thisArg: NodeJS.Module, args: [string]) {
        if (args[0] === '@azure/functions-core') return coreApi;
        return Reflect.apply(target, thisArg, args) as unknown;
      },
    });
    installed = true;
  }
  return captured;
}

export function capturedApp(): CapturedApp {
  return captured;
}
