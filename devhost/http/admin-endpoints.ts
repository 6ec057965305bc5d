/**
 * The dev host's admin API (`/admin/…`), after Core Tools':
 * - `POST /admin/functions/{name}` with `{"input": "..."}` runs a non-HTTP function now → 202;
 * - `GET /admin/functions` lists the functions; `GET /admin/host/status` says the host runs;
 * - `GET /admin/host/stats`: storage calls and invocations since start-up and memory, per process and in
 *   total (devhost/stats/host-stats.ts);
 * - `GET /admin/servicebus/{entity}/deadletter` and `…/messages` peek (at most 32) dead-lettered or
 *   active messages; `{entity}` is a queue name or `<topic>/Subscriptions/<subscription>`.
 * Keys are not enforced (as with Core Tools).
 */
import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus';
import { createEnvelope } from '../../shared/adapters/local-service-bus/message-envelope';
import { intData, jsonData, stringData } from '../bindings/typed-data';
import { RpcTypedDataLike } from '../core-shim';
import { serviceBusTriggerData, serviceBusTriggerMetadata } from '../servicebus/trigger-metadata';
import type { HostStats } from '../stats/host-stats';
import { timerTriggerData } from '../timer/timer-triggers';
import { HostedFunction } from '../worker/function-catalog';
import { FunctionInvoker, InvocationRequest } from '../worker/function-invoker';
import { HostRequest, HostResponse, jsonResponse, parseJsonBody } from './host-routes';

const runRequestSchema = z.object({ input: z.unknown().optional() });

export class AdminEndpoints {
  readonly #functions: Map<string, HostedFunction>;
  readonly #invoker: FunctionInvoker;
  readonly #serviceBus: LocalServiceBusClient;
  readonly #hostStats: (() => Promise<HostStats>) | undefined;

  constructor(
    functions: HostedFunction[],
    invoker: FunctionInvoker,
    serviceBus: LocalServiceBusClient,
    hostStats?: () => Promise<HostStats>,
  ) {
    this.#functions = new Map(functions.map((fn) => [fn.name.toLowerCase(), fn]));
    this.#invoker = invoker;
    this.#serviceBus = serviceBus;
    this.#hostStats = hostStats;
  }

  readonly handle = async (request: HostRequest, relativePath: string): Promise<HostResponse> => {
    const segments = relativePath
      .split('/')
      .filter((segment) => segment.length > 0)
      .map(decodeURIComponent);
    const [area, ...rest] = segments;
    switch (area?.toLowerCase()) {
      case 'functions':
        if (rest.length === 0 && request.method === 'GET') return this.#listFunctions();
        if (rest.length === 1 && request.method === 'POST')
          return this.#runFunction(rest[0] ?? '', request.body);
        break;
      case 'host':
        if (rest[0]?.toLowerCase() === 'status')
          return jsonResponse(200, { state: 'Running', processUptime: process.uptime() });
        if (rest[0]?.toLowerCase() === 'stats' && request.method === 'GET' && this.#hostStats)
          return jsonResponse(200, await this.#hostStats());
        break;
      case 'servicebus':
        if (request.method === 'GET' && rest.length >= 2) return this.#peek(rest, request.url);
        break;
    }
    return jsonResponse(404, { error: `No admin endpoint at '/admin/${relativePath}'.` });
  };

  #listFunctions(): HostResponse {
    const functions = [...this.#functions.values()].map((fn) => ({
      name: fn.name,
      trigger: fn.trigger.type,
    }));
    return jsonResponse(200, functions);
  }

  #runFunction(name: string, body: Buffer): HostResponse {
    const fn = this.#functions.get(name.toLowerCase());
    if (!fn) return jsonResponse(404, { error: `No function named '${name}'.` });
    const parsed = runRequestSchema.safeParse(body.length > 0 ? parseJsonBody(body) : {});
    if (!parsed.success) return jsonResponse(400, { error: 'The body must be JSON like {"input": "..."}.' });
    const request = adminInvocation(fn, parsed.data.input);
    if (!request)
      return jsonResponse(400, {
        error: `Functions triggered by '${fn.trigger.type}' cannot be run from here.`,
      });
    // Runs in the background, as Core Tools does; the outcome is in the log.
    void this.#invoker.invoke(fn, request).catch(() => undefined);
    return { status: 202 };
  }

  async #peek(pathSegments: string[], url: URL): Promise<HostResponse> {
    const kind = pathSegments[pathSegments.length - 1]?.toLowerCase();
    const entity = pathSegments.slice(0, -1).join('/');
    const requested = Number(url.searchParams.get('max') ?? 32);
    const max = Number.isFinite(requested) && requested > 0 ? requested : 32;
    if (kind === 'deadletter') {
      return jsonResponse(200, {
        entity,
        messages: await this.#serviceBus.peekDeadLetterMessages(entity, max),
      });
    }
    if (kind === 'messages')
      return jsonResponse(200, { entity, messages: await this.#serviceBus.peekMessages(entity, max) });
    return jsonResponse(404, { error: 'Expected /admin/servicebus/{entity}/deadletter or /messages.' });
  }
}

/** What running a function "now" feeds it, per trigger kind (the `input` string is the trigger payload). */
function adminInvocation(fn: HostedFunction, input: unknown): InvocationRequest | undefined {
  const text = typeof input === 'string' ? input : input === undefined ? '' : JSON.stringify(input);
  const reason = 'This function was programmatically called via the host APIs.';
  const now = new Date().toISOString();
  switch (fn.kind) {
    case 'timer':
      return { triggerData: timerTriggerData(false, { last: '', next: now, lastUpdated: now }), reason };
    case 'queue': {
      const metadata: Record<string, RpcTypedDataLike> = {
        QueueTrigger: stringData(text),
        DequeueCount: intData(1),
        Id: stringData(randomUUID()),
        InsertionTime: stringData(now),
      };
      return { triggerData: stringData(text), triggerMetadata: metadata, reason };
    }
    case 'serviceBus': {
      const envelope = { ...createEnvelope({ body: text }, Date.now()), deliveryCount: 1 };
      return {
        triggerData: serviceBusTriggerData(envelope),
        triggerMetadata: serviceBusTriggerMetadata(envelope, envelope.envelopeId),
        reason,
      };
    }
    case 'eventGrid':
      return { triggerData: jsonData(safeJson(text)), reason };
    default:
      return undefined;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
