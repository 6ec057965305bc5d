/** Conversions between plain values and the worker's RpcTypedData, the shape bindings travel in. */
import { RpcTypedDataLike } from '../core-shim';

export function stringData(value: string): RpcTypedDataLike {
  return { string: value };
}

export function jsonData(value: unknown): RpcTypedDataLike {
  return { json: JSON.stringify(value) };
}

export function intData(value: number): RpcTypedDataLike {
  return { int: value };
}

/** The value an output binding produced (as the host would deserialize it). */
export function fromTypedData(data: RpcTypedDataLike | null | undefined): unknown {
  if (!data) return undefined;
  if (typeof data.string === 'string') return data.string;
  if (typeof data.json === 'string') return JSON.parse(data.json) as unknown;
  if (data.bytes) return Buffer.from(data.bytes);
  if (typeof data.int === 'number' || typeof data.double === 'number') return data.int ?? data.double;
  const collection = data.collectionString as { string?: string[] } | undefined;
  if (collection?.string) return collection.string;
  return undefined;
}
