/**
 * Downloads of the exports (ARM templates, Classic XML). Fetched by the API client, not by a plain link, so
 * the bearer token goes with them when sign-in is on; handed to the browser as a file through a blob URL.
 */
import type { ApiClient } from './api/client';

export async function download(api: ApiClient, path: string, fileName: string, type: string): Promise<void> {
  const text = await api.text(path);
  const body = type.includes('json') ? JSON.stringify(JSON.parse(text), null, 2) : text;
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the browser may still be reading the blob when click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a scope name (spaces and quotes are common in Classic VNet names). */
export function fileNameOf(name: string, suffix: string): string {
  return `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}${suffix}`;
}
