/**
 * Which faults are worth a retry: every client the service uses reports failures its own way (see
 * shared/use-cases/errors.ts), and a transient fault classed as permanent fails an operation for good.
 */
import { RestError } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';

import { isTransient, OperationFault, TransientFault } from '../../../shared/use-cases/errors';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('isTransient', () => {
  it('When the use cases throw their own faults, then TransientFault retries and OperationFault does not', () => {
    expect(isTransient(new TransientFault('EntityDecisionTimeout', 'late'))).toBe(true);
    expect(isTransient(new OperationFault('InjectedFault', 'no'))).toBe(false);
  });

  it.each([408, 429, 500, 502, 503, 504])(
    'When a storage call answers %i, then it is transient',
    (status) => {
      expect(isTransient(new RestError('failed', { statusCode: status }))).toBe(true);
    },
  );

  it.each([400, 403, 404, 409, 412])('When a storage call answers %i, then it is permanent', (status) => {
    expect(isTransient(new RestError('failed', { statusCode: status }))).toBe(false);
  });

  it('When a storage request never got an answer (REQUEST_SEND_ERROR), then it is transient', () => {
    expect(isTransient(new RestError('socket hang up', { code: 'REQUEST_SEND_ERROR' }))).toBe(true);
  });

  it.each([
    ['503', true],
    ['429', true],
    ['408', true],
    ['500', true],
    ['400', false],
    ['404', false],
  ])(
    'When the durable-functions client rejects with its plain Error for HTTP %s, then it is classed by the status in the message',
    (status, transient) => {
      // DurableClient.createGenericError (durable-functions 3.5.0), verbatim.
      const error = new Error(
        `The operation failed with an unexpected status code: ${status}. Details: ${JSON.stringify('host busy')}`,
      );
      expect(isTransient(error)).toBe(transient);
    },
  );

  it.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'ERR_NETWORK'])(
    'When a socket fails with %s, then it is transient',
    (code) => {
      expect(isTransient(withCode(code))).toBe(true);
    },
  );

  it('When fetch fails with a TypeError whose cause is a reset socket, then it is transient', () => {
    expect(isTransient(new TypeError('fetch failed', { cause: withCode('UND_ERR_SOCKET') }))).toBe(true);
  });

  it('When Service Bus says whether its error is retryable, then that is the answer', () => {
    expect(isTransient(Object.assign(new Error('busy'), { code: 'ServiceBusy', retryable: true }))).toBe(
      true,
    );
    expect(
      isTransient(
        Object.assign(new Error('no entity'), { code: 'MessagingEntityNotFound', retryable: false }),
      ),
    ).toBe(false);
  });

  it('When the error is a bug or a schema mismatch, then it is permanent', () => {
    expect(isTransient(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isTransient('a string')).toBe(false);
    expect(isTransient(undefined)).toBe(false);
  });
});
