/**
 * The state of the `migrationScope` Durable entity and its pure reducer
 * `(state, command) → { state, result }`.
 *
 * The entity is the single source of truth for one scope's MigrationState, the operation holding it (with
 * a lease), and how each recent operation id was answered. Facts that shape it (durable-functions 3.5.0,
 * https://github.com/Azure/azure-functions-durable-js): callers outside orchestrators can only *signal*
 * the entity and *read* its state, so every answer is written into the state (`decisions`) for the caller
 * to read back; a thrown error loses its message, so expected outcomes are values, never throws; state is JSON and must stay small, so
 * resource lists live in Tables and `decisions` is bounded (see {@link maxEntityStateBytes}). Time is an
 * input (`now`), never read here. Pure.
 */
import { z } from 'zod';

import { truncateUtf8, utf8Bytes } from './bounded-text';
import { abandon, decideStart, finish } from './migration.machine';
import { refusal, type RefusalCode } from './migration.refusals';
import {
  isLocked,
  type MigrationOperation,
  migrationOperationSchema,
  migrationStateSchema,
  type StatefulOperation,
} from './migration-state';

/**
 * How many answered operation ids the entity remembers (redeliveries arrive well within this). The running
 * operation's decision is never evicted, whatever arrives meanwhile: its `complete` must find it, or the
 * scope would stay held until the lease ran out.
 */
export const rememberedDecisions = 32;

/**
 * Budget for the serialized state (UTF-8 bytes); older decisions are evicted past it (never the running
 * operation's, never the newest). Our choice, far below what reading state through the client may carry:
 * the Azure Storage provider compresses anything over 45 KB into a blob
 * (https://learn.microsoft.com/azure/azure-functions/durable/durable-functions-azure-storage-provider#blobs),
 * so a state under 16 KB stays one table row and one small HTTP answer to `readEntityState`.
 */
export const maxEntityStateBytes = 16 * 1024;

/** Longest operation id a command may carry (the JSON API and Service Bus message ids allow 128). */
export const maxOperationIdLength = 128;
/** Bounds of the free texts the state keeps (UTF-8 bytes): decision messages and codes, who asked, steps. */
export const maxMessageBytes = 512;
export const maxCodeBytes = 64;
export const maxRequestedByBytes = 256;
export const maxStepBytes = 200;

/** Default operation lease: Azure's operations time out after 24 hours (D11). */
export const defaultLeaseSeconds = 24 * 60 * 60;

export const decisionKinds = ['started', 'noop', 'refused', 'succeeded', 'failed', 'abandoned'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

export const decisionSchema = z.object({
  operationId: z.string(),
  operation: z.union([migrationOperationSchema, z.literal('forceRelease')]),
  decision: z.enum(decisionKinds),
  code: z.string().optional(),
  message: z.string().optional(),
  at: z.string(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const runningOperationSchema = z.object({
  operationId: z.string(),
  operation: z.enum(['prepare', 'commit', 'abort']),
  startedAt: z.string(),
  leaseUntil: z.string(),
  requestedBy: z.string().optional(),
});
export type RunningOperation = z.infer<typeof runningOperationSchema>;

export const progressSchema = z.object({
  step: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type Progress = z.infer<typeof progressSchema>;

export const scopeEntityStateSchema = z.object({
  v: z.literal(1),
  state: migrationStateSchema,
  running: runningOperationSchema.optional(),
  progress: progressSchema.optional(),
  /** When the management-plane lock was taken; absent while unlocked. */
  lockedSince: z.string().optional(),
  /** Most recent first, at most {@link rememberedDecisions} and {@link maxEntityStateBytes}. */
  decisions: z.array(decisionSchema).default([]),
  /** Bumped on every change, so readers can tell a fresh read from a stale one. */
  revision: z.number().int().nonnegative().default(0),
});
export type ScopeEntityState = z.infer<typeof scopeEntityStateSchema>;

export const initialScopeEntityState: ScopeEntityState = { v: 1, state: 'None', decisions: [], revision: 0 };

const isoTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO 8601 time');
const operationId = z.string().min(1).max(maxOperationIdLength);

export const scopeCommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('request'),
    operationId,
    operation: migrationOperationSchema,
    now: isoTime,
    leaseSeconds: z.number().int().positive().default(defaultLeaseSeconds),
    requestedBy: z.string().optional(),
    scopeLabel: z.string(),
  }),
  z.object({
    type: z.literal('complete'),
    operationId,
    outcome: z.enum(['succeeded', 'failed']),
    now: isoTime,
    code: z.string().optional(),
    message: z.string().optional(),
  }),
  z.object({
    type: z.literal('progress'),
    operationId,
    step: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    now: isoTime,
  }),
  z.object({ type: z.literal('expireLease'), now: isoTime }),
  z.object({
    type: z.literal('forceRelease'),
    operationId,
    now: isoTime,
    requestedBy: z.string(),
    reason: z.string().min(1),
    scopeLabel: z.string(),
  }),
]);
export type ScopeCommand = z.input<typeof scopeCommandSchema>;
type ParsedCommand = z.infer<typeof scopeCommandSchema>;

export interface Reduction {
  state: ScopeEntityState;
  /** The decision this command produced or replayed; undefined for ignored commands. */
  result: Decision | undefined;
}

/** The decision recorded for an operation id, if the entity still remembers it. */
export function decisionFor(state: ScopeEntityState, operationId: string): Decision | undefined {
  return state.decisions.find((decision) => decision.operationId === operationId);
}

/** Applies one command. Never throws for expected outcomes; throws only for a malformed command. */
export function reduceScope(current: ScopeEntityState, command: ScopeCommand): Reduction {
  const parsed = scopeCommandSchema.parse(command);
  // A lease that ran out is abandoned first, whatever the command, so no command acts on a dead holder.
  const afterLease = 'now' in parsed ? expireLeaseIfDue(current, parsed.now) : current;
  return apply(afterLease, parsed);
}

function apply(state: ScopeEntityState, command: ParsedCommand): Reduction {
  switch (command.type) {
    case 'request':
      return request(state, command);
    case 'complete':
      return complete(state, command);
    case 'progress':
      return progress(state, command);
    case 'expireLease':
      return { state, result: undefined };
    case 'forceRelease':
      return forceRelease(state, command);
  }
}

function request(state: ScopeEntityState, command: Extract<ParsedCommand, { type: 'request' }>): Reduction {
  // Idempotency guard: a redelivered request gets the answer it got the first time.
  const seen = decisionFor(state, command.operationId);
  if (seen) return { state, result: seen };

  const record = (decision: DecisionKind, extra: Partial<Decision> = {}): Decision => ({
    operationId: command.operationId,
    operation: command.operation,
    decision,
    at: command.now,
    ...extra,
  });

  // Validate reads Classic state only: it never takes the scope and never waits for it.
  if (command.operation === 'validate') {
    const result = record('started');
    return { state: withDecision(state, result), result };
  }

  const decision = decideStart(state.state, command.operation);
  if (decision.kind === 'refuse') {
    const result = refused(state, command.operation, decision.code, command.scopeLabel, record);
    return { state: withDecision(state, result), result };
  }
  if (decision.kind === 'noop') {
    const result = record('noop', { code: decision.reason });
    return { state: withDecision(state, result), result };
  }

  const result = record('started');
  const running: RunningOperation = {
    operationId: command.operationId,
    operation: command.operation,
    startedAt: command.now,
    leaseUntil: new Date(Date.parse(command.now) + command.leaseSeconds * 1000).toISOString(),
    ...(command.requestedBy === undefined
      ? {}
      : { requestedBy: truncateUtf8(command.requestedBy, maxRequestedByBytes) }),
  };
  const next: ScopeEntityState = {
    ...state,
    state: decision.next,
    running,
    progress: undefined,
    lockedSince: state.lockedSince ?? command.now,
  };
  return { state: withDecision(next, result), result };
}

function refused(
  state: ScopeEntityState,
  operation: MigrationOperation,
  code: RefusalCode,
  scopeLabel: string,
  record: (decision: DecisionKind, extra?: Partial<Decision>) => Decision,
): Decision {
  const { message } = refusal(code, {
    operation,
    state: state.state,
    scopeLabel,
    ...(state.running ? { inFlight: state.running } : {}),
  });
  return record('refused', { code, message });
}

function complete(state: ScopeEntityState, command: Extract<ParsedCommand, { type: 'complete' }>): Reduction {
  const started = decisionFor(state, command.operationId);
  if (!started || started.decision !== 'started') return { state, result: started };
  const outcome: Decision = {
    ...started,
    decision: command.outcome,
    at: command.now,
    ...(command.code === undefined ? {} : { code: command.code }),
    ...(command.message === undefined ? {} : { message: command.message }),
  };
  if (started.operation === 'validate') return { state: withDecision(state, outcome), result: outcome };

  const running = state.running;
  if (running?.operationId !== command.operationId) return { state, result: started };
  const nextState = finish(state.state, running.operation, command.outcome);
  if (nextState === undefined) return { state, result: started };
  const next: ScopeEntityState = {
    ...state,
    state: nextState,
    running: undefined,
    progress: undefined,
    lockedSince: isLocked(nextState) ? state.lockedSince : undefined,
  };
  return { state: withDecision(next, outcome), result: outcome };
}

function progress(state: ScopeEntityState, command: Extract<ParsedCommand, { type: 'progress' }>): Reduction {
  if (state.running?.operationId !== command.operationId) return { state, result: undefined };
  const next: ScopeEntityState = {
    ...state,
    progress: {
      step: truncateUtf8(command.step, maxStepBytes),
      done: command.done,
      total: command.total,
      updatedAt: command.now,
    },
    revision: state.revision + 1,
  };
  return { state: next, result: undefined };
}

function forceRelease(
  state: ScopeEntityState,
  command: Extract<ParsedCommand, { type: 'forceRelease' }>,
): Reduction {
  const seen = decisionFor(state, command.operationId);
  if (seen) return { state, result: seen };
  const base = { operationId: command.operationId, operation: 'forceRelease' as const, at: command.now };
  if (!state.running) {
    const { message } = refusal('NothingToRelease', {
      operation: 'forceRelease',
      state: state.state,
      scopeLabel: command.scopeLabel,
    });
    const result: Decision = { ...base, decision: 'refused', code: 'NothingToRelease', message };
    return { state: withDecision(state, result), result };
  }
  const released = abandonRunning(
    state,
    command.now,
    `Force-released by ${command.requestedBy}: ${command.reason}`,
  );
  const result: Decision = {
    ...base,
    decision: 'succeeded',
    message: `Released operation ${state.running.operationId} (${state.running.operation}); state is now ${released.state}.`,
  };
  return { state: withDecision(released, result), result };
}

/** Abandons the running operation when its lease has run out (see `abandon` in the machine). */
function expireLeaseIfDue(state: ScopeEntityState, now: string): ScopeEntityState {
  if (!state.running || Date.parse(now) < Date.parse(state.running.leaseUntil)) return state;
  return abandonRunning(
    state,
    now,
    `The operation timed out: its lease ended at ${state.running.leaseUntil}.`,
  );
}

function abandonRunning(state: ScopeEntityState, now: string, message: string): ScopeEntityState {
  const running = state.running;
  const nextState = abandon(state.state);
  if (!running || nextState === undefined) return state;
  const abandoned: Decision = {
    operationId: running.operationId,
    operation: running.operation satisfies StatefulOperation,
    decision: 'abandoned',
    code: 'OperationAbandoned',
    message,
    at: now,
  };
  return withDecision({ ...state, state: nextState, running: undefined, progress: undefined }, abandoned);
}

/**
 * Records a decision (replacing an older one for the same id), newest first, bounded: at most
 * {@link rememberedDecisions}, and older ones evicted while the state is over {@link maxEntityStateBytes}.
 * The decision of the operation holding the scope (`running`) and the newest one are never evicted.
 */
function withDecision(state: ScopeEntityState, decision: Decision): ScopeEntityState {
  const newest = boundedDecision(decision);
  const pinned = state.running?.operationId;
  const room = rememberedDecisions - (pinned === undefined || pinned === newest.operationId ? 1 : 2);
  let others = 0;
  const decisions = [newest];
  for (const earlier of state.decisions) {
    if (earlier.operationId === newest.operationId) continue;
    if (earlier.operationId === pinned) decisions.push(earlier);
    else if (others < room) {
      decisions.push(earlier);
      others++;
    }
  }
  const next: ScopeEntityState = { ...state, decisions, revision: state.revision + 1 };
  return withinBudget(next, pinned);
}

/** Drops the oldest evictable decisions until the serialized state fits the budget. */
function withinBudget(state: ScopeEntityState, pinned: string | undefined): ScopeEntityState {
  let size = utf8Bytes(JSON.stringify(state));
  if (size <= maxEntityStateBytes) return state;
  const decisions = [...state.decisions];
  for (let index = decisions.length - 1; index > 0 && size > maxEntityStateBytes; index--) {
    const candidate = decisions[index];
    if (candidate === undefined || candidate.operationId === pinned) continue;
    // The decision and the comma before it.
    size -= utf8Bytes(JSON.stringify(candidate)) + 1;
    decisions.splice(index, 1);
  }
  return { ...state, decisions };
}

/** A decision whose free texts fit their bounds (a long reason or scope label must not grow the state). */
function boundedDecision(decision: Decision): Decision {
  return {
    ...decision,
    ...(decision.code === undefined ? {} : { code: truncateUtf8(decision.code, maxCodeBytes) }),
    ...(decision.message === undefined ? {} : { message: truncateUtf8(decision.message, maxMessageBytes) }),
  };
}

/** The size of the state as the entity stores it and `readEntityState` returns it (UTF-8 bytes of JSON). */
export function entityStateBytes(state: ScopeEntityState): number {
  return utf8Bytes(JSON.stringify(state));
}
