import { readFileSync } from 'node:fs';
import path from 'node:path';
import { messages } from '../../src/i18n';
import type { Locale } from '../../src/domain/schema';
import { parseCommand } from '../../src/teams/commands/parse';
import { SECRETARIAT } from '../fixtures/activities';
import { startTestBot, textOf, type TestBot } from './harness';

/**
 * The understanding corpus (test/fixtures/corpus/): everyday questions in bokmål, nynorsk and
 * English, each sent through the HTTP endpoint of one bot on the demo portfolio. A question
 * passes when it reaches the expected intent and the reply holds the expected answer. Each half
 * must pass at 97 % or more; the halves are reported separately, since only tune.json may be
 * looked at while changing the understanding.
 */
export interface CorpusEntry {
  text: string;
  lang: Locale;
  intent: string;
  slots?: Record<string, unknown>;
  as?: 'secretariat';
  expect: { contains?: string[]; absent?: string[]; projects?: string[] };
}

const DIR = path.join(__dirname, '../fixtures/corpus');
export const loadCorpus = (name: 'tune' | 'holdout' | 'blind' | 'blind2'): CorpusEntry[] => JSON.parse(readFileSync(path.join(DIR, `${name}.json`), 'utf8'));
const LOCALE: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-US' };
const THRESHOLD = 0.97;

const demo = JSON.parse(readFileSync(path.join(__dirname, '../../data/demo-portfolio.json'), 'utf8')) as { projects: Array<{ id: string; title: string; networkId: string }> };
const titles = new Map(demo.projects.map((p) => [p.id, p.title]));
const networkTitles = demo.projects.filter((p) => p.networkId === 'digitrondelag').map((p) => p.title);

/**
 * One organisation's projects and a filtered list are one family: «hvilke prosjekter eier Levanger
 * som er i gang?» starts as the first and is answered as the second (organisation-projects.command.ts).
 */
const family = (intent: string) => (intent === 'organisationProjects' ? 'portfolio' : intent);

/** Why an answer is wrong, or undefined when it is right. */
export function checkAnswer(entry: CorpusEntry, intent: string, reply: string): string | undefined {
  if (family(intent) !== family(entry.intent)) return `intent ${intent}, expected ${entry.intent}`;
  for (const s of entry.expect.contains ?? []) if (!reply.includes(s)) return `missing «${s}»`;
  for (const s of entry.expect.absent ?? []) if (reply.includes(s)) return `should not show «${s}»`;
  const ids = entry.expect.projects;
  if (ids) {
    const count = messages(entry.lang).portfolio.count(ids.length);
    if (!reply.includes(`${count} ·`)) return `expected ${count}`;
    const expected = ids.map((id) => titles.get(id)!);
    if (ids.length <= 8) for (const t of expected) if (!reply.includes(t)) return `missing project «${t}»`;
    for (const t of networkTitles) if (!expected.includes(t) && reply.includes(`**${t}**`)) return `should not list «${t}»`;
  }
  return undefined;
}

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot.stop());

/**
 * `FLOKK_CORPUS=blind` (or `blind2`) replaces the gated halves with a report-only run over that
 * set, written without reading the parser: it prints its failures and its score per language, and
 * gates nothing. blind.json has since been used for development; blind2.json has not.
 */
const REPORT_SET = process.env.FLOKK_CORPUS === 'blind' || process.env.FLOKK_CORPUS === 'blind2' ? process.env.FLOKK_CORPUS : undefined;
const REPORT_ONLY = REPORT_SET !== undefined;

async function ask(entry: CorpusEntry): Promise<string | undefined> {
  const sent = await bot.say(entry.text, { locale: LOCALE[entry.lang], ...(entry.as === 'secretariat' ? { from: SECRETARIAT } : {}) });
  const reply = sent.map((s) => textOf(s)).join('\n');
  const why = checkAnswer(entry, parseCommand(entry.text).kind, reply);
  return why ? `${entry.lang} «${entry.text}»: ${why}\n    ${reply.replace(/\s+/g, ' ').slice(0, 240)}` : undefined;
}

(REPORT_ONLY ? describe : describe.skip)('the blind set (report only)', () => {
  it('prints its score per language and its failures', async () => {
    const corpus = loadCorpus(REPORT_SET!);
    const failed = new Map<CorpusEntry, string>();
    for (const entry of corpus) {
      const why = await ask(entry);
      if (why) failed.set(entry, why);
    }
    const score = (xs: CorpusEntry[]) => `${((1 - xs.filter((e) => failed.has(e)).length / Math.max(1, xs.length)) * 100).toFixed(1)} %`;
    const byLang = (['nb', 'nn', 'en'] as const).map((l) => `${l} ${score(corpus.filter((e) => e.lang === l))}`).join(', ');
    console.log(`corpus blind: ${score(corpus)} of ${corpus.length} (${byLang})\n  ${[...failed.values()].join('\n  ')}`);
  }, 120_000);
});

(REPORT_ONLY ? describe.skip : describe).each(['tune', 'holdout'] as const)('the %s half of the corpus', (half) => {
  it(`answers at least ${THRESHOLD * 100} % right through the HTTP endpoint`, async () => {
    const corpus = loadCorpus(half);
    const failures: string[] = [];
    for (const entry of corpus) {
      const why = await ask(entry);
      if (why) failures.push(why);
    }
    const accuracy = 1 - failures.length / corpus.length;
    const byLang = (['nb', 'nn', 'en'] as const).map((l) => `${l} ${corpus.filter((e) => e.lang === l).length}`).join(', ');
    // Only the tune half says which questions failed: the holdout is measured, never read.
    const shown = half === 'tune' && failures.length > 0 ? `\n  ${failures.join('\n  ')}` : '';
    console.log(`corpus ${half}: ${(accuracy * 100).toFixed(1)} % of ${corpus.length} (${byLang})${shown}`);
    expect({ half, accuracy: accuracy >= THRESHOLD, failures: half === 'tune' && accuracy < THRESHOLD ? failures : [] }).toEqual({ half, accuracy: true, failures: [] });
  }, 60_000);
});

it('has at least 400 questions: bokmål ≥ 200, nynorsk ≥ 100, English ≥ 100', () => {
  const all = [...loadCorpus('tune'), ...loadCorpus('holdout')];
  const count = (l: Locale) => all.filter((e) => e.lang === l).length;
  expect(all.length).toBeGreaterThanOrEqual(400);
  expect([count('nb') >= 200, count('nn') >= 100, count('en') >= 100]).toEqual([true, true, true]);
});
