import { createLogger, type Level, type Logger } from '../src/log';

/** A logger at `level` and the lines it has written so far. */
function capture(level: Level = 'debug'): { log: Logger; lines: string[]; entries: () => Array<Record<string, unknown>> } {
  const lines: string[] = [];
  const log = createLogger(level, (line) => lines.push(line));
  return { log, lines, entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** The one entry that logging `fields` at info writes, and its raw line. */
function logged(fields: Record<string, unknown>, msg = 'something happened'): { entry: Record<string, unknown>; line: string } {
  const { log, lines, entries } = capture();
  log.info(msg, fields);
  expect(lines).toHaveLength(1);
  return { entry: entries()[0]!, line: lines[0]! };
}

class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

describe('the log line', () => {
  it('is one JSON object per entry, written at once: time (ISO), level by name, msg, the fields at top level', () => {
    const { log, lines, entries } = capture('info');
    log.info('listening', { url: 'http://127.0.0.1:3978', networks: ['digitrondelag'], nested: { n: 1 } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/\n/);
    const entry = entries()[0]!;
    expect(Object.keys(entry).sort()).toEqual(['level', 'msg', 'nested', 'networks', 'time', 'url']);
    expect(entry).toMatchObject({ level: 'info', msg: 'listening', url: 'http://127.0.0.1:3978', networks: ['digitrondelag'], nested: { n: 1 } });
    expect(entry.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Math.abs(Date.parse(entry.time as string) - Date.now())).toBeLessThan(60_000);
  });

  it('names every level', () => {
    const { log, entries } = capture('debug');
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(entries().map((e) => [e.level, e.msg])).toEqual([
      ['debug', 'd'],
      ['info', 'i'],
      ['warn', 'w'],
      ['error', 'e'],
    ]);
  });

  it.each<[Level, string[]]>([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ])('at %s writes only %j', (level, written) => {
    const { log, entries } = capture(level);
    log.debug('d', { n: 1 });
    log.info('i', { n: 2 });
    log.warn('w', { n: 3 });
    log.error('e', { n: 4 });
    expect(entries().map((e) => e.level)).toEqual(written);
  });

  it('defaults to info', () => {
    const lines: string[] = [];
    const log = createLogger(undefined, (l) => lines.push(l));
    log.debug('d');
    log.info('i');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['i']);
  });
});

describe('errors in the fields', () => {
  function throwsDeep(): never {
    throw new StoreError('the file is not valid UTF-8', 'STORE.UNREADABLE');
  }
  const caught = (): StoreError => {
    try {
      throwsDeep();
    } catch (e) {
      return e as StoreError;
    }
  };

  it.each(['error', 'err', 'cause'])('keep name, message, code and stack under any key (%s)', (key) => {
    const error = caught();
    const { entry } = logged({ [key]: error });
    expect(entry[key]).toMatchObject({ name: 'StoreError', message: 'the file is not valid UTF-8', code: 'STORE.UNREADABLE' });
    const stack = (entry[key] as { stack?: string }).stack;
    expect(stack).toBe(error.stack);
    expect(stack).toMatch(/throwsDeep/);
  });

  it('keep them one level down too', () => {
    const error = caught();
    const { entry } = logged({ outcome: { error } });
    expect(entry.outcome).toMatchObject({ error: { name: 'StoreError', code: 'STORE.UNREADABLE', stack: error.stack } });
  });
});

describe('tokens and secrets never reach the log', () => {
  const SECRET = 'S3cr3t-value-that-must-not-leak';
  const names = [
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
  ];

  it.each(names)('%s at top level', (name) => {
    const { entry, line } = logged({ [name]: SECRET, kept: 'visible' });
    expect(line).not.toContain(SECRET);
    expect(entry).toMatchObject({ [name]: '[redacted]', kept: 'visible' });
  });

  it.each(names)('%s one and two levels down', (name) => {
    const { entry, line } = logged({ headers: { [name]: SECRET }, req: { headers: { [name]: SECRET, accept: 'json' } } });
    expect(line).not.toContain(SECRET);
    expect(entry).toEqual(
      expect.objectContaining({ headers: { [name]: '[redacted]' }, req: { headers: { [name]: '[redacted]', accept: 'json' } } }),
    );
  });

  it.each(['Authorization', 'COOKIE', 'microsoftapppassword', 'Set-Cookie'])('whatever the case of the name (%s)', (name) => {
    const { entry, line } = logged({ [name]: SECRET, response: { headers: { [name]: SECRET } } });
    expect(line).not.toContain(SECRET);
    expect(entry).toMatchObject({ [name]: '[redacted]', response: { headers: { [name]: '[redacted]' } } });
  });

  it.each(names.concat('set-cookie'))('%s four levels down, by name as written', (name) => {
    const { entry, line } = logged({ a: { b: { c: { d: { [name]: SECRET, kept: 1 } } } } });
    expect(line).not.toContain(SECRET);
    expect(entry).toMatchObject({ a: { b: { c: { d: { [name]: '[redacted]', kept: 1 } } } } });
  });

  it('inside an array and inside an error', () => {
    const error = Object.assign(new Error('send failed'), { request: { headers: { Authorization: SECRET } } });
    const { entry, line } = logged({ attempts: [{ token: SECRET }], error });
    expect(line).not.toContain(SECRET);
    expect(entry).toMatchObject({ attempts: [{ token: '[redacted]' }], error: { message: 'send failed', request: { headers: { Authorization: '[redacted]' } } } });
  });

  it('a Bearer token inside a string field, an error message and its stack, or the message', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl-_x==';
    const error = new Error(`request failed; Authorization: Bearer ${jwt}`);
    const { entry, line } = logged({ detail: `sent bearer ${jwt} to the connector`, error, nested: { header: `Bearer ${jwt}` } }, `retrying with Bearer ${jwt}`);
    expect(line).not.toContain(jwt);
    expect(line).not.toContain('eyJ');
    expect(logged({ text: 'Bearer 0123456789abcdef' }).entry.text).toBe('Bearer [redacted]');
    expect(entry.detail).toBe('sent Bearer [redacted] to the connector');
    expect(entry.msg).toBe('retrying with Bearer [redacted]');
    expect(entry.nested).toEqual({ header: 'Bearer [redacted]' });
    expect(entry.error).toMatchObject({ message: 'request failed; Authorization: Bearer [redacted]' });
    expect((entry.error as { stack: string }).stack).toMatch(/^Error: request failed; Authorization: Bearer \[redacted\]\n\s+at /);
  });

  it('without changing what the caller passed', () => {
    const fields = { token: SECRET, headers: { authorization: `Bearer ${SECRET}` }, text: `Bearer ${SECRET}` };
    const copy = structuredClone(fields);
    logged(fields);
    expect(fields).toEqual(copy);
  });

  it('while names that merely contain a secret word stay', () => {
    const { entry } = logged({ tokenCount: 3, passwordPolicy: 'long', text: 'the bearer of bad news' });
    expect(entry).toMatchObject({ tokenCount: 3, passwordPolicy: 'long', text: 'the bearer of bad news' });
  });
});
