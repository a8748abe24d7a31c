import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * Microsoft 365 Agents Playground (@microsoft/m365agentsplayground) around Flokk: a browser chat
 * that acts as the Teams client and the Bot Framework connector at once, for `npm run playground`
 * and the browser end-to-end test.
 *
 * What the playground (0.2.28) does, read from its bundle and checked against captured activities:
 * - It sends every activity `from` its configured `currentUser` (by default Alex Wilber,
 *   aadObjectId 00000000-0000-0000-0000-0000000000020, id user-id-0) in tenant
 *   00000000-0000-0000-0000-0000000000001. The user comes from a YAML file, `.m365agentsplayground.yml`
 *   in its working directory or the file named by M365_AGENTS_PLAYGROUND_CONFIG_PATH; there is no
 *   CLI flag for it. We write that file so the playground user is a real person of the portfolio.
 * - It always sends `locale: "en-US"`, whatever the browser's language; there is no option.
 *   A real Teams client sends the user's client language, so a small proxy in front of Flokk
 *   sets the locale a Norwegian user's client would send.
 * - It serves its UI and its connector on one port (default 56150, any interface), writes a log to
 *   ./devTools unless M365_AGENTS_PLAYGROUND_LOGFILE says otherwise, and opens a browser unless
 *   TEAMSAPPTESTER_BROWSER=none.
 */
export const PLAYGROUND_CLI = path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
export const DEFAULT_PLAYGROUND_PORT = 56150;

/** The parts of a portfolio person the playground needs; read loosely, so any schema version will do. */
export interface PersonLike {
  aadObjectId?: string;
  name?: string;
  roles?: string[];
  networkId?: string;
}

export interface PlaygroundUser {
  aadObjectId: string;
  name: string;
}

/**
 * The playground's users: `current` is the one typing in the browser (by default the network's
 * secretariat, who may propose projects and open polls), `others` fill its group chat and team
 * (the config file wants exactly five).
 */
export function playgroundUsers(people: readonly PersonLike[], networkId: string, as?: string): { current: PlaygroundUser; others: PlaygroundUser[] } {
  const inNetwork = people
    .filter((p): p is PlaygroundUser & PersonLike => !!p.aadObjectId && !!p.name && p.networkId === networkId)
    .map((p) => ({ aadObjectId: p.aadObjectId, name: p.name, roles: p.roles ?? [] }));
  const wanted = as?.trim().toLowerCase();
  const current = wanted
    ? inNetwork.find((p) => p.aadObjectId.toLowerCase() === wanted || p.name.toLowerCase() === wanted)
    : (inNetwork.find((p) => p.roles.includes('secretariat')) ?? inNetwork[0]);
  if (!current) {
    throw new Error(wanted ? `no person «${as}» in network ${networkId}` : `network ${networkId} has no people to act as in the playground`);
  }
  const others = inNetwork.filter((p) => p !== current).slice(0, 5);
  for (let i = others.length; i < 5; i++) others.push({ aadObjectId: `00000000-0000-4000-8000-0000000009${String(i).padStart(2, '0')}`, name: `Gjest ${i + 1}`, roles: [] });
  const plain = ({ aadObjectId, name }: PlaygroundUser) => ({ aadObjectId, name });
  return { current: plain(current), others: others.map(plain) };
}

/** The playground's config file (schema 0.1.1) for these users; every string JSON-quoted, which YAML reads as is. */
export function playgroundConfigYaml(users: { current: PlaygroundUser; others: PlaygroundUser[] }, teamName: string): string {
  const q = (s: string) => JSON.stringify(s);
  const user = (u: PlaygroundUser, i: number, indent: string) => {
    const [givenName = u.name, ...rest] = u.name.split(' ');
    const email = `playground-user-${i}@example.invalid`;
    return [
      `id: ${q(`29:playground-${u.aadObjectId}`)}`,
      `name: ${q(u.name)}`,
      `userPrincipleName: ${q(email)}`,
      `aadObjectId: ${q(u.aadObjectId)}`,
      `givenName: ${q(givenName)}`,
      `surname: ${q(rest.join(' ') || givenName)}`,
      `email: ${q(email)}`,
    ].join(`\n${indent}`);
  };
  return [
    '# Written by scripts/agents-playground.ts for Microsoft 365 Agents Playground: example people only.',
    'version: "0.1.1"',
    'tenantId: "00000000-0000-0000-0000-0000000000001"',
    'bot:',
    '  id: "28:flokk-playground"',
    '  name: "Flokk"',
    'currentUser:',
    `  ${user(users.current, 0, '  ')}`,
    'users:',
    ...users.others.map((u, i) => `  - ${user(u, i + 1, '    ')}`),
    'personalChat:',
    '  id: "a:playground-personal-chat"',
    'groupChat:',
    '  id: "19:playground-group-chat@thread.v2"',
    `  name: ${q(`${teamName} – gruppechat`)}`,
    'team:',
    '  id: "19:playground-team@thread.tacv2"',
    `  name: ${q(teamName)}`,
    '  aadGroupId: "00000000-0000-4000-8000-000000000031"',
    '  channels:',
    '    - id: "19:playground-announcements@thread.tacv2"',
    '      name: "Kunngjøringer"',
    '',
  ].join('\n');
}

export interface LocaleProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * Forwards the playground's requests to Flokk's /api/messages with `locale` (and the clientInfo
 * entity's locale) set as a Teams client in that language would send them; nothing else changes.
 */
export async function startLocaleProxy(target: string, locale: string, port = 0): Promise<LocaleProxy> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void forward(Buffer.concat(chunks)).catch((error: unknown) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`Flokk is not answering at ${target}: ${(error as Error).message}`);
      });
    });
    const forward = async (raw: Buffer) => {
      let body: string | undefined = raw.length > 0 ? raw.toString('utf8') : undefined;
      if (body && req.method === 'POST') body = withLocale(body, locale);
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'authorization']) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
      const answer = await fetch(target, { method: req.method, headers, body });
      const text = await answer.arrayBuffer();
      res.writeHead(answer.status, answer.headers.get('content-type') ? { 'content-type': answer.headers.get('content-type')! } : {});
      res.end(Buffer.from(text));
    };
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/api/messages`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function withLocale(body: string, locale: string): string {
  try {
    const activity = JSON.parse(body) as { locale?: string; entities?: Array<{ type?: string; locale?: string }> };
    activity.locale = locale;
    for (const e of activity.entities ?? []) if (e.type === 'clientInfo') e.locale = locale;
    return JSON.stringify(activity);
  } catch {
    return body;
  }
}

export interface PlaygroundOptions {
  /** Flokk's messaging endpoint, as the playground should call it. */
  endpoint: string;
  configFile: string;
  logFile: string;
  port?: number;
  /** Forward the playground's own output here as well (the script shows it; the test keeps it). */
  echo?: (chunk: string) => void;
  startTimeoutMs?: number;
}

export interface RunningPlayground {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the playground printed so far, for error messages. */
  output(): string;
  /** Resolves when the playground process has ended, with its exit code (or signal). */
  exited: Promise<number | string | null>;
  stop(): Promise<void>;
}

/** Starts the playground CLI and resolves once it listens; fails with its output if it does not. */
export async function startPlayground(o: PlaygroundOptions): Promise<RunningPlayground> {
  const port = o.port ?? DEFAULT_PLAYGROUND_PORT;
  const args = [PLAYGROUND_CLI, '--app-endpoint', o.endpoint, '--channel-id', 'msteams', '--port', String(port), '--disable-telemetry'];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: o.configFile,
      M365_AGENTS_PLAYGROUND_LOGFILE: o.logFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const take = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    o.echo?.(chunk.toString('utf8'));
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

  const listening = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the playground did not start within ${o.startTimeoutMs ?? 30_000} ms:\n${output}`)), o.startTimeoutMs ?? 30_000);
    const check = () => {
      const m = /Listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the playground exited (${code}) before it listened:\n${output}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });

  return {
    url: `http://127.0.0.1:${listening}/`,
    port: listening,
    child,
    output: () => output,
    exited,
    stop: () => stopChild(child, exited),
  };
}

/** SIGTERM, then SIGKILL if the process is still there after a few seconds. */
export async function stopChild(child: ChildProcess, exited: Promise<unknown>, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Polls a URL until it answers at all (any status), or gives up. */
export async function waitForHttp(url: string, timeoutMs = 30_000, stillStarting: () => boolean = () => true): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      if (!stillStarting()) throw new Error(`gave up waiting for ${url}`);
      if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** A port nothing listens on right now (the playground wants a number, not 0). */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
