/**
 * Structured JSON-line logs on stdout: one object per line with timestamp, level and message, plus
 * functionName / invocationId for function logs and `event` for host events.
 */

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'critical';

const rank: Record<LogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4, critical: 5 };

export type LogFields = Record<string, unknown>;

/** Maps host.json / RPC level names (`Information`, `warning`, ...) onto ours. */
export function toLogLevel(name: string | undefined): LogLevel {
  switch ((name ?? '').toLowerCase()) {
    case 'trace':
      return 'trace';
    case 'debug':
      return 'debug';
    case 'warning':
    case 'warn':
      return 'warn';
    case 'error':
      return 'error';
    case 'critical':
      return 'critical';
    case 'none':
      return 'critical';
    default:
      return 'info';
  }
}

export class Logger {
  readonly #fields: LogFields;
  readonly #minimum: LogLevel;

  constructor(fields: LogFields = {}, minimum: LogLevel = 'info') {
    this.#fields = fields;
    this.#minimum = minimum;
  }

  child(fields: LogFields): Logger {
    return new Logger({ ...this.#fields, ...fields }, this.#minimum);
  }

  log(level: LogLevel, message: string, fields: LogFields = {}): void {
    if (rank[level] < rank[this.#minimum]) return;
    this.#write(level, message, fields);
  }

  /** A host life-cycle event that tools wait for (e.g. `listening`): written whatever the level. */
  announce(message: string, fields: LogFields): void {
    this.#write('info', message, fields);
  }

  #write(level: LogLevel, message: string, fields: LogFields): void {
    const line = { timestamp: new Date().toISOString(), level, message, ...this.#fields, ...fields };
    process.stdout.write(`${JSON.stringify(line, jsonSafe)}\n`);
  }

  debug(message: string, fields?: LogFields): void {
    this.log('debug', message, fields);
  }
  info(message: string, fields?: LogFields): void {
    this.log('info', message, fields);
  }
  warn(message: string, fields?: LogFields): void {
    this.log('warn', message, fields);
  }
  error(message: string, fields?: LogFields): void {
    this.log('error', message, fields);
  }
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** A readable description of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
