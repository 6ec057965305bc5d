/**
 * The soak's traffic: a few lanes, each picking a scope and an action at random until the time is up, and
 * waiting for the operations it started to end (so each lane has at most a few in flight):
 * - a command (validate / prepare / commit / abort), or two or three of them at once on one scope;
 * - the same command twice under one Idempotency-Key (both accepted → the same operation);
 * - a fault planned at a random step (`POST /api/admin/faults`, transient or fatal), then the command;
 * - scope status and the scope list.
 * Every answer is checked against what the API may say (202 or 409 for a command, 404 only once the scope
 * is committed, 200 for reads, 201 for a fault), and every operation's end against the reasons it may fail
 * for (refused by the state machine, validation errors, an injected fault). Anything else is an error.
 * A scope that ends Committed leaves the pool; new estates are seeded as the pool shrinks.
 */
import { randomUUID } from 'node:crypto';

import { drawChance, drawInteger, RandomSource } from '../../devhost/fidelity/seeded-random';
import type { OperationRecord } from '../../shared/contracts/operation-record';
import { scopeKey, type ScopeKind, scopeKindPaths } from '../../shared/domain/scope/scope';
import { phaseSteps } from '../../shared/use-cases/phases/phase-steps';
import { finishCheckpoint } from '../../shared/use-cases/phases/run-phase';
import { e2eEstate } from '../../test/fixtures/e2e-estate';
import { type ApiResponse, seedInventory } from '../../test/support/migration-api';
import { OperationOutcome, SoakMetrics } from './soak-metrics';
import { TimedMigrationApi } from './timed-api';

export interface SoakScope {
  api: TimedMigrationApi;
  kind: ScopeKind;
  name: string;
  key: string;
  retired: boolean;
}

export interface TrackedOperation {
  operationId: string;
  scope: SoakScope;
  requestedAtMs: number;
  done: Promise<void>;
  outcome?: OperationOutcome;
}

type Command = 'validate' | 'prepare' | 'commit' | 'abort';
type StartResponse = ApiResponse<{ operationId: string; error?: { code: string; message: string } }>;

/** The migratable scopes of test/fixtures/e2e-estate.ts (Legacy-VNet always fails validation). */
const estateScopes: { kind: ScopeKind; name: string }[] = [
  { kind: 'virtualNetwork', name: 'Prod-VNet' },
  { kind: 'virtualNetwork', name: 'Legacy-VNet' },
  { kind: 'cloudService', name: 'contoso-ftp' },
];

const commandWeights: [Command, number][] = [
  ['validate', 3],
  ['prepare', 4],
  ['commit', 2],
  ['abort', 2],
];

const actionWeights: [Action, number][] = [
  ['command', 35],
  ['concurrent', 12],
  ['idempotent', 12],
  ['fault', 16],
  ['status', 20],
  ['list', 5],
];
type Action = 'command' | 'concurrent' | 'idempotent' | 'fault' | 'status' | 'list';

/** Every step a fault can be planned at, e.g. `prepare.writeArm`, `commit.finish`. */
const faultSteps = (['prepare', 'commit', 'abort'] as const).flatMap((operation) =>
  [...phaseSteps[operation].map((step) => step.name), finishCheckpoint].map((step) => ({
    operation,
    step: `${operation}.${step}`,
  })),
);

const pollIntervalMs = 300;

export interface SoakTrafficDeps {
  baseUrl: string;
  storageConnectionString: string;
  metrics: SoakMetrics;
  random: RandomSource;
  deadlineMs: number;
}

export class SoakTraffic {
  readonly scopes: SoakScope[] = [];
  readonly subscriptions: string[] = [];
  readonly operations = new Map<string, TrackedOperation>();
  readonly #deps: SoakTrafficDeps;
  #minimumActive = 0;
  #replenishing: Promise<void> | undefined;

  constructor(deps: SoakTrafficDeps) {
    this.#deps = deps;
  }

  /** Seeds `count` estates; the pool is replenished whenever fewer than 60% of their scopes remain active. */
  async seed(count: number): Promise<void> {
    for (let index = 0; index < count; index++) await this.#addEstate();
    this.#minimumActive = Math.ceil(count * estateScopes.length * 0.6);
  }

  /** Runs `lanes` lanes until `untilMs`; resolves once every operation they started has ended (or expired). */
  async run(lanes: number, untilMs: number): Promise<void> {
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (Date.now() < untilMs) await this.#step();
      }),
    );
    await Promise.all([...this.operations.values()].map((operation) => operation.done));
  }

  async #addEstate(): Promise<void> {
    const subscriptionId = randomUUID();
    await seedInventory(this.#deps.storageConnectionString, e2eEstate(subscriptionId));
    const api = new TimedMigrationApi(this.#deps.baseUrl, subscriptionId, this.#deps.metrics);
    this.subscriptions.push(subscriptionId);
    for (const { kind, name } of estateScopes) {
      this.scopes.push({ api, kind, name, key: scopeKey({ subscriptionId, kind, name }), retired: false });
    }
  }

  async #step(): Promise<void> {
    const active = this.scopes.filter((scope) => !scope.retired);
    const scope = active[drawInteger(this.#deps.random, active.length - 1)];
    if (!scope) {
      await this.#replenish();
      return;
    }
    const action = this.#weighted(actionWeights);
    this.#deps.metrics.countAction(action);
    switch (action) {
      case 'command':
        await this.#command(scope, this.#weighted(commandWeights));
        return;
      case 'concurrent': {
        const commands = Array.from({ length: 2 + drawInteger(this.#deps.random, 1) }, () =>
          this.#weighted(commandWeights),
        );
        await Promise.all(commands.map((command) => this.#command(scope, command)));
        return;
      }
      case 'idempotent':
        await this.#idempotent(scope, this.#weighted(commandWeights));
        return;
      case 'fault':
        await this.#fault(scope);
        return;
      case 'status':
        await this.#read(
          scope.api,
          'GET',
          `/api/migrations/${kindPath(scope)}/${encodeURIComponent(scope.name)}`,
        );
        return;
      case 'list':
        await this.#read(scope.api, 'GET', '/api/migrations');
        return;
    }
  }

  /** Starts a command and waits for its operation to end; returns the start answer. */
  async #command(
    scope: SoakScope,
    command: Command,
    headers: Record<string, string> = {},
  ): Promise<StartResponse> {
    const response: StartResponse = await scope.api.start(scope.kind, scope.name, command, {}, headers);
    if (response.status === 202) {
      await this.#track(scope, response.body.operationId).done;
    } else if (response.status === 409) {
      this.#deps.metrics.countDoorRefusal(response.body.error?.code ?? 'unknown');
    } else if (response.status === 404 && (await this.#isCommitted(scope))) {
      // The Classic side of a committed scope is gone: Azure answers "not found" too.
      this.#retire(scope);
    } else {
      this.#unexpectedStatus(`POST ${command} ${scope.key}`, response);
    }
    return response;
  }

  /** The same command twice under one key, at once or one after the other. */
  async #idempotent(scope: SoakScope, command: Command): Promise<void> {
    const headers = { 'idempotency-key': randomUUID() };
    const [first, second] = drawChance(this.#deps.random, 0.5)
      ? await Promise.all([this.#command(scope, command, headers), this.#command(scope, command, headers)])
      : [await this.#command(scope, command, headers), await this.#command(scope, command, headers)];
    if (first.status === 202 && second.status === 202 && first.body.operationId !== second.body.operationId) {
      this.#deps.metrics.error(
        'idempotency',
        `${command} ${scope.key}: one Idempotency-Key started two operations (${first.body.operationId}, ${second.body.operationId})`,
      );
    }
  }

  async #fault(scope: SoakScope): Promise<void> {
    const planned = faultSteps[drawInteger(this.#deps.random, faultSteps.length - 1)];
    if (!planned) return;
    const kind = drawChance(this.#deps.random, 0.6) ? 'transient' : 'fatal';
    const response = await scope.api.request('POST', '/api/admin/faults', {
      scopeKind: scope.kind,
      name: scope.name,
      step: planned.step,
      kind,
      times: 1,
    });
    if (response.status !== 201) {
      this.#unexpectedStatus(`POST faults ${scope.key} ${planned.step}`, response);
      return;
    }
    await this.#command(scope, planned.operation);
  }

  async #read(api: TimedMigrationApi, method: string, path: string): Promise<void> {
    const response = await api.request(method, path);
    if (response.status !== 200) this.#unexpectedStatus(`${method} ${path}`, response);
  }

  /** Follows an operation to its end (once per id: an idempotent repeat shares it). */
  #track(scope: SoakScope, operationId: string): TrackedOperation {
    const known = this.operations.get(operationId);
    if (known) return known;
    const tracked: TrackedOperation = {
      operationId,
      scope,
      requestedAtMs: Date.now(),
      done: Promise.resolve(),
    };
    tracked.done = this.#follow(tracked);
    this.operations.set(operationId, tracked);
    return tracked;
  }

  async #follow(tracked: TrackedOperation): Promise<void> {
    const { scope, operationId } = tracked;
    const deadline = tracked.requestedAtMs + this.#deps.deadlineMs;
    for (;;) {
      const response = await scope.api.request<OperationRecord>('GET', `/api/operations/${operationId}`);
      if (response.status !== 200) {
        this.#unexpectedStatus(`GET operation ${operationId}`, response);
      } else if (response.body.status === 'Succeeded' || response.body.status === 'Failed') {
        await this.#finished(tracked, response.body);
        return;
      }
      if (Date.now() > deadline) {
        this.#outcome(tracked, 'openPastDeadline');
        this.#deps.metrics.error(
          'operation',
          `${operationId} (${scope.key}) still ${response.status === 200 ? response.body.status : 'unreadable'} after ${this.#deps.deadlineMs} ms`,
        );
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
    }
  }

  async #finished(tracked: TrackedOperation, record: OperationRecord): Promise<void> {
    if (record.resultingState === 'Committed') this.#retire(tracked.scope);
    if (record.status === 'Succeeded') {
      this.#outcome(tracked, record.decision === 'noop' ? 'noop' : 'succeeded');
      return;
    }
    const code = record.error?.code ?? '';
    if (record.decision === 'refused') this.#outcome(tracked, 'refused');
    else if (code === 'ValidationFailed') this.#outcome(tracked, 'validationFailed');
    else if (code.startsWith('Injected')) this.#outcome(tracked, 'injectedFault');
    // Accepted while a Commit ran, started after it: the Classic side is gone, as a 404 at the door says.
    else if (code === 'ResourceNotFound' && (await this.#classicGone(tracked.scope))) {
      if (await this.#isCommitted(tracked.scope)) this.#retire(tracked.scope);
      this.#outcome(tracked, 'goneAfterCommit');
    } else {
      this.#outcome(tracked, 'unexpectedFailure');
      this.#deps.metrics.error(
        'operation',
        `${record.operation} ${record.operationId} (${tracked.scope.key}) failed for no injected reason: ${code} ${record.error?.message ?? ''} (decision ${record.decision ?? 'none'})`,
      );
    }
  }

  #outcome(tracked: TrackedOperation, outcome: OperationOutcome): void {
    tracked.outcome = outcome;
    this.#deps.metrics.countOutcome(outcome);
  }

  async #isCommitted(scope: SoakScope): Promise<boolean> {
    return (await this.#state(scope)) === 'Committed';
  }

  /** A Commit has started (Committing, CommitFailed, Committed): the Classic side may be gone already. */
  async #classicGone(scope: SoakScope): Promise<boolean> {
    const state = await this.#state(scope);
    return state === 'Committing' || state === 'CommitFailed' || state === 'Committed';
  }

  async #state(scope: SoakScope): Promise<string | undefined> {
    const response = await scope.api.request<{ state?: string }>(
      'GET',
      `/api/migrations/${kindPath(scope)}/${encodeURIComponent(scope.name)}`,
    );
    return response.status === 200 ? response.body.state : undefined;
  }

  #retire(scope: SoakScope): void {
    if (scope.retired) return;
    scope.retired = true;
    void this.#replenish();
  }

  /** Adds an estate when too few scopes remain active (one at a time). */
  #replenish(): Promise<void> {
    if (this.#replenishing) return this.#replenishing;
    const active = this.scopes.filter((scope) => !scope.retired).length;
    if (active >= this.#minimumActive) return Promise.resolve();
    this.#replenishing = this.#addEstate()
      .catch((error: unknown) =>
        this.#deps.metrics.error('invariant', `seeding a new estate failed: ${String(error)}`),
      )
      .finally(() => {
        this.#replenishing = undefined;
      });
    return this.#replenishing;
  }

  #unexpectedStatus(what: string, response: ApiResponse): void {
    this.#deps.metrics.error(
      'httpStatus',
      `${what}: ${response.status} ${JSON.stringify(response.body ?? null).slice(0, 300)}`,
    );
  }

  #weighted<T>(choices: [T, number][]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = this.#deps.random.next() * total;
    for (const [choice, weight] of choices) {
      draw -= weight;
      if (draw < 0) return choice;
    }
    return (choices[choices.length - 1] as [T, number])[0];
  }
}

function kindPath(scope: SoakScope): string {
  return scopeKindPaths[scope.kind];
}
