import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDemoPortfolio } from '../src/demo/demo-portfolio';

/**
 * Regenerates data/demo-portfolio.json from data/reference/municipalities.csv.
 * Run from the repository root (the compiled file lives outside it, so paths are taken from the
 * working directory, or from the first argument):
 *
 *   npx tsc -p tsconfig.json --outDir /tmp/demo-build
 *   NODE_PATH=node_modules node_modules/.bin/node /tmp/demo-build/scripts/make-demo-portfolio.js
 *
 * NODE_PATH is needed because the compiled files are outside the repository and must still find zod.
 */
const root = path.resolve(process.argv[2] ?? process.cwd());
const csv = readFileSync(path.join(root, 'data/reference/municipalities.csv'), 'utf8');
const portfolio = buildDemoPortfolio(csv);
const out = path.join(root, 'data/demo-portfolio.json');
writeFileSync(out, JSON.stringify(portfolio, null, 1) + '\n');
console.log(
  `wrote ${out}: ${portfolio.organisations.length} organisations, ${portfolio.people.length} people, ${portfolio.projects.length} projects`,
);
