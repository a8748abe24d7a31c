import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Flokk } from '../src/flokk';
import { playgroundUsers, type PersonLike, type PlaygroundUser } from './agents-playground';
import { messageText } from './card-text';

/**
 * `npm run ask -- "hvem eier felles sak-/arkivsystem?"`: starts the real Flokk HTTP endpoint in
 * local mode on a temporary copy of the demo portfolio, sends the question as a Teams personal chat
 * message, and prints what Flokk answers (a card as its readable text). Replies go to a loopback
 * connector on 127.0.0.1, as they would go to the Bot Framework connector.
 *
 *   npm run ask -- "hva eier Orkland?"
 *   npm run ask -- --locale en-US "who owns the archive system?"
 *   npm run ask -- --as "Ola Demodal" "hva må jeg stemme på?"
 */
const USAGE = [
  'usage: npm run ask -- [--locale nb-NO|nn-NO|en-US] [--as <name or aadObjectId>] "<question>"',
  'example: npm run ask -- "hvem eier felles sak-/arkivsystem?"',
].join('\n');
const LOCALES = ['nb-NO', 'nn-NO', 'en-US'];
const NETWORK_ID = 'digitrondelag';
const ANSWER_TIMEOUT_MS = 15_000;
/** The same file Flokk seeds the temporary data file from (src/flokk.ts DEMO_FILE). */
const DEMO_FILE = path.join(__dirname, '..', 'data', 'demo-portfolio.json');

class UsageError extends Error {}

async function main(): Promise<number> {
  const { values, positionals } = parsed();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const question = positionals.join(' ').trim();
  if (question === '') throw new UsageError(`ask needs a question.\n${USAGE}`);
  const locale = LOCALES.find((l) => l.toLowerCase() === values.locale!.toLowerCase());
  if (!locale) throw new UsageError(`--locale must be one of ${LOCALES.join(', ')}\n${USAGE}`);
  const user = asUser(values.as);

  // Flokk itself loads only now (some seconds through tsx), so a wrong argument is answered at once.
  const [{ loadConfig }, { packageVersion, startFlokk }, { createLogger }] = await Promise.all([import('../src/config.js'), import('../src/flokk.js'), import('../src/log.js')]);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-ask-'));
  const connector = await startLoopbackConnector();
  let flokk: Flokk | undefined;
  try {
    const config = loadConfig(
      { NODE_ENV: 'development', PORT: '0', FLOKK_DATA_FILE: path.join(dir, 'flokk.json'), FLOKK_DEFAULT_NETWORK: NETWORK_ID, FLOKK_BACKUPS: '0', FLOKK_POLL_CHECK_SECONDS: '3600' },
      packageVersion(),
    );
    // Only what went wrong is logged, to stderr; stdout is the answer alone.
    const log = createLogger('error', (line) => process.stderr.write(`${line}\n`));
    flokk = await startFlokk(config, { log });
    const res = await fetch(`${flokk.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(personalMessage(question, user, locale, connector.serviceUrl)),
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    if (res.status !== 200) throw new Error(`Flokk answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    await flokk.outbox.idle();
    const answers = connector.messages().map(messageText).filter((t) => t !== '');
    if (answers.length === 0) throw new Error('Flokk sent no answer');
    process.stdout.write(`${answers.join('\n\n')}\n`);
    return 0;
  } finally {
    await flokk?.close();
    await connector.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function parsed() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { locale: { type: 'string', default: 'nb-NO' }, as: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
}

/** The person asking: the demo network's secretariat unless `--as` names someone else. */
function asUser(as: string | undefined): PlaygroundUser {
  try {
    const { people = [] } = JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as { people?: PersonLike[] };
    return playgroundUsers(people, NETWORK_ID, as).current;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; --as takes a person's name or aadObjectId from data/demo-portfolio.json`);
  }
}

/** A message in a personal chat, as Teams delivers it to /api/messages. */
function personalMessage(text: string, user: PlaygroundUser, locale: string, serviceUrl: string) {
  const now = new Date().toISOString();
  const tenantId = '00000000-0000-4000-8000-0000000000a5';
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: now,
    localTimestamp: now,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:ask-${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: '28:flokk', name: 'Flokk' },
    conversation: { id: `a:ask-${user.aadObjectId}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    locale,
    entities: [{ type: 'clientInfo', locale, country: 'NO', platform: 'Web', timezone: 'Europe/Oslo' }],
    textFormat: 'plain',
    text,
  };
}

interface LoopbackConnector {
  serviceUrl: string;
  /** The messages Flokk has sent so far (replies, new messages, updates), oldest first. */
  messages(): Array<Record<string, any>>;
  close(): Promise<void>;
}

/** Stands in for the Bot Framework connector: keeps what Flokk sends to a conversation and answers as the connector does. */
async function startLoopbackConnector(): Promise<LoopbackConnector> {
  const sent: Array<Record<string, any>> = [];
  let next = 1;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (/^\/v3\/conversations\/[^/]+\/activities(\/|$)/.test(req.url ?? '') && body) {
        try {
          const activity = JSON.parse(body) as Record<string, any>;
          if (activity.type === 'message') sent.push(activity);
        } catch {
          // Not JSON: nothing a person would read.
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `ask-${next++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    messages: () => [...sent],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

main().then(
  (code) => finish(code),
  (error: unknown) => {
    const usage = error instanceof UsageError;
    process.stderr.write(`${usage ? (error as Error).message : `ask failed: ${String((error as Error)?.stack ?? error)}`}\n`);
    finish(usage ? 2 : 1);
  },
);

/** Ends with `code` once stdout has drained; keep-alive sockets of the SDK's HTTP clients do not hold the process. */
function finish(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}
