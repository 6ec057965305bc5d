/**
 * `Content-Encoding: gzip` for a body sent again and again with small changes: a large scope's status is
 * tens of megabytes of JSON, most of it the same Buffer on every poll until the inventories change (see
 * ScopeStatusAnswer.segments). Compressing it whole on every poll would cost more than the analysis it
 * replaces; here each large segment is compressed once (remembered per Buffer, and forgotten with it) and
 * spliced with the small per-request ones into one ordinary gzip member:
 *
 * - every segment is raw deflate from a compressor of its own, ended with a sync flush (byte-aligned, no
 *   final block), so segments can follow one another: none refers back past its own start;
 * - an empty final block ends the stream;
 * - the trailer's CRC-32 is combined from the segments' own (zlib's crc32_combine), so a remembered
 *   segment is never read again.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Segments from this size on are remembered once compressed (our choice: well above a status's head). */
const rememberFrom = 64 * 1024;

interface Deflated {
  raw: Buffer;
  crc: number;
  length: number;
}

const remembered = new WeakMap<Buffer, Deflated>();

/** gzip header: magic, deflate, no flags, no time, no extra flags, unknown OS. */
const gzipHeader = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
/** A final, empty, fixed-Huffman block: what zlib writes on finish after a sync flush. */
const finalBlock = Buffer.from([0x03, 0x00]);

/** True when the `Accept-Encoding` header takes gzip (a q of 0 refuses it). */
export function acceptsGzip(acceptEncoding: string | null | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((entry) => {
    const [coding = '', ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    return (
      (coding === 'gzip' || coding === 'x-gzip') && (quality === undefined || Number(quality.slice(2)) > 0)
    );
  });
}

/** The segments, concatenated, as one gzip member. */
export function gzipSegments(segments: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [gzipHeader];
  let crc = 0;
  let length = 0;
  for (const segment of coalesced(segments)) {
    const deflated = deflatedOnce(segment);
    parts.push(deflated.raw);
    crc = crc32Combine(crc, deflated.crc, deflated.length);
    length += deflated.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  parts.push(finalBlock, trailer);
  return Buffer.concat(parts);
}

/** Runs of small segments joined into one (one compressor call each); large ones kept as they are. */
function coalesced(segments: readonly Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  let small: Buffer[] = [];
  for (const segment of segments) {
    if (segment.length >= rememberFrom) {
      if (small.length > 0) out.push(Buffer.concat(small));
      small = [];
      out.push(segment);
    } else if (segment.length > 0) small.push(segment);
  }
  if (small.length > 0) out.push(Buffer.concat(small));
  return out;
}

function deflatedOnce(segment: Buffer): Deflated {
  const kept = remembered.get(segment);
  if (kept) return kept;
  const deflated: Deflated = {
    raw: deflateRawSync(segment, { finishFlush: constants.Z_SYNC_FLUSH }),
    crc: crc32(segment),
    length: segment.length,
  };
  if (segment.length >= rememberFrom) remembered.set(segment, deflated);
  return deflated;
}

/**
 * The CRC-32 of A followed by B from the CRC-32s of A and B and B's length: zlib's `crc32_combine`
 * (applying B's length in zero bits to A's CRC through GF(2) matrix powers), which Node does not expose.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  // The operator for one zero bit: the CRC-32 polynomial, then the identity shifted by one.
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  square(even, odd); // two zero bits
  square(odd, even); // four zero bits
  let crc = crcA >>> 0;
  let remaining = lengthB;
  // Apply the length in bytes (eight zero bits each), one bit of it per squaring.
  for (;;) {
    square(even, odd);
    if (remaining % 2 === 1) crc = times(even, crc);
    remaining = Math.floor(remaining / 2);
    if (remaining === 0) break;
    square(odd, even);
    if (remaining % 2 === 1) crc = times(odd, crc);
    remaining = Math.floor(remaining / 2);
    if (remaining === 0) break;
  }
  return (crc ^ crcB) >>> 0;
}

function times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let bits = vector >>> 0, i = 0; bits !== 0; bits >>>= 1, i++) {
    if ((bits & 1) === 1) sum ^= matrix[i] ?? 0;
  }
  return sum >>> 0;
}

function square(result: Uint32Array, matrix: Uint32Array): void {
  for (let n = 0; n < 32; n++) result[n] = times(matrix, matrix[n] ?? 0);
}
