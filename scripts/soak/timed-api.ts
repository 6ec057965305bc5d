/**
 * The end-to-end tests' JSON API client (test/support/migration-api.ts), timing every call into the soak
 * metrics under a route group such as `POST migrations/{kind}/{name}/prepare` or `GET operations/{id}`.
 */
import { type ApiResponse, MigrationApi } from '../../test/support/migration-api';
import { SoakMetrics } from './soak-metrics';

export class TimedMigrationApi extends MigrationApi {
  readonly #metrics: SoakMetrics;

  constructor(baseUrl: string, subscriptionId: string, metrics: SoakMetrics) {
    super(baseUrl, subscriptionId);
    this.#metrics = metrics;
  }

  override async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const started = performance.now();
    try {
      return await super.request<T>(method, path, body, headers);
    } finally {
      this.#metrics.recordLatency(routeGroup(method, path), performance.now() - started);
    }
  }
}

/** The route of a JSON API path without its names and ids. */
export function routeGroup(method: string, path: string): string {
  const [route = ''] = path.split('?');
  const parts = route.replace(/^\/api\//, '').split('/');
  const [area, kind, , action] = parts;
  if (area === 'migrations' && parts.length === 4) return `${method} migrations/{kind}/{name}/${action}`;
  if (area === 'migrations' && parts.length === 3) return `${method} migrations/{kind}/{name}`;
  if (area === 'operations') return `${method} operations/{id}`;
  if (area === 'admin' && kind === 'faults') return `${method} admin/faults`;
  return `${method} ${route}`;
}
