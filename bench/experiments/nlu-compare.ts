import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCommand } from '../../src/teams/commands/parse';
import { summarise } from '../lib/stats';

/**
 * The measurement behind the understanding's design (see the report in README "How it is built"):
 * NLP.js (@nlpjs/nlp 4.x with @nlpjs/lang-no and @nlpjs/lang-en-min, its neural intent classifier)
 * trained on the corpus's tune half, against the route table's phrases (parseCommand), on intent
 * accuracy for both halves and on latency. NLP.js is not a dependency of Flokk: install it
 * somewhere else and point NLPJS_DIR at it:
 *
 *   mkdir /tmp/nlpjs && cd /tmp/nlpjs && npm init -y && npm i @nlpjs/nlp @nlpjs/lang-no @nlpjs/lang-en-min
 *   NLPJS_DIR=/tmp/nlpjs npx tsx bench/experiments/nlu-compare.ts
 *
 * Only intents are compared: slots (which project, which organisation) come from the portfolio
 * in both designs, since NLP.js's entity extraction needs every entity listed in training.
 */
interface Entry { text: string; lang: 'nb' | 'nn' | 'en'; intent: string }
const ROOT = path.resolve(__dirname, '../..');
const load = (half: string): Entry[] => JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/corpus', `${half}.json`), 'utf8'));
const family = (intent: string) => (intent === 'organisationProjects' ? 'portfolio' : intent);
const lang = (l: Entry['lang']) => (l === 'en' ? 'en' : 'no');

async function main(): Promise<void> {
  const dir = process.env.NLPJS_DIR;
  if (!dir) throw new Error('set NLPJS_DIR to a directory where @nlpjs/nlp, @nlpjs/lang-no and @nlpjs/lang-en-min are installed');
  const req = createRequire(path.join(dir, 'package.json'));
  const l0 = performance.now();
  const { Nlp } = req('@nlpjs/nlp');
  const { LangNo } = req('@nlpjs/lang-no');
  const { LangEn } = req('@nlpjs/lang-en-min');
  const loadMs = performance.now() - l0;
  const tune = load('tune');
  const holdout = load('holdout');

  const nlp = new Nlp({ languages: ['no', 'en'], autoSave: false, nlu: { log: false } });
  nlp.use(LangNo);
  nlp.use(LangEn);
  for (const e of tune) nlp.addDocument(lang(e.lang), e.text, family(e.intent));
  const t0 = performance.now();
  await nlp.train();
  const trainMs = performance.now() - t0;

  const score = async (set: Entry[], classify: (e: Entry) => Promise<string> | string) => {
    const samples: number[] = [];
    let right = 0;
    for (const e of set) {
      const s = performance.now();
      const got = await classify(e);
      samples.push(performance.now() - s);
      if (family(got) === family(e.intent)) right += 1;
    }
    return { accuracy: right / set.length, latency: summarise(samples) };
  };
  const library = async (e: Entry) => ((await nlp.process(lang(e.lang), e.text)).intent as string) ?? 'None';
  const rules = (e: Entry) => parseCommand(e.text).kind;
  for (const e of [...tune, ...holdout].slice(0, 50)) {
    await library(e);
    rules(e);
  }
  const rows = [
    ['NLP.js (trained on tune)', await score(tune, library), await score(holdout, library)],
    ['route-table phrases', await score(tune, rules), await score(holdout, rules)],
  ] as const;
  console.log(`NLP.js: require ${loadMs.toFixed(0)} ms, training on ${tune.length} questions ${trainMs.toFixed(0)} ms`);
  for (const [name, a, b] of rows) {
    console.log(`${name}: intent accuracy tune ${(a.accuracy * 100).toFixed(1)} %, holdout ${(b.accuracy * 100).toFixed(1)} %; latency p50 ${b.latency.p50.toFixed(3)} ms, p99 ${b.latency.p99.toFixed(3)} ms`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
