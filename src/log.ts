import pino from 'pino';

/**
 * Structured JSON logs through pino, one object per line: `level` (its name), `time` (ISO), the
 * fields at top level, `msg`. Never pass tokens, secrets or message texts; should one slip through
 * anyway, fields named like a credential and Bearer tokens inside strings are censored.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const CENSOR = '[redacted]';

/** Field names whose value never reaches the log, matched without regard to case. */
const SECRET_FIELDS = [
  'authorization',
  'token',
  'accessToken',
  'access_token',
  'password',
  'secret',
  'appPassword',
  'MicrosoftAppPassword',
  'voteSecret',
  'clientSecret',
  'cookie',
  'set-cookie',
] as const;
const secretField = new Set(SECRET_FIELDS.map((k) => k.toLowerCase()));

/** `write` receives each entry as one JSON line without its newline, synchronously. */
export function createLogger(level: Level = 'info', write?: (line: string) => void): Logger {
  const destination = write
    ? { write: (s: string) => write(s.endsWith('\n') ? s.slice(0, -1) : s) }
    : pino.destination({ dest: 1, sync: true });
  const log = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Errors are serialised by scrub() under any key; pino's own `err` serializer would do it again, badly.
      serializers: { err: (v: unknown) => v },
      // The names as written, a level deeper than scrub() walks.
      redact: { paths: SECRET_FIELDS.map(redactPath), censor: CENSOR },
    },
    destination,
  );
  const at = (lvl: Level) => (msg: string, fields?: Record<string, unknown>) => {
    if (!log.isLevelEnabled(lvl)) return;
    log[lvl](fields === undefined ? {} : (scrub(fields, 0) as object), censorBearer(msg));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * How deep scrub() looks: the fields and three levels below them (`error.request.headers.Cookie`).
 * It, not pino's `redact`, covers those levels, ignoring case: pino's redaction clones the entry for
 * each level of wildcard paths (some 15-30 µs a line a level), scrub() walks it once.
 */
const SCRUB_DEPTH = 3;

/**
 * A copy of a field value fit for the log: an Error becomes pino's serialised error (type, message,
 * stack, its own properties such as code) plus its name; credential-named fields are censored and
 * Bearer tokens cut out of strings. The caller's objects are never changed.
 */
function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return censorBearer(value);
  if (value === null || typeof value !== 'object' || depth > SCRUB_DEPTH) return value;
  if (value instanceof Error) return scrub(serialiseError(value), depth);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  // Dates and the like serialise themselves; other objects become their own enumerable fields, as JSON would.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = secretField.has(k.toLowerCase()) ? CENSOR : scrub(v, depth + 1);
  return out;
}

function serialiseError(e: Error): Record<string, unknown> {
  // The serialised error's `raw` (the error itself) is not enumerable, so the spread leaves it out.
  return { name: e.name, ...pino.stdSerializers.err(e) };
}

// The scheme in any case, as HTTP allows; a token is long (16 characters or more) so "the bearer of" stays.
const BEARER = /\bBearer\s+[A-Za-z0-9\-._~+/]{16,}=*/gi;
const censorBearer = (s: string) => (s.length > 7 && /bearer/i.test(s) ? s.replace(BEARER, `Bearer ${CENSOR}`) : s);

/** The pino redact path for a field name four levels below the fields (`*.*.*.*.token`). */
function redactPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `*.*.*.*.${key}` : `*.*.*.*["${key}"]`;
}
