import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Locale } from '../src/domain/schema';
import { cardSamples } from './card-samples';

/**
 * `npm run cards:gallery`: every card Flokk sends, from the demo portfolio, in bokmål, nynorsk
 * and English, drawn by the official Adaptive Cards renderer (the `adaptivecards` package's
 * browser bundle) in headless Chromium, to docs/cards/<locale>/<card>.png with an index page
 * (docs/cards/index.html, and README.md for reading on GitHub).
 *
 * The renderer draws Adaptive Cards 1.5; Teams' own charts (Chart.*) are not in it, so their text
 * fallback is what shows here: the same a client without charts shows.
 */
const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'docs', 'cards');
const CHROMIUM = process.env.FLOKK_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const LOCALES: Locale[] = ['nb', 'nn', 'en'];
const LANGUAGE: Record<Locale, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

/** Teams' light theme, near enough: its font, its text colours (WCAG AA on white), its accent. */
const HOST_CONFIG = {
  fontFamily: '"Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif',
  spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 16 },
  fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#4F52B2' },
        good: { default: '#0E700E', subtle: '#107C10' },
        warning: { default: '#835B00', subtle: '#8A6100' },
        attention: { default: '#C4314B', subtle: '#A4262C' },
        dark: { default: '#242424', subtle: '#424242' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#4F52B2' },
        good: { default: '#0E700E', subtle: '#107C10' },
        warning: { default: '#835B00', subtle: '#8A6100' },
        attention: { default: '#C4314B', subtle: '#A4262C' },
        dark: { default: '#242424', subtle: '#424242' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
      },
    },
  },
  actions: { maxActions: 10, actionsOrientation: 'Horizontal', buttonSpacing: 8, showCard: { actionMode: 'Inline', inlineTopMargin: 8 } },
};

const PAGE_CSS = `
body { margin: 0; padding: 16px; background: #F0F0F0; font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; }
#card { width: 560px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.2); overflow: hidden; }
.ac-pushButton { border: 1px solid #D1D1D1; background: #fff; color: #242424; border-radius: 4px; padding: 6px 12px; font-weight: 600; cursor: pointer; }
.ac-pushButton.style-positive { background: #5B5FC7; color: #fff; border-color: #5B5FC7; }
.ac-pushButton.style-destructive { color: #C4314B; border-color: #C4314B; }
.ac-input { font-family: inherit; font-size: 14px; border: 1px solid #D1D1D1; border-radius: 4px; padding: 4px 8px; box-sizing: border-box; }
.ac-input.ac-textInput.ac-multiline { min-height: 56px; }
`;

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium (or set FLOKK_CHROMIUM).`);
  const bundle = require.resolve('adaptivecards/dist/adaptivecards.min.js');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const index: Array<{ locale: Locale; name: string; caption: string; file: string }> = [];
  try {
    const page = await browser.newPage({ viewport: { width: 640, height: 800 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${PAGE_CSS}</style></head><body><div id="card"></div></body></html>`);
    await page.addScriptTag({ path: bundle });
    for (const locale of LOCALES) {
      const dir = path.join(OUT, locale);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      for (const sample of cardSamples(locale)) {
        const problems = await page.evaluate(
          ({ card, hostConfig, lang }) => {
            // In the page: the renderer's bundle and the DOM, which this file's TypeScript (no DOM lib) does not type.
            const page = globalThis as unknown as { AdaptiveCards: any; document: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
            const AC = page.AdaptiveCards;
            page.document.documentElement.lang = lang;
            const target = page.document.getElementById('card');
            target.innerHTML = '';
            const adaptive = new AC.AdaptiveCard();
            adaptive.hostConfig = new AC.HostConfig(hostConfig);
            const context = new AC.SerializationContext(AC.Versions.v1_5);
            adaptive.parse(card, context);
            const rendered = adaptive.render();
            if (rendered) target.appendChild(rendered);
            const out: string[] = [];
            for (let i = 0; i < context.eventCount; i++) out.push(context.getEventAt(i).message);
            return out;
          },
          { card: sample.card, hostConfig: HOST_CONFIG, lang: locale === 'en' ? 'en' : locale === 'nn' ? 'nn-NO' : 'nb-NO' },
        );
        const unknown = problems.filter((m) => !/Chart\./.test(m));
        if (unknown.length > 0) console.warn(`${locale}/${sample.name}: ${unknown.join('; ')}`);
        const file = `${locale}/${sample.name}.png`;
        await page.locator('#card').screenshot({ path: path.join(OUT, file) });
        index.push({ locale, name: sample.name, caption: sample.caption, file });
      }
    }
  } finally {
    await browser.close();
  }
  await writeIndex(index);
  const count = (await Promise.all(LOCALES.map((l) => readdir(path.join(OUT, l))))).flat().length;
  console.log(`wrote ${count} pictures and docs/cards/index.html, docs/cards/README.md`);
}

async function writeIndex(entries: Array<{ locale: Locale; name: string; caption: string; file: string }>): Promise<void> {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const names = [...new Set(entries.map((e) => e.name))];
  const row = (name: string) => {
    const of = entries.filter((e) => e.name === name);
    const caption = of[0]?.caption ?? name;
    return `<h2 id="${name}">${escape(caption)} <small>(${name})</small></h2>\n<div class="row">${of
      .map((e) => `<figure><img src="${e.file}" alt="${escape(caption)}, ${LANGUAGE[e.locale]}" loading="lazy"><figcaption>${LANGUAGE[e.locale]}</figcaption></figure>`)
      .join('')}</div>`;
  };
  const intro =
    'Every card Flokk sends, drawn from the demo portfolio (data/demo-portfolio.json) by the official Adaptive Cards renderer in headless Chromium. ' +
    'Teams-only charts show as their text fallback. Regenerate with <code>npm run cards:gallery</code>; test/cards/schema.test.ts validates the same cards against Adaptive Cards 1.5.';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Flokk cards</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;background:#fafafa}.row{display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap}figure{margin:0}img{width:420px;border:1px solid #ddd}figcaption{font-size:13px;color:#555}</style></head>
<body><h1>Flokk's cards</h1><p>${intro}</p>
<ul>${names.map((n) => `<li><a href="#${n}">${escape(entries.find((e) => e.name === n)?.caption ?? n)}</a></li>`).join('')}</ul>
${names.map(row).join('\n')}
</body></html>
`;
  const md = [
    '# Flokk\'s cards',
    '',
    intro.replace(/<\/?code>/g, '`'),
    '',
    '| Card | Bokmål | Nynorsk | English |',
    '| --- | --- | --- | --- |',
    ...names.map((n) => `| ${entries.find((e) => e.name === n)?.caption ?? n} | ${LOCALES.map((l) => `<img src="${l}/${n}.png" width="260" alt="${n}, ${LANGUAGE[l]}">`).join(' | ')} |`),
    '',
  ].join('\n');
  await writeFile(path.join(OUT, 'index.html'), html);
  await writeFile(path.join(OUT, 'README.md'), md);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
