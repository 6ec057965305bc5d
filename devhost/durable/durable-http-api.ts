/**
 * The part of the Durable extension's HTTP API that a DurableClient uses for entities
 * (`/runtime/webhooks/durabletask/…`, see durable-functions lib/src/durableClient/DurableClient.js):
 * - `POST entities/{name}/{key}?op={op}` with the JSON input as body → 202 (signalEntity; applied later);
 * - `GET entities/{name}/{key}` → 200 with the state as JSON, or 404 when the entity does not exist
 *   (readEntityState; like Azure it may lag behind signals not yet applied, and in the Azure-like mode
 *   behind the stored state too, see entity-reader.ts).
 * Orchestration endpoints answer 501: the dev host runs no orchestrations.
 */
import { emptyResponse, HostRequest, HostResponse, jsonResponse } from '../http/host-routes';
import { canonicalEntity } from './entity-id';
import { EntityReader } from './entity-reader';
import { EntitySignalSender } from './entity-signals';

export class DurableHttpApi {
  readonly #reader: EntityReader;
  readonly #signals: EntitySignalSender;
  readonly #hasEntity: (name: string) => boolean;

  constructor(reader: EntityReader, signals: EntitySignalSender, hasEntity: (name: string) => boolean) {
    this.#reader = reader;
    this.#signals = signals;
    this.#hasEntity = hasEntity;
  }

  /** `relativePath` is what follows `/runtime/webhooks/durabletask/`, still percent-encoded. */
  async handle(request: HostRequest, relativePath: string): Promise<HostResponse> {
    const [resource, name, ...keyParts] = relativePath.split('/');
    if (resource !== 'entities') {
      return jsonResponse(501, {
        error: 'The dev host runs no orchestrations; only the entity endpoints are served.',
      });
    }
    if (!name || keyParts.length === 0)
      return jsonResponse(404, { error: 'Expected entities/{name}/{key}.' });
    const entity = canonicalEntity(decodeURIComponent(name), decodeURIComponent(keyParts.join('/')));
    if (!this.#hasEntity(entity.name))
      return jsonResponse(404, { error: `No entity function named '${entity.name}'.` });

    if (request.method === 'POST') {
      const operation = request.url.searchParams.get('op');
      if (!operation) return jsonResponse(400, { error: 'signalEntity needs ?op=<operation>.' });
      const body = request.body.toString('utf8');
      await this.#signals.signal(entity.name, entity.key, operation, body.length > 0 ? body : undefined);
      return emptyResponse(202);
    }
    if (request.method === 'GET') {
      const record = await this.#reader.read(entity);
      if (!record.exists) return emptyResponse(404);
      return {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: record.state ?? 'null',
      };
    }
    return emptyResponse(405, { allow: 'GET, POST' });
  }
}
