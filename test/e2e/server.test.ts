import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/flokk';
import { createLogger } from '../../src/log';
import { MAX_BODY_BYTES } from '../../src/server';
import { message } from '../fixtures/activities';
import { startTestBot, type TestBot } from './harness';

describe('the HTTP server', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  it('reports health with the store and version', async () => {
    const res = await fetch(`${bot.flokk.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: 'test', store: { ok: true } });
  });

  it('refuses a body over the size limit with 413 and changes nothing', async () => {
    const before = await readFile(bot.config.dataFile);
    const huge = message('hjelp', { serviceUrl: bot.connector.serviceUrl });
    const res = await bot.post({ ...huge, padding: 'x'.repeat(MAX_BODY_BYTES + 1) });
    expect(res.status).toBe(413);
    expect(await readFile(bot.config.dataFile)).toEqual(before);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await fetch(`${bot.flokk.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
  });

  it('binds loopback only in local mode', () => {
    expect(bot.flokk.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('the probe Microsoft 365 Agents Playground sends each time its chat connects', () => {
  const logLines: string[] = [];
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({}, { log: createLogger('debug', (line) => logLines.push(line)) });
  });
  afterAll(() => bot.stop());

  it('answers HEAD /api/messages with an empty 200, runs no turn and logs no refusal', async () => {
    bot.connector.take();
    const before = await readFile(bot.config.dataFile);
    // As the playground's wait-on (axios) sends it.
    const res = await fetch(`${bot.flokk.url}/api/messages`, { method: 'HEAD', headers: { accept: 'application/json, text/plain, */*', 'user-agent': 'axios/1.12.2' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(bot.connector.take()).toEqual([]);
    expect(await readFile(bot.config.dataFile)).toEqual(before);
    expect(logLines.filter((l) => /refused/.test(l))).toEqual([]);
  });
});

describe('with Bot Framework credentials', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({
      localMode: false,
      seedDemo: true,
      credentials: { appId: '5f0c3a4e-1111-4222-8333-944444444444', appPassword: 'not-a-real-secret', appType: 'MultiTenant' },
    });
  });
  afterAll(() => bot.stop());

  it('answers 401 to an activity without a valid token, and sends nothing', async () => {
    // NOTE: botbuilder's CloudAdapter writes every refused request to console.error itself.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    bot.connector.take();
    const activity = message('hjelp', { serviceUrl: bot.connector.serviceUrl });
    expect((await bot.post(activity)).status).toBe(401);
    expect((await bot.post(activity, { authorization: 'Bearer forged.token.value' })).status).toBe(401);
    expect(bot.connector.take()).toEqual([]);
    quiet.mockRestore();
  });
});

/** The real entry point, as `npm start` and production run it. */
describe('start-up and shutdown of the process', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-proc-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const run = (env: Record<string, string>) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/index.ts')], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const waitFor = async (pattern: RegExp) => {
      for (let i = 0; i < 300 && !pattern.test(stdout); i++) await new Promise((r) => setTimeout(r, 50));
      if (!pattern.test(stdout)) throw new Error(`no ${pattern} in output: ${stdout}${stderr}`);
    };
    return { child, exited, waitFor, out: () => stdout, err: () => stderr };
  };

  it('refuses to start in production without credentials', async () => {
    const p = run({ NODE_ENV: 'production', FLOKK_DATA_FILE: path.join(dir, 'flokk.json') });
    expect(await p.exited).toBe(1);
    expect(p.err()).toContain('Refusing to start without Bot Framework credentials');
    await expect(stat(path.join(dir, 'flokk.json'))).rejects.toThrow();
  });

  it('refuses a bad setting and names it', async () => {
    const p = run({ NODE_ENV: 'development', PORT: 'abc', FLOKK_DATA_FILE: path.join(dir, 'flokk.json') });
    expect(await p.exited).toBe(1);
    expect(p.err()).toContain('Invalid PORT');
  });

  it('refuses a corrupt data file, names it, and leaves it byte for byte', async () => {
    const file = path.join(dir, 'flokk.json');
    const corrupt = Buffer.from('{"schemaVersion":1,"networks":[{"id":"x"');
    await writeFile(file, corrupt);
    const p = run({ NODE_ENV: 'development', PORT: '0', FLOKK_DATA_FILE: file });
    expect(await p.exited).toBe(1);
    expect(p.err()).toContain(file);
    expect(await readFile(file)).toEqual(corrupt);
  });

  it('starts in local mode with demo data, says so in one line, and stops cleanly on SIGTERM', async () => {
    const file = path.join(dir, 'flokk.json');
    const p = run({ NODE_ENV: 'development', PORT: '0', FLOKK_DATA_FILE: file });
    await p.waitFor(/local development mode/);
    const line = p.out().split('\n').find((l) => l.includes('local development mode'))!;
    expect(JSON.parse(line)).toMatchObject({ level: 'warn', host: '127.0.0.1' });
    expect(line).toMatch(/anonymous/);
    expect(p.out()).toContain('demo portfolio (example data)');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.out()).toContain('stopped');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.networks.map((n: { id: string }) => n.id)).toEqual(['digitrondelag', 'digi-vestland']);
  });

  it('outside local mode, refuses a missing data file rather than serve an empty portfolio from a wrong path; `npm run init` creates it', async () => {
    const file = path.join(dir, 'flokk.json');
    const production = {
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      FLOKK_DATA_FILE: file,
      MicrosoftAppId: '5f0c3a4e-1111-4222-8333-944444444444',
      MicrosoftAppPassword: 'not-a-real-secret',
      FLOKK_VOTE_SECRET: 'a-long-random-vote-secret',
    };
    const refused = run(production);
    expect(await refused.exited).toBe(1);
    expect(refused.err()).toContain(file);
    expect(refused.err()).toContain('npm run init');
    await expect(stat(file)).rejects.toThrow();

    const init = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/init-data.ts'), '--file', file], { cwd: PROJECT_ROOT });
    expect(await new Promise((resolve) => init.on('exit', resolve))).toBe(0);
    const p = run(production);
    await p.waitFor(/"listening"/);
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
    // Never demo data outside local mode unless told to.
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.networks).toEqual([]);
    expect(saved.projects).toEqual([]);
  });
});
