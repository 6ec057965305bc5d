import { randomBytes } from 'node:crypto';
import { crc32, gunzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { acceptsGzip, crc32Combine, gzipSegments } from '../../../shared/handlers/spliced-gzip';

/** JSON-like text that compresses as a status does. */
const jsonLike = (items: number, tag: string) =>
  Buffer.from(
    JSON.stringify(
      Array.from({ length: items }, (_, i) => ({ id: `/subscriptions/s/resourceGroups/rg/vm${i}`, tag, i })),
    ),
  );

describe('crc32Combine', () => {
  it.each([0, 1, 7, 64, 1000, 65_537, 300_000])(
    'When B is %i bytes, then the combined CRC is the CRC of A followed by B',
    (lengthB) => {
      const a = randomBytes(333);
      const b = randomBytes(lengthB);
      expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
    },
  );
});

describe('gzipSegments', () => {
  it('When small and large segments are spliced, then the result gunzips to their concatenation', () => {
    const segments = [
      Buffer.from('{"head":1,'),
      jsonLike(5000, 'big'),
      Buffer.from(',"x":'),
      Buffer.from('2}'),
    ];
    expect(gunzipSync(gzipSegments(segments)).equals(Buffer.concat(segments))).toBe(true);
  });

  it('When the same large segment is sent again with other small ones, then each answer gunzips to its own body', () => {
    const large = jsonLike(8000, 'kept');
    for (const head of ['{"poll":1,', '{"poll":2,"running":{"op":"x"},']) {
      const segments = [Buffer.from(head), large, Buffer.from('"end":true}')];
      expect(gunzipSync(gzipSegments(segments)).toString()).toBe(Buffer.concat(segments).toString());
    }
  });

  it('When a segment is empty or every segment is, then the result is still a valid gzip', () => {
    expect(gunzipSync(gzipSegments([Buffer.alloc(0), Buffer.from('{}')])).toString()).toBe('{}');
    expect(gunzipSync(gzipSegments([])).length).toBe(0);
  });

  it('When a large body of JSON is spliced, then it is much smaller than the body', () => {
    const large = jsonLike(20_000, 'ratio');
    expect(gzipSegments([large]).length).toBeLessThan(large.length / 5);
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['x-gzip', true],
    ['gzip;q=0', false],
    ['identity', false],
    ['', false],
    [null, false],
  ] as const)('When Accept-Encoding is %j, then gzip is taken: %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
