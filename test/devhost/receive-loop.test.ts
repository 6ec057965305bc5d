import { describe, expect, it } from 'vitest';

import { Logger } from '../../devhost/logging/logger';
import { PollingBackoff } from '../../devhost/worker/polling-backoff';
import { ReceiveLoop } from '../../devhost/worker/receive-loop';
import { noticeSend, onSend } from '../../shared/adapters/local-service-bus/send-notices';
import { waitFor } from '../support/wait-for';

const quietLoop = (room: (active: number) => number, backoff = new PollingBackoff(1, 5)) =>
  new ReceiveLoop<number>({
    room,
    backoff,
    logger: new Logger({}, 'critical'),
    receiveFailedMessage: 'receive failed',
    handleFailedMessage: 'handle failed',
  });

describe('dev host receive loop', () => {
  it('When handlers are still running, then it asks for no more items than there is room for', async () => {
    const asked: number[] = [];
    const release: (() => void)[] = [];
    const queue = [1, 2, 3, 4, 5];
    const loop = quietLoop((active) => 2 - active);
    loop.start({
      receive: (room) => {
        asked.push(room);
        return Promise.resolve(queue.splice(0, room));
      },
      handle: () => new Promise<void>((resolve) => release.push(resolve)),
    });
    await waitFor(() => release.length === 2, { timeoutMs: 5_000, what: 'two handlers' });
    expect(asked).toEqual([2]);
    release.shift()!();
    await waitFor(() => release.length === 2, { timeoutMs: 5_000, what: 'a third handler' });
    expect(asked).toEqual([2, 1]);
    await loop.stop();
    expect(queue).toEqual([4, 5]);
  });

  it('When receiving or handling fails, then the loop goes on until it is stopped', async () => {
    let receives = 0;
    const handled: number[] = [];
    const loop = quietLoop((active) => 1 - active);
    loop.start({
      receive: () => {
        receives++;
        if (receives === 1) return Promise.reject(new Error('storage is down'));
        return Promise.resolve(receives <= 3 ? [receives] : []);
      },
      handle: (item) => {
        handled.push(item);
        return Promise.reject(new Error('handler failed'));
      },
    });
    await waitFor(() => handled.length === 2, { timeoutMs: 5_000, what: 'two handled items' });
    expect(loop.stopped).toBe(false);
    await loop.stop();
    expect(loop.stopped).toBe(true);
    expect(handled).toEqual([2, 3]);
  });

  it('When this process sends to the queue while the loop waits out a long back-off, then it polls at once', async () => {
    const queue: number[] = [];
    const handled: number[] = [];
    let receives = 0;
    // A minute between polls: without the nudge the item would wait longer than waitFor's 30 s.
    const loop = quietLoop((active) => 1 - active, new PollingBackoff(60_000, 60_000));
    const stopNotices = onSend('Fixture-Queue', () => loop.nudge());
    loop.start({
      receive: (room) => {
        receives++;
        return Promise.resolve(queue.splice(0, room));
      },
      handle: (item) => {
        handled.push(item);
        return Promise.resolve();
      },
    });
    await waitFor(() => receives === 1, { what: 'the first (empty) poll' });
    queue.push(7);
    noticeSend('fixture-queue');
    await waitFor(() => handled.length === 1, { what: 'the item sent after the empty poll' });
    expect(handled).toEqual([7]);
    stopNotices();
    await loop.stop();
  });

  it('When this process sends while a receive is under way and that receive comes back empty, then it polls again at once', async () => {
    const handled: number[] = [];
    const answers: ((items: number[]) => void)[] = [];
    // A minute between polls: without the nudge the item would wait longer than waitFor's 30 s.
    const loop = quietLoop((active) => 1 - active, new PollingBackoff(60_000, 60_000));
    loop.start({
      receive: () => new Promise<number[]>((resolve) => answers.push(resolve)),
      handle: (item) => {
        handled.push(item);
        return Promise.resolve();
      },
    });
    await waitFor(() => answers.length === 1, { what: 'the first poll under way' });
    loop.nudge(); // the send lands after the storage answered this poll, before its answer arrives
    answers[0]!([]);
    await waitFor(() => answers.length === 2, { what: 'the poll after the nudge' });
    answers[1]!([9]);
    await waitFor(() => handled.length === 1, { what: 'the item sent during the empty poll' });
    expect(handled).toEqual([9]);
    const stopping = loop.stop();
    for (const answer of answers.slice(2)) answer([]);
    await stopping;
  });
});
