/**
 * Checks and conversions of option values that commander cannot express alone: numbers, the `--scopes`
 * list with kind aliases, phases, the destination of a cloud service, and the batch plan built from flags.
 * Value parsers throw commander's InvalidArgumentError (commander reports the option, exit 2); the checks
 * across options throw a usage error (exit 2). The service validates the rest (window, time zone,
 * recurrence, phase order) and answers 400, which is exit 2 too.
 */
import { InvalidArgumentError } from 'commander';

import type { Destination } from '../shared/domain/scope/destination';
import { usageError } from './exit-codes';
import { scopeKindOf, scopeKindPath } from './scope-kind';

/** A whole number ≥ 1 (`--duration`, `--max-concurrent`). */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError('Expected a whole number of 1 or more.');
  return n;
}

/** Seconds, possibly fractional, at least 0.1 (`--interval`). */
export function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0.1)
    throw new InvalidArgumentError('Expected a number of seconds of 0.1 or more.');
  return n;
}

export const operationNames = ['validate', 'prepare', 'commit', 'abort'] as const;

/** `validate,prepare,commit` → the phases (order and combinations are the service's to check). */
export function phaseList(value: string): string[] {
  const phases = value
    .split(',')
    .map((phase) => phase.trim().toLowerCase())
    .filter((phase) => phase !== '');
  if (phases.length === 0) throw new InvalidArgumentError('Expected phases, e.g. validate,prepare.');
  const unknown = phases.filter((phase) => !(operationNames as readonly string[]).includes(phase));
  if (unknown.length > 0)
    throw new InvalidArgumentError(
      `Unknown phase ${unknown.map((p) => `'${p}'`).join(', ')}; use ${operationNames.join(', ')}.`,
    );
  return phases;
}

/**
 * `vnet:Prod-VNet,cs:contoso-ftp` → `[{ kind: 'virtualNetworks', name: 'Prod-VNet' }, …]`. The kind is
 * before the first colon (names may contain colons, not commas: use `--file` for such names).
 */
export function scopeList(value: string): { kind: string; name: string }[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0)
    throw new InvalidArgumentError('Expected kind:name pairs, e.g. vnet:Prod-VNet,cs:contoso-ftp.');
  return items.map((item) => {
    const colon = item.indexOf(':');
    const kind = colon < 0 ? '' : item.slice(0, colon).trim();
    const name = colon < 0 ? '' : item.slice(colon + 1).trim();
    if (kind === '' || name === '')
      throw new InvalidArgumentError(`'${item}' is not kind:name (e.g. vnet:Prod-VNet).`);
    if (scopeKindOf(kind) === undefined) {
      throw new InvalidArgumentError(
        `'${kind}' (in '${item}') is not a scope kind; use virtualNetworks, cloudServices, storageAccounts, reservedIps, networkSecurityGroups, routeTables (or vnet, cs, storage, rip, nsg, rt).`,
      );
    }
    return { kind: scopeKindPath(kind), name };
  });
}

export interface DestinationFlags {
  destination?: string;
  resourceGroup?: string;
  vnet?: string;
  subnet?: string;
}

/** `--destination new` or `--destination existing --resource-group RG --vnet V --subnet S`. */
export function destinationOf(flags: DestinationFlags): Destination | undefined {
  const existingFlags = {
    '--resource-group': flags.resourceGroup,
    '--vnet': flags.vnet,
    '--subnet': flags.subnet,
  };
  const given = Object.entries(existingFlags).filter(([, value]) => value !== undefined);
  const kind = flags.destination?.toLowerCase();
  if (kind === undefined) {
    if (given.length > 0)
      throw usageError(`${given.map(([flag]) => flag).join(', ')} need --destination existing.`);
    return undefined;
  }
  if (kind === 'new') {
    if (given.length > 0)
      throw usageError(`${given.map(([flag]) => flag).join(', ')} go with --destination existing, not new.`);
    return { type: 'New' };
  }
  if (kind !== 'existing') throw usageError(`--destination is new or existing (got '${flags.destination}').`);
  const missing = Object.entries(existingFlags).filter(
    ([, value]) => value === undefined || value.trim() === '',
  );
  if (missing.length > 0)
    throw usageError(`--destination existing needs ${missing.map(([flag]) => flag).join(', ')}.`);
  return {
    type: 'Existing',
    resourceGroupName: flags.resourceGroup ?? '',
    virtualNetworkName: flags.vnet ?? '',
    subnetName: flags.subnet ?? '',
  };
}

export interface BatchFlags {
  name?: string;
  scopes?: { kind: string; name: string }[];
  phases?: string[];
  start?: string;
  duration?: number;
  timeZone?: string;
  recurEvery?: string;
  maxConcurrent?: number;
  autoCommit?: boolean;
  onFailure?: string;
  abortOnFailure?: boolean;
  preflight?: boolean;
}

/** The body of `POST /api/batches` from `batch create` flags; `now` is the start of `--start now`. */
export function batchPlanOf(flags: BatchFlags, now: Date): Record<string, unknown> {
  const missing = [
    flags.name === undefined ? '--name' : undefined,
    flags.scopes === undefined ? '--scopes' : undefined,
    flags.phases === undefined ? '--phases' : undefined,
    flags.start === undefined ? '--start' : undefined,
    flags.duration === undefined ? '--duration' : undefined,
  ].filter((flag) => flag !== undefined);
  if (missing.length > 0)
    throw usageError(`batch create needs --file plan.json, or ${missing.join(', ')} (missing).`);
  // `now`, to the second: the window opens at once (an ISO instant with Z is taken as that instant).
  const start = flags.start?.toLowerCase() === 'now' ? `${now.toISOString().slice(0, 19)}Z` : flags.start;
  return {
    name: flags.name,
    scopes: flags.scopes,
    phases: flags.phases,
    window: {
      start,
      durationMinutes: flags.duration,
      ...(flags.timeZone === undefined ? {} : { timeZone: flags.timeZone }),
      ...(flags.recurEvery === undefined ? {} : { recurEvery: flags.recurEvery }),
    },
    ...(flags.maxConcurrent === undefined ? {} : { maxConcurrent: flags.maxConcurrent }),
    ...(flags.onFailure === undefined ? {} : { onFailure: flags.onFailure }),
    ...(flags.autoCommit ? { autoCommit: true } : {}),
    ...(flags.abortOnFailure ? { abortOnFailure: true } : {}),
    ...(flags.preflight ? { includePreflight: true } : {}),
  };
}

/** Flags that `batch create --file` would silently ignore: refused instead. */
export function batchFlagsBesideFile(flags: BatchFlags): string[] {
  const names: [keyof BatchFlags, string][] = [
    ['name', '--name'],
    ['scopes', '--scopes'],
    ['phases', '--phases'],
    ['start', '--start'],
    ['duration', '--duration'],
    ['timeZone', '--time-zone'],
    ['recurEvery', '--recur-every'],
    ['maxConcurrent', '--max-concurrent'],
    ['autoCommit', '--auto-commit'],
    ['onFailure', '--on-failure'],
    ['abortOnFailure', '--abort-on-failure'],
    ['preflight', '--preflight'],
  ];
  return names.filter(([key]) => flags[key] !== undefined && flags[key] !== false).map(([, flag]) => flag);
}
