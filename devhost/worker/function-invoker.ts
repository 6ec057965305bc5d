/**
 * Invokes a registered function the way the Node worker does: through the library's own ProgrammingModel
 * (getInvocationModel → getArguments → invokeFunction → getResponse), so binding conversions, camel-casing of
 * trigger metadata and output handling are the library's, not ours. Pre/post-invocation hooks run around the
 * handler as the worker runs them; output bindings are written before the trigger is settled.
 */
import { randomUUID } from 'node:crypto';

import { CapturedApp, CoreInvocationResponse, RpcTypedDataLike } from '../core-shim';
import { describeError, Logger, toLogLevel } from '../logging/logger';
import { invocationChannel, type InvocationEvent } from '../stats/invocation-counters';
import { HostedFunction } from './function-catalog';
import { InflightTracker } from './inflight-tracker';

export interface InvocationRequest {
  triggerData: RpcTypedDataLike;
  triggerMetadata?: Record<string, RpcTypedDataLike>;
  /** Why it runs, for the log (e.g. "New ServiceBus message detected on 'orders'"). */
  reason: string;
}

export interface InvocationResult {
  invocationId: string;
  response: CoreInvocationResponse;
}

/** Supplies extra input bindings (e.g. `durableClient`); undefined leaves the input out. */
export type InputBindingProvider = (bindingType: string, bindingName: string) => RpcTypedDataLike | undefined;

/** Writes output bindings (queue, serviceBus) after a successful invocation. */
export type OutputBindingWriter = (fn: HostedFunction, response: CoreInvocationResponse) => Promise<void>;

interface InvocationHookContext {
  invocationContext: unknown;
  inputs: unknown[];
  functionCallback?: (...args: unknown[]) => unknown;
  result?: unknown;
  error?: unknown;
  hookData: Record<string, unknown>;
}

export class FunctionInvoker {
  readonly #app: CapturedApp;
  readonly #logger: Logger;
  readonly #inputs: InputBindingProvider;
  readonly #outputs: OutputBindingWriter;
  readonly #inflight: InflightTracker;

  constructor(
    app: CapturedApp,
    logger: Logger,
    inputs: InputBindingProvider,
    outputs: OutputBindingWriter,
    inflight: InflightTracker,
  ) {
    this.#app = app;
    this.#logger = logger;
    this.#inputs = inputs;
    this.#outputs = outputs;
    this.#inflight = inflight;
  }

  /** Runs the function; rejects with the handler's error if it throws (after logging it). */
  invoke(fn: HostedFunction, request: InvocationRequest): Promise<InvocationResult> {
    return this.#inflight.track(this.#invoke(fn, request));
  }

  async #invoke(fn: HostedFunction, request: InvocationRequest): Promise<InvocationResult> {
    const model = this.#app.programmingModel;
    if (!model) throw new Error('No programming model was registered: did the app load @azure/functions?');
    const invocationId = randomUUID();
    const log = this.#logger.child({ functionName: fn.name, invocationId });
    const started = Date.now();
    const inputData = [{ name: fn.triggerBindingName, data: request.triggerData }];
    for (const [name, binding] of Object.entries(fn.registered.metadata.bindings)) {
      if (name === fn.triggerBindingName || binding.direction !== 'in') continue;
      const data = this.#inputs(binding.type, name);
      if (data) inputData.push({ name, data });
    }
    const coreContext = {
      invocationId,
      metadata: fn.registered.metadata,
      request: { inputData, triggerMetadata: request.triggerMetadata ?? {} },
      state: undefined as string | undefined,
      log: (level: string, category: string, message: string) =>
        log.log(toLogLevel(level), message, { category }),
    };
    log.debug(`Executing 'Functions.${fn.name}' (Reason='${request.reason}', Id=${invocationId})`);
    try {
      const invocation = model.getInvocationModel(coreContext);
      const { context, inputs } = await invocation.getArguments();
      const hookContext: InvocationHookContext = {
        invocationContext: context,
        inputs,
        functionCallback: fn.registered.callback,
        hookData: {},
      };
      coreContext.state = 'preInvocationHooks';
      await this.#runHooks('preInvocation', hookContext);
      coreContext.state = 'invocation';
      const callback = hookContext.functionCallback ?? fn.registered.callback;
      let result: unknown;
      try {
        result = await invocation.invokeFunction(context, hookContext.inputs, callback);
      } catch (error) {
        hookContext.error = error;
      }
      coreContext.state = 'postInvocationHooks';
      hookContext.result = result;
      await this.#runHooks('postInvocation', hookContext);
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what the handler threw, unchanged
      if (hookContext.error !== undefined) throw hookContext.error;
      const response = await invocation.getResponse(context, hookContext.result);
      await this.#outputs(fn, response);
      announce(fn.name, started, true);
      log.info(
        `Executed 'Functions.${fn.name}' (Succeeded, Id=${invocationId}, Duration=${Date.now() - started}ms)`,
        {
          event: 'invocation',
          outcome: 'Succeeded',
          durationMs: Date.now() - started,
        },
      );
      return { invocationId, response };
    } catch (error) {
      announce(fn.name, started, false);
      log.error(
        `Executed 'Functions.${fn.name}' (Failed, Id=${invocationId}, Duration=${Date.now() - started}ms)`,
        {
          event: 'invocation',
          outcome: 'Failed',
          durationMs: Date.now() - started,
          error: describeError(error),
        },
      );
      throw error;
    }
  }

  async #runHooks(name: string, context: InvocationHookContext): Promise<void> {
    for (const hook of this.#app.hooks.get(name) ?? []) await hook(context);
  }

  /** Runs app-level hooks (appStart / appTerminate) with the worker's context shape. */
  async runAppHooks(
    name: 'appStart' | 'appTerminate',
    hookData: Record<string, unknown>,
    cwd: string,
  ): Promise<void> {
    for (const hook of this.#app.hooks.get(name) ?? []) {
      await hook({ hookData, functionAppDirectory: cwd });
    }
  }
}

/** Tells the stats counters (devhost/stats) that an invocation ended; free when nobody counts. */
function announce(functionName: string, started: number, succeeded: boolean): void {
  if (!invocationChannel.hasSubscribers) return;
  const event: InvocationEvent = { functionName, durationMs: Date.now() - started, succeeded };
  invocationChannel.publish(event);
}
