/**
 * The HTTP trigger routes of the app, ordered as ASP.NET Core's tree router orders them: by inbound precedence
 * (literal > constrained parameter > parameter > catch-all, segment by segment), then by template text.
 * A route whose path matches but whose methods do not is skipped, and the next one may match; if none does,
 * the answer is 404 — the Functions host answers 404, not 405, for a known route with another method.
 */
import { RouteParams, RouteTemplate } from './route-template';

interface RouteEntry<T> {
  template: RouteTemplate;
  methods: ReadonlySet<string>;
  target: T;
  registration: number;
}

export interface RouteMatch<T> {
  target: T;
  params: RouteParams;
}

export class RouteTable<T> {
  readonly #prefix: string;
  #routes: RouteEntry<T>[] = [];

  /** `routePrefix` is host.json's `extensions.http.routePrefix` (default `api`; may be empty). */
  constructor(routePrefix: string) {
    this.#prefix = routePrefix.replace(/^\/+|\/+$/g, '');
  }

  add(route: string, methods: readonly string[], target: T): void {
    const full = [this.#prefix, route.replace(/^\/+/, '')].filter((part) => part.length > 0).join('/');
    this.#routes.push({
      template: new RouteTemplate(full),
      methods: new Set(methods.map((method) => method.toUpperCase())),
      target,
      registration: this.#routes.length,
    });
    this.#routes.sort(compareRoutes);
  }

  /** `pathname` is the raw (still percent-encoded) request path. */
  match(method: string, pathname: string): RouteMatch<T> | undefined {
    const segments = splitPath(pathname);
    const upperMethod = method.toUpperCase();
    for (const route of this.#routes) {
      if (!route.methods.has(upperMethod)) continue;
      const params = route.template.match(segments);
      if (params) return { target: route.target, params };
    }
    return undefined;
  }

  /** Templates in matching order, for the start-up listing. */
  describe(): { template: string; methods: string[] }[] {
    return this.#routes.map((route) => ({ template: route.template.text, methods: [...route.methods] }));
  }
}

export function splitPath(pathname: string): string[] {
  const trimmed = pathname.replace(/^\/+/, '').replace(/\/+$/, '');
  if (trimmed.length === 0) return [];
  return trimmed.split('/').map(safeDecode);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function compareRoutes<T>(a: RouteEntry<T>, b: RouteEntry<T>): number {
  const length = Math.max(a.template.precedence.length, b.template.precedence.length);
  for (let index = 0; index < length; index++) {
    // Precedence is a decimal fraction: a missing digit is 0, so a shorter template sorts first on a tie.
    const difference = (a.template.precedence[index] ?? 0) - (b.template.precedence[index] ?? 0);
    if (difference !== 0) return difference;
  }
  const textA = a.template.text.toLowerCase();
  const textB = b.template.text.toLowerCase();
  if (textA !== textB) return textA < textB ? -1 : 1;
  return a.registration - b.registration;
}
