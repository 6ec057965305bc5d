/**
 * Name comparison and lookups for Classic resources. Classic names compare case-insensitively (cloud
 * service names are DNS labels; VNet, storage, NSG, route table and reserved IP names are looked up
 * case-insensitively by Service Management). Pure.
 */

/** True when two Classic names denote the same resource. */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** The first item whose `name` matches, case-insensitively. */
export function findByName<T extends { name: string }>(
  items: readonly T[],
  name: string | undefined,
): T | undefined {
  return name === undefined ? undefined : items.find((item) => sameName(item.name, name));
}

/**
 * The storage account that holds a blob, from its URI (`https://<account>.blob.core.windows.net/...`).
 * Undefined when the URI is not a blob endpoint URI.
 */
export function storageAccountOfBlobUri(uri: string): string | undefined {
  const match = /^https?:\/\/([a-z0-9]+)\.blob\.[^/]+\//i.exec(uri);
  return match?.[1]?.toLowerCase();
}

/** The blob name of a blob URI: everything after the container segment (may contain '/'). */
export function blobNameOfBlobUri(uri: string): string | undefined {
  const match = /^https?:\/\/[^/]+\/[^/]+\/(.+)$/i.exec(uri);
  return match?.[1];
}
