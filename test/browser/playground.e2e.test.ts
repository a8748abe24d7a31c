import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { demoPortfolio, startFlokk, type Flokk } from '../../src/flokk';
import { createLogger } from '../../src/log';
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
 * Flokk through a real client: Microsoft 365 Agents Playground (the Teams stand-in behind
 * `npm run playground`) in headless Chromium, typing in its compose box and pressing buttons on
 * the Adaptive Cards it renders. The playground is the Bot Framework connector too, so Flokk's
 * replies go to it and appear on the page.
 *
 * What this client cannot show, and where it is covered instead (test/e2e/, over HTTP):
 * - several distinct people in one conversation (the playground has one current user: here the
 *   demo secretariat), so interest, votes and permissions by person are HTTP tests;
 * - the message-extension search (the playground does not read the app manifest), see
 *   message-extension.test.ts;
 * - the user's client language (the playground always sends en-US; the proxy from
 *   scripts/agents-playground.ts sends nb-NO, as a Norwegian Teams client would);
 * - Teams' own refusals and retries (429, expired cards), and full-width cards.
 *
 * Screenshots go to a temporary folder; with FLOKK_SCREENSHOTS=docs they replace
 * docs/playground-lookup.png, docs/playground-proposal.png and docs/playground-poll.png (used by
 * the README).
 *
 * It needs Chromium: /usr/bin/chromium (Debian's `chromium` package) or FLOKK_CHROMIUM. Without
 * it the test fails, saying how to install it; it never skips.
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
const STEP_TIMEOUT = 20_000;

jest.setTimeout(120_000);

let dir: string;
let flokk: Flokk | undefined;
let proxy: LocaleProxy | undefined;
let playground: RunningPlayground | undefined;
let browser: Browser | undefined;
let page: Page;
const flokkLog: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      process.env.CI
        ? `Chromium is missing at ${CHROMIUM}; .ci/run installs it before the tests (apt-get install -y chromium).`
        : `Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get update && sudo apt-get install -y chromium ` +
            '(or point FLOKK_CHROMIUM at a Chromium or Chrome binary).',
    );
  }
  dir = await mkdtemp(path.join(os.tmpdir(), 'flokk-playground-test-'));
  const config = loadConfig({ NODE_ENV: 'development', PORT: '0', FLOKK_DATA_FILE: path.join(dir, 'flokk.json') }, 'test');
  flokk = await startFlokk(config, { log: createLogger('warn', (line) => flokkLog.push(line)) });
  proxy = await startLocaleProxy(`${flokk.url}/api/messages`, 'nb-NO');

  const configFile = path.join(dir, '.m365agentsplayground.yml');
  await writeFile(configFile, playgroundConfigYaml(playgroundUsers(demoPortfolio().people, 'digitrondelag'), 'DigiTrøndelag'));
  playground = await startPlayground({ endpoint: proxy.url, configFile, logFile: path.join(dir, 'playground.log'), port: await freePort() });

  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(`Chromium at ${CHROMIUM} did not start: ${(error as Error).message}`);
  }
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO' });
  await page.goto(playground.url);
  await composeBox().waitFor({ timeout: STEP_TIMEOUT });
  // The playground installs the app first; Flokk's welcome card is the sign both ends are connected.
  await page.getByText('Dette kan Flokk').first().waitFor({ timeout: STEP_TIMEOUT });
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await proxy?.close();
  await flokk?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const composeBox = () => page.locator('[contenteditable][role=textbox]');

async function send(text: string): Promise<void> {
  await composeBox().click();
  await page.keyboard.type(text);
  await page.getByRole('button', { name: 'Send Message' }).click();
}

/** Runs a step; when it fails, the error says what the page, the playground and Flokk showed. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
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
}

async function waitUntil(done: () => boolean, timeoutMs = STEP_TIMEOUT): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function screenshot(name: string): Promise<void> {
  const folder = process.env.FLOKK_SCREENSHOTS === 'docs' ? DOCS : path.join(os.tmpdir(), 'flokk-playground-screenshots');
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, name) });
}

it('answers who owns a project, in bokmål', async () => {
  await step('ask who owns «felles sak-/arkivsystem»', () => send('hvem eier felles sak-/arkivsystem?'));
  // Rendered markdown: the log panel shows the raw "**Trondheim**", the chat shows "Trondheim" in bold.
  const answer = page.getByText(/Felles sak-\/arkivsystem eies av Trondheim\. Prosjektleder er Eli Fiktivdal\. Status: I gang\./).first();
  await step('read the answer on the page', () => answer.waitFor({ timeout: STEP_TIMEOUT }));
  await expect(answer.locator('strong, b').allInnerTexts()).resolves.toEqual(['Felles sak-/arkivsystem', 'Trondheim']);
  await screenshot('playground-lookup.png');
});

it('proposes a project through the form card and shows the saved project card', async () => {
  await step('ask for the proposal form', () => send('foreslå prosjekt Testprosjekt'));
  const form = page.locator('.ac-adaptiveCard').filter({ hasText: 'Send forslaget' }).last();
  await step('see the proposal form', () => form.waitFor({ timeout: STEP_TIMEOUT }));
  const title = form.getByRole('textbox', { name: /Tittel/ });
  await expect(title.inputValue()).resolves.toBe('Testprosjekt');

  const choose = async (label: RegExp, option: string | RegExp, typed?: string) => {
    const box = form.getByRole('combobox', { name: label });
    await box.click();
    if (typed) await box.fill(typed);
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  await step('fill in the form', async () => {
    await title.fill('Testprosjekt fra nettleseren');
    await choose(/Eierorganisasjon/, 'Ørland', 'Ørl');
    await choose(/Område/, 'velferdsteknologi');
    await choose(/Horisont/, /^H2 /);
  });
  await form.getByRole('button', { name: 'Send forslaget' }).click();

  const projectCard = page.locator('.ac-adaptiveCard').filter({ hasText: 'Testprosjekt fra nettleseren' }).last();
  await step('see the project card', () => projectCard.getByText('Foreslått', { exact: true }).waitFor({ timeout: STEP_TIMEOUT }));
  // The press answers with the secretariat's own view (its buttons) and updates the shared message to
  // everyone's view (only «Vis mine valg», and a refresh Teams runs for the secretariat). The playground
  // shows the two in whichever order they arrive and runs no refresh, so a person there may see
  // everyone's view and press «Vis mine valg», as this does; either way they end with their buttons.
  const submit = projectCard.getByRole('button', { name: 'Send til programstyret' });
  const mine = projectCard.getByRole('button', { name: 'Vis mine valg' });
  await step('see the secretariat\'s own buttons', async () => {
    const deadline = Date.now() + STEP_TIMEOUT;
    for (;;) {
      if ((await mine.count()) > 0) await mine.click().catch(() => undefined);
      if ((await submit.count()) > 0) {
        await page.waitForTimeout(1000);
        if ((await submit.count()) > 0 && (await mine.count()) === 0) return;
      }
      if (Date.now() > deadline) throw new Error('the secretariat never saw «Send til programstyret»');
      await page.waitForTimeout(200);
    }
  });
  const text = await projectCard.innerText();
  expect(text).toMatch(/Eier\s+Ørland/);
  expect(text).toMatch(/Horisont\s+H2 \(2–6 år\)/);
  expect(text).toMatch(/Område\s+velferdsteknologi/);
  await expect(submit.count()).resolves.toBe(1);
  await screenshot('playground-proposal.png');

  const saved = flokk!.store.read().projects.filter((p) => p.title === 'Testprosjekt fra nettleseren');
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({
    status: 'proposed',
    networkId: 'digitrondelag',
    ownerOrganisationId: 'kommune-5057',
    area: 'velferdsteknologi',
    horizon: 'H2',
    createdBy: 'person-sekretariat',
  });
});

it('opens a poll for everyone in the conversation, votes on it and sees the own vote and the tally', async () => {
  // The playground user is the secretariat: may open polls but is not on the programme board, so
  // the poll is for everyone in the conversation (board polls and votes by person: test/e2e/polls.test.ts).
  await step('ask for the poll form', () => send('avstemning Skal vi ha felles julebord?'));
  const form = page.locator('.ac-adaptiveCard').filter({ hasText: 'Start avstemningen' }).last();
  await step('see the poll form', () => form.waitFor({ timeout: STEP_TIMEOUT }));
  // The question comes prefilled from the command, question mark and all.
  const question = await form.getByRole('textbox', { name: /Spørsmål/ }).inputValue();
  expect(question).toBe('Skal vi ha felles julebord?');

  const nextYear = new Date().getUTCFullYear() + 1;
  await step('fill in the form', async () => {
    await form.getByRole('combobox', { name: /Hvem kan stemme/ }).click();
    await page.getByRole('option', { name: 'Alle i samtalen', exact: true }).click();
    // Input.Date is a Fluent date picker that takes typed dates.
    const date = form.getByRole('combobox', { name: /Fristdato/ });
    await date.fill(`${nextYear}-06-15`);
    await date.press('Tab');
    await expect(date.inputValue()).resolves.toContain(String(nextYear));
  });
  const votesBefore = flokk!.store.read().votes.length;
  await form.getByRole('button', { name: 'Start avstemningen' }).click();

  // The invoke answers with the voter's own view, and Flokk updates the same message to the
  // shared card (the tally and a «Stem» button that asks for one's own view) after the turn. The
  // playground shows whichever arrives last, so once Flokk has sent everything, press «Stem» if
  // the shared card is what shows.
  const pollCard = page.locator('.ac-adaptiveCard').filter({ hasText: question }).filter({ hasText: /har stemt/ }).last();
  const ownView = async (what: string, marker: RegExp) => {
    await step(`see the poll card (${what})`, async () => {
      await pollCard.waitFor({ timeout: STEP_TIMEOUT });
      await flokk!.outbox.idle();
      await page.waitForTimeout(500);
    });
    const vote = pollCard.getByRole('button', { name: 'Stem', exact: true });
    if ((await vote.count()) > 0) await vote.click();
    await step(`see the own view (${what})`, () => pollCard.getByText(marker).first().waitFor({ timeout: STEP_TIMEOUT }));
  };

  await ownView('before voting', /Du har ikke stemt ennå/);
  await expect(pollCard.getByRole('button', { name: /^(Enig|Avstår|Uenig|Blokkerer)$/ }).allInnerTexts()).resolves.toEqual(['Enig', 'Avstår', 'Uenig', 'Blokkerer']);

  await pollCard.getByRole('button', { name: 'Enig', exact: true }).click();
  await step('see the vote stored', () => waitUntil(() => flokk!.store.read().votes.length > votesBefore));
  await ownView('after voting', /Din stemme: Enig/);
  await expect(pollCard.innerText()).resolves.toMatch(/1 av 1 har stemt/);
  await screenshot('playground-poll.png');

  const polls = flokk!.store.read().polls.filter((x) => x.question === question);
  expect(polls).toHaveLength(1);
  expect(polls[0]).toMatchObject({ status: 'open', kind: 'consensus', eligibleMode: 'conversation', createdBy: 'person-sekretariat', deadline: `${nextYear}-06-15T10:00:00.000Z` });
  const votes = flokk!.store.read().votes.filter((v) => v.pollId === polls[0]!.id);
  expect(votes).toHaveLength(1);
  expect(votes[0]).toMatchObject({ stance: 'agree' });
});
