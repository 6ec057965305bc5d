/**
 * The Event Grid extension's webhook, `POST /runtime/webhooks/eventgrid?functionName=<name>`:
 * - Event Grid schema: a JSON array; `aeg-event-type: SubscriptionValidation` answers
 *   `{ "validationResponse": <data.validationCode> }`; `Notification` invokes the function once per event.
 * - CloudEvents 1.0: the `OPTIONS` abuse-protection handshake (`WebHook-Request-Origin` →
 *   `WebHook-Allowed-Origin`, `WebHook-Allowed-Rate`), structured `application/cloudevents+json` (one event),
 *   `application/cloudevents-batch+json` (array), and binary mode (`ce-*` headers).
 * Unknown function → 404. Any failing invocation → 500, so Event Grid retries (its retry policy and
 * dead-lettering belong to the event subscription, not to the function).
 */
import { z } from 'zod';

import { jsonData } from '../bindings/typed-data';
import {
  emptyResponse,
  headerValue,
  HostRequest,
  HostResponse,
  jsonResponse,
  parseJsonBody,
} from '../http/host-routes';
import { HostedFunction } from '../worker/function-catalog';
import { FunctionInvoker } from '../worker/function-invoker';

const eventObject = z.record(z.string(), z.unknown());

const eventGridEventSchema = z.looseObject({
  id: z.string(),
  eventType: z.string(),
  subject: z.string(),
  eventTime: z.string(),
  dataVersion: z.string().optional(),
  data: z.unknown(),
});

const cloudEventSchema = z.looseObject({
  specversion: z.string(),
  id: z.string(),
  type: z.string(),
  source: z.string(),
});

const validationEventSchema = z.looseObject({ data: z.looseObject({ validationCode: z.string() }) });

export class EventGridWebhook {
  readonly #functions: Map<string, HostedFunction>;
  readonly #invoker: FunctionInvoker;

  constructor(functions: HostedFunction[], invoker: FunctionInvoker) {
    this.#functions = new Map(functions.map((fn) => [fn.name.toLowerCase(), fn]));
    this.#invoker = invoker;
  }

  async handle(request: HostRequest): Promise<HostResponse> {
    const name = request.url.searchParams.get('functionName') ?? '';
    const fn = this.#functions.get(name.toLowerCase());
    if (!fn) return jsonResponse(404, { error: `No Event Grid function named '${name}'.` });
    if (request.method === 'OPTIONS') return abuseProtectionHandshake(request);
    if (request.method !== 'POST') return emptyResponse(405, { allow: 'POST, OPTIONS' });

    const eventType = headerValue(request.headers, 'aeg-event-type');
    if (eventType === 'SubscriptionValidation') {
      const events = z.array(validationEventSchema).safeParse(parseJsonBody(request.body));
      const code = events.success ? events.data[0]?.data.validationCode : undefined;
      if (code === undefined)
        return jsonResponse(400, { error: 'A SubscriptionValidation event carries data.validationCode.' });
      return jsonResponse(200, { validationResponse: code });
    }
    if (eventType === 'Unsubscribe') return emptyResponse(202);

    const events = readEvents(request);
    if ('error' in events) return jsonResponse(400, { error: events.error });
    for (const event of events.events) {
      try {
        await this.#invoker.invoke(fn, {
          triggerData: jsonData(event),
          reason: `EventGrid trigger fired for event '${String(event.id)}'`,
        });
      } catch {
        return emptyResponse(500);
      }
    }
    return emptyResponse(202);
  }
}

function abuseProtectionHandshake(request: HostRequest): HostResponse {
  const origin = headerValue(request.headers, 'webhook-request-origin');
  if (!origin)
    return jsonResponse(400, { error: 'The OPTIONS handshake needs a WebHook-Request-Origin header.' });
  return emptyResponse(200, {
    'WebHook-Allowed-Origin': origin,
    'WebHook-Allowed-Rate': '*',
    allow: 'POST, OPTIONS',
  });
}

type EventsOrError = { events: Record<string, unknown>[] } | { error: string };

function readEvents(request: HostRequest): EventsOrError {
  const contentType = (headerValue(request.headers, 'content-type') ?? '').toLowerCase();
  const specVersion = headerValue(request.headers, 'ce-specversion');
  if (specVersion !== undefined) return { events: [binaryCloudEvent(request, specVersion, contentType)] };
  const body = parseJsonBody(request.body);
  if (contentType.startsWith('application/cloudevents-batch+json')) {
    return checked(
      z.array(cloudEventSchema).safeParse(body),
      'a CloudEvents batch (array of CloudEvents 1.0)',
    );
  }
  if (contentType.startsWith('application/cloudevents+json')) {
    return checked(z.array(cloudEventSchema).safeParse([body]), 'one CloudEvent 1.0');
  }
  const list = Array.isArray(body) ? (body as unknown[]) : [body];
  if (list.every((event) => cloudEventSchema.safeParse(event).success)) {
    return checked(z.array(eventObject).safeParse(list), 'CloudEvents');
  }
  return checked(z.array(eventGridEventSchema).safeParse(list), 'an array of Event Grid schema events');
}

function checked(result: z.ZodSafeParseResult<Record<string, unknown>[]>, expected: string): EventsOrError {
  if (result.success) return { events: result.data };
  return { error: `The body must be ${expected}: ${result.error.message}` };
}

function binaryCloudEvent(
  request: HostRequest,
  specversion: string,
  contentType: string,
): Record<string, unknown> {
  const event: Record<string, unknown> = { specversion };
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.startsWith('ce-') && name !== 'ce-specversion' && typeof value === 'string')
      event[name.slice(3)] = value;
  }
  if (contentType) event.datacontenttype = contentType;
  const text = request.body.toString('utf8');
  event.data = contentType.includes('json') ? (parseJsonBody(request.body) ?? text) : text;
  return event;
}
