import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/config';
import { startFlokk, type Flokk, type StartOptions } from '../../src/flokk';
import { silentLogger, type Logger } from '../../src/log';
import { execute, message, type ActivityOptions } from '../fixtures/activities';
import { startFakeConnector, type FakeConnector, type Received } from './fake-connector';

/**
 * The real Flokk (restify + CloudAdapter + teams-ai + lowdb on a temp file) on an ephemeral
 * loopback port, with a fake connector receiving its replies.
 */
export interface TestBot {
  flokk: Flokk;
  connector: FakeConnector;
  dir: string;
  config: Config;
  /** POSTs an activity to /api/messages; returns the HTTP status and parsed body. */
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** Sends a chat message and returns what the bot sent back during that turn. */
  say(text: string, o?: Partial<ActivityOptions>): Promise<Received[]>;
  /** Presses an Action.Execute button; returns the invoke response body. */
  press(verb: string, data: Record<string, unknown>, o?: Partial<ActivityOptions> & { replyToId?: string }): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export interface TestBotOptions {
  log?: Logger;
  /** The bot's clock, for deadlines and reminders. */
  clock?: () => Date;
  /** Reuse the data directory of an earlier bot: a restart. */
  dir?: string;
  /** Leave the data directory in place on stop, for a restart. */
  keepDir?: boolean;
  /** Reuse a connector (it stays open when this bot stops): replies after a restart still arrive. */
  connector?: FakeConnector;
  decorateStore?: StartOptions['decorateStore'];
  invokeBudgetMs?: number;
}

export async function startTestBot(overrides: Partial<Config> = {}, logOrOptions: Logger | TestBotOptions = {}): Promise<TestBot> {
  const o: TestBotOptions = 'info' in logOrOptions ? { log: logOrOptions as Logger } : (logOrOptions as TestBotOptions);
  const log = o.log ?? silentLogger;
  const dir = o.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'flokk-test-')));
  const connector = o.connector ?? (await startFakeConnector());
  const config: Config = {
    localMode: true,
    port: 0,
    host: '127.0.0.1',
    dataFile: path.join(dir, 'flokk.json'),
    defaultLocale: 'nb',
    defaultNetworkId: 'digitrondelag',
    seedDemo: true,
    bootstrapAdmins: [],
    logLevel: 'info',
    voteSecret: 'test-vote-secret-0123456789',
    pollCheckSeconds: 3600,
    networkTenants: {},
    version: 'test',
    ...overrides,
  };
  const flokk = await startFlokk(config, { log, clock: o.clock, decorateStore: o.decorateStore, invokeBudgetMs: o.invokeBudgetMs });
  const opts = (o: Partial<ActivityOptions> = {}): ActivityOptions => ({ serviceUrl: connector.serviceUrl, ...o });
  const post = async (activity: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${flokk.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? safeJson(text) : undefined };
  };
  return {
    flokk,
    connector,
    dir,
    config,
    post,
    say: async (text, o) => {
      connector.take();
      const { status } = await post(message(text, opts(o)));
      if (status !== 200) throw new Error(`POST /api/messages answered ${status}`);
      return connector.take();
    },
    press: (verb, data, o) => post(execute(verb, data, opts(o))),
    stop: async () => {
      await flokk.close();
      if (!o.connector) await connector.close();
      if (!o.keepDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** All visible text of a sent activity: its text plus every TextBlock, fact and button in its cards. */
export function textOf(sent: Received | { activity: Record<string, any> } | Record<string, any>): string {
  const activity = 'activity' in sent ? sent.activity : sent;
  const parts: string[] = [];
  if (typeof activity.text === 'string') parts.push(activity.text);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.text === 'string') parts.push(n.text);
    if (typeof n.title === 'string') parts.push(n.title);
    if (typeof n.value === 'string' && n.type !== 'Input.ChoiceSet') parts.push(n.value);
    for (const [k, v] of Object.entries(n)) if (k !== 'text' && k !== 'title' && k !== 'value') walk(v);
  };
  if (activity.type === 'AdaptiveCard') walk(activity.body);
  else walk(activity.attachments?.map((a: { content: unknown }) => a.content) ?? []);
  return parts.join('\n');
}

/** A card's inputs by id, wherever they sit in it. */
export function inputIdsOf(card: unknown): Record<string, any> {
  const found: Record<string, any> = {};
  const walk = (n: any): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    if (typeof n.id === 'string' && String(n.type).startsWith('Input.')) found[n.id] = n;
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}

export function cardOf(sent: Received): Record<string, any> {
  const card = sent.activity.attachments?.[0]?.content;
  if (!card) throw new Error(`expected a card, got: ${JSON.stringify(sent.activity).slice(0, 300)}`);
  return card;
}
