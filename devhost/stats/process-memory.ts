/**
 * Resident memory of a process: current (VmRSS) and peak (VmHWM, the high-water mark the kernel keeps), from
 * /proc on Linux; elsewhere only this process's current RSS is known.
 */
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  rssBytes: number;
  /** Undefined where the kernel does not report it. */
  peakRssBytes?: number;
}

/** Memory of `pid` (default: this process); undefined when the process is gone or cannot be read. */
export function processMemory(pid: number = process.pid): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
      return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
    };
    const rssBytes = kib('VmRSS');
    if (rssBytes === undefined) return undefined;
    const peakRssBytes = kib('VmHWM');
    return { rssBytes, ...(peakRssBytes === undefined ? {} : { peakRssBytes }) };
  } catch {
    return pid === process.pid ? { rssBytes: process.memoryUsage.rss() } : undefined;
  }
}
