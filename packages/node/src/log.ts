/**
 * One structured logger for the whole node, namespaced per component
 * (`certmesh:store`, `certmesh:http`, ...). Lines are JSON on stderr so that journald,
 * Docker and log shippers take them as they are; stdout stays free for CLI output.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

export interface LogSink {
  write(line: string): void
}

export interface Logger {
  readonly namespace: string
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
  child(name: string): Logger
}

interface LogSettings {
  level: LogLevel
  sink: LogSink
}

const settings: LogSettings = {
  level: 'info',
  sink: { write: (line) => process.stderr.write(line) },
}

/** Sets the level and sink for every logger (the node entry calls this once). */
export function configureLogging(opts: Partial<LogSettings>): void {
  if (opts.level !== undefined) {
    if (!isLogLevel(opts.level)) throw new Error(`unknown log level '${opts.level}': use debug, info, warn, error or silent`)
    settings.level = opts.level
  }
  if (opts.sink !== undefined) settings.sink = opts.sink
}

export function isLogLevel(s: string): s is LogLevel {
  return Object.hasOwn(ORDER, s)
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64url')
  if (typeof value === 'bigint') return value.toString()
  return value
}

export function createLogger(namespace: string): Logger {
  const ns = namespace.startsWith('certmesh') ? namespace : `certmesh:${namespace}`
  const emit = (level: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[settings.level]) return
    const record: Record<string, unknown> = { time: new Date().toISOString(), level, ns, msg }
    if (fields) for (const [k, v] of Object.entries(fields)) record[k] = serialise(v)
    settings.sink.write(JSON.stringify(record) + '\n')
  }
  return {
    namespace: ns,
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (name) => createLogger(`${ns}:${name}`),
  }
}
