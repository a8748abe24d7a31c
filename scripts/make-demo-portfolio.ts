import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDemoPortfolio } from '../src/demo/demo-portfolio';

/**
 * Regenerates data/demo-portfolio.json from data/reference/municipalities.csv:
 *
 *   npm run demo:build
 */
const root = path.resolve(__dirname, '..');
const csv = readFileSync(path.join(root, 'data/reference/municipalities.csv'), 'utf8');
const portfolio = buildDemoPortfolio(csv);
const out = path.join(root, 'data/demo-portfolio.json');
writeFileSync(out, JSON.stringify(portfolio, null, 1) + '\n');
console.log(
  `wrote ${out}: ${portfolio.organisations.length} organisations, ${portfolio.people.length} people, ${portfolio.projects.length} projects`,
);
