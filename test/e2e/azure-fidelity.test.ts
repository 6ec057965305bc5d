/**
 * The end-to-end flows again, against a dev host in the Azure-like mode (`DEVHOST_FIDELITY=azure`, see
 * devhost/README.md): entity signals delayed, unordered and sometimes applied twice, entity reads lagging
 * behind the applied state, session locks lost when they outlive their renewal. The flows are the very ones
 * of migration-flows.test.ts and migration-reliability.test.ts (test/support/flows), with the same
 * assertions: the production path must reach the same results under semantics the default mode hides.
 * Delays are kept small (and the seed fixed), and the flows run a few at a time (each works in its own
 * subscription, and mostly waits for delayed signals), so the file runs in a couple of minutes.
 */
import { describe, expect, it } from 'vitest';

import { useDevHost } from '../support/e2e-host';
import {
  fivePreparesRace,
  idempotencyKeyTwice,
  phaseMessageTwice,
  prepareAbortRace,
} from '../support/flows/concurrency.flows';
import {
  abortFaults,
  fatalCommitFault,
  fatalPrepareFault,
  transientCommitFault,
  transientPrepareFault,
} from '../support/flows/fault.flows';
import type { Flow, StepFlow } from '../support/flows/flow';
import { cloudServiceLifecycle, vnetLifecycle } from '../support/flows/lifecycle.flows';

const e2e = useDevHost({
  workers: 2,
  env: {
    DEVHOST_FIDELITY: 'azure',
    DEVHOST_FIDELITY_SEED: '4242',
    DEVHOST_FIDELITY_SIGNAL_DELAY_MS: '1500',
    DEVHOST_FIDELITY_DUPLICATE_PROBABILITY: '0.2',
    DEVHOST_FIDELITY_STALE_READ_MS: '1000',
  },
});

// Each operation waits out a few delayed signals and lagging reads: give a flow of several operations room.
const flowTimeoutMs = 240_000;

const runs = (flow: Flow) => it(flow.name, () => flow.run(e2e), flowTimeoutMs);
const runsEach = (flow: StepFlow) =>
  it.each(flow.steps)(flow.name, (step) => flow.run(e2e, step), flowTimeoutMs);

it('When the dev host starts, then it runs in the Azure-like mode with the fixed seed', () => {
  expect(e2e.host.logs()).toContain('Dev host fidelity: azure, seed: 4242');
});

describe.concurrent('Azure-like mode: each scope kind through its lifecycle', () => {
  runs(vnetLifecycle);
  runs(cloudServiceLifecycle);
});

describe.concurrent('Azure-like mode: failures injected at each step, then retried', () => {
  runsEach(transientPrepareFault);
  runsEach(fatalPrepareFault);
  runsEach(transientCommitFault);
  runsEach(fatalCommitFault);
  runs(abortFaults);
});

describe.concurrent('Azure-like mode: duplicated and concurrent commands', () => {
  runs(idempotencyKeyTwice);
  runs(phaseMessageTwice);
  runs(fivePreparesRace);
  runs(prepareAbortRace);
});
