import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import type { Messages } from '../../src/i18n';
import type { ConversationRef } from '../../src/domain/schema';
import { demoPortfolio, startFlokk, type Flokk } from '../../src/flokk';
import { createLogger } from '../../src/log';
import { execute, type User } from '../fixtures/activities';
import {
  freePort,
  playgroundConfigYaml,
  playgroundUsers,
  startLocaleProxy,
  startPlayground,
  type LocaleProxy,
  type RunningPlayground,
} from '../../scripts/agents-playground';

/**
 * One person's session with Flokk through Microsoft 365 Agents Playground in headless Chromium:
 * Flokk on a temp data file, the locale proxy, the playground acting as that person, and a page.
 * The browser tests share it; each starts one session, as one user (the playground has one).
 *
 * Chromium: /usr/bin/chromium (Debian's `chromium` package) or FLOKK_CHROMIUM. Without it the
 * session fails to start, saying how to install it; it never skips.
 */
const CHROMIUM = process.env.FLOKK_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const DOCS = path.join(__dirname, '..', '..', 'docs');
export const STEP_TIMEOUT = 20_000;
/** How long the page must stay unchanged to count as having drawn everything it was sent. */
const QUIET_MS = 400;

export interface SessionOptions {
  /** The playground user, by name or aadObjectId (scripts/playground.ts `--as`); by default the secretariat. */
  as?: string;
  /** The client language the locale proxy sends, as a Teams client in that language would. */
  locale: string;
  /** A text of Flokk's welcome card in that language: the sign both ends are connected. */
  welcome: string;
}

export interface PlaygroundSession {
  readonly flokk: Flokk;
  readonly page: Page;
  send(text: string): Promise<void>;
  /** The newest Adaptive Card on the page with this text. */
  card(hasText: string | RegExp): Locator;
  /** Runs a step; when it fails, the error says what the page, the playground and Flokk showed. */
  step<T>(name: string, run: () => Promise<T>): Promise<T>;
  waitUntil(done: () => boolean, timeoutMs?: number): Promise<void>;
  /**
   * Waits until Flokk has sent everything it queued and the page has stopped changing. NOTE: the
   * playground shows an invoke's answer and the update of the shared message in whichever order
   * they reach the page, so what a card shows is only read once both have been drawn.
   */
  settled(): Promise<void>;
  /**
   * Presses an Action.Execute button as another person, in their own Teams: a Teams-shaped invoke
   * over HTTP to Flokk, in the conversation of `where` (the playground's personal chat, where the
   * session's cards are), so Flokk's updates of a shared card reach the page.
   */
  pressAs(person: User, where: ConversationRef, replyToId: string | undefined, verb: string, data: Record<string, unknown>): Promise<{ status: number; body: any }>;
  /** To the temp folder; with FLOKK_SCREENSHOTS=docs to docs/ (the README's pictures). */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startPlaygroundSession(o: SessionOptions): Promise<PlaygroundSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      process.env.CI
        ? `Chromium is missing at ${CHROMIUM}; .ci/run installs it before the tests (apt-get install -y chromium).`
        : `Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get update && sudo apt-get install -y chromium ` +
            '(or point FLOKK_CHROMIUM at a Chromium or Chrome binary).',
    );
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-playground-test-'));
  const flokkLog: string[] = [];
  let flokk: Flokk | undefined;
  let proxy: LocaleProxy | undefined;
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const close = async () => {
    await browser?.close();
    await playground?.stop();
    await proxy?.close();
    await flokk?.close();
    await rm(dir, { recursive: true, force: true });
  };

  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      const shot = path.join(os.tmpdir(), `flokk-playground-failure-${Date.now()}.png`);
      await page?.screenshot({ path: shot }).catch(() => undefined);
      const tail = (s: string) => s.split('\n').slice(-15).join('\n');
      throw new Error(
        `${name}: ${(error as Error).message}\nscreenshot: ${shot}\nplayground:\n${tail(playground?.output() ?? '')}\nFlokk:\n${tail(flokkLog.join('\n'))}`,
      );
    }
  };

  try {
    const config = loadConfig({ NODE_ENV: 'development', PORT: '0', FLOKK_DATA_FILE: path.join(dir, 'flokk.json') }, 'test');
    flokk = await startFlokk(config, { log: createLogger('warn', (line) => flokkLog.push(line)) });
    proxy = await startLocaleProxy(`${flokk.url}/api/messages`, o.locale);
    const configFile = path.join(dir, '.m365agentsplayground.yml');
    await writeFile(configFile, playgroundConfigYaml(playgroundUsers(demoPortfolio().people, 'digitrondelag', o.as), 'DigiTrøndelag'));
    playground = await startPlayground({ endpoint: proxy.url, configFile, logFile: path.join(dir, 'playground.log'), port: await freePort() });
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    } catch (error) {
      throw new Error(`Chromium at ${CHROMIUM} did not start: ${(error as Error).message}`);
    }
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: o.locale });
    await page.goto(playground.url);
    await step('see the compose box', () => composeBox(page!).waitFor({ timeout: STEP_TIMEOUT }));
    // The playground installs the app first; Flokk's welcome card is the sign both ends are connected.
    await step('see Flokk\'s welcome', () => page!.getByText(o.welcome).first().waitFor({ timeout: STEP_TIMEOUT }));
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }

  const running = flokk;
  const shown = page;
  return {
    flokk: running,
    page: shown,
    send: async (text) => {
      await composeBox(shown).click();
      await shown.keyboard.type(text);
      await shown.getByRole('button', { name: 'Send Message' }).click();
    },
    card: (hasText) => shown.locator('.ac-adaptiveCard').filter({ hasText }).last(),
    step,
    waitUntil,
    settled: async () => {
      await running.outbox.idle();
      await quiet(shown);
    },
    pressAs: async (person, where, replyToId, verb, data) => {
      const activity = execute(verb, data, { serviceUrl: where.serviceUrl, conversationId: where.conversationId, tenantId: where.tenantId, from: person, where: 'personal', replyToId });
      const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    screenshot: async (name) => {
      const folder = process.env.FLOKK_SCREENSHOTS === 'docs' ? DOCS : path.join(os.tmpdir(), 'flokk-playground-screenshots');
      await mkdir(folder, { recursive: true });
      await shown.screenshot({ path: path.join(folder, name) });
    },
    close,
  };
}

const composeBox = (page: Page) => page.locator('[contenteditable][role=textbox]');

async function waitUntil(done: () => boolean, timeoutMs = STEP_TIMEOUT): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface PageGlobals {
  MutationObserver: new (changed: () => void) => { observe(target: unknown, options: Record<string, boolean>): void; disconnect(): void };
  document: { body: unknown };
}

/** Resolves once the page's DOM has not changed for QUIET_MS (a MutationObserver in the page). */
async function quiet(page: Page, timeoutMs = STEP_TIMEOUT): Promise<void> {
  await page.evaluate(
    ({ quietMs, timeoutMs }) =>
      new Promise<void>((resolve, reject) => {
        // The page's own globals (this file is compiled without the DOM library).
        const { MutationObserver, document } = globalThis as unknown as PageGlobals;
        let timer = setTimeout(done, quietMs);
        const giveUp = setTimeout(() => {
          observer.disconnect();
          clearTimeout(timer);
          reject(new Error(`the page kept changing for ${timeoutMs} ms`));
        }, timeoutMs);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quietMs);
        });
        function done() {
          observer.disconnect();
          clearTimeout(giveUp);
          resolve();
        }
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      }),
    { quietMs: QUIET_MS, timeoutMs },
  );
}

/**
 * Brings a poll card to its viewer's own view: once the page has settled, presses the shared card's
 * button (`shared`, «Stem» in the network's language) if that is what shows, and waits for `own`.
 */
export async function ownPollView(s: PlaygroundSession, pollCard: Locator, shared: string, own: string | RegExp, what: string): Promise<void> {
  await s.step(`see the poll card (${what})`, async () => {
    await pollCard.waitFor({ timeout: STEP_TIMEOUT });
    await s.settled();
  });
  const vote = pollCard.getByRole('button', { name: shared, exact: true });
  if ((await vote.count()) > 0) await vote.click();
  await s.step(`see the own view (${what})`, async () => {
    await pollCard.getByText(own).first().waitFor({ timeout: STEP_TIMEOUT });
    await s.settled();
  });
}

/** Asks for the poll form with `command` and waits for it; `t` is the asker's language. */
export async function pollForm(s: PlaygroundSession, t: Messages, command: string): Promise<Locator> {
  await s.step('ask for the poll form', () => s.send(command));
  const form = s.card(t.poll.submit);
  await s.step('see the poll form', () => form.waitFor({ timeout: STEP_TIMEOUT }));
  return form;
}

/**
 * Sets the form's deadline (YYYY-MM-DD) and, if given, who votes, and opens the poll; resolves once
 * Flokk has stored it, with the poll's question as the form had it.
 */
export async function openPollFromForm(s: PlaygroundSession, t: Messages, form: Locator, deadline: string, eligible?: string): Promise<string> {
  const question = await form.getByRole('textbox', { name: t.poll.question }).inputValue();
  await s.step('fill in the poll form and open the poll', async () => {
    if (eligible) {
      await form.getByRole('combobox', { name: t.poll.eligible }).click();
      await s.page.getByRole('option', { name: eligible, exact: true }).click();
    }
    // Input.Date is a Fluent date picker that takes typed dates.
    const date = form.getByRole('combobox', { name: t.poll.deadlineDate });
    await date.fill(deadline);
    await date.press('Tab');
    const typed = await date.inputValue();
    if (!typed.includes(deadline.slice(0, 4))) throw new Error(`the date picker shows «${typed}» for ${deadline}`);
    await form.getByRole('button', { name: t.poll.submit }).click();
    await s.waitUntil(() => s.flokk.store.read().polls.some((x) => x.question === question));
  });
  return question;
}
