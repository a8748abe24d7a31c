import path from 'node:path';
import type { ICruiseResult, IConfiguration } from 'dependency-cruiser';

/**
 * The layering rules of .dependency-cruiser.js, run on small trees that break each of them
 * (fixtures/violations) and on one that keeps them all (fixtures/clean): a rule that cannot fail,
 * or that fails on what it should allow, is a defect. `npm run lint:deps` runs them on src/.
 */
const ROOT = path.resolve(__dirname, '../..');
const RULES = path.join(ROOT, '.dependency-cruiser.js');
const TSCONFIG = path.join(ROOT, 'tsconfig.json');

/** `rule: from → to` for each violation in `fixtures/<tree>/src`, packages by name, sorted. */
async function violations(tree: string): Promise<string[]> {
  // dependency-cruiser is ESM only: it loads through import(), not require().
  const { cruise } = await import('dependency-cruiser');
  const { default: extractDepcruiseOptions } = await import('dependency-cruiser/config-utl/extract-depcruise-options');
  const { default: extractTSConfig } = await import('dependency-cruiser/config-utl/extract-ts-config');
  const options = await extractDepcruiseOptions(RULES);
  const { output } = await cruise(
    ['src'],
    { ...options, baseDir: path.join(__dirname, 'fixtures', tree), tsConfig: { fileName: TSCONFIG } },
    undefined,
    { tsConfig: extractTSConfig(TSCONFIG) },
  );
  return (output as ICruiseResult).summary.violations
    .map((v) => `${v.rule.name}: ${v.from} → ${packageName(v.to)}`)
    .sort();
}

const packageName = (to: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(to)?.[1] ?? to;

describe('the layering rules', () => {
  it('catch each kind of violation, and nothing else', async () => {
    expect(await violations('violations')).toEqual([
      'cards-are-views: src/cards/imports-node.ts → fs',
      'cards-are-views: src/cards/imports-store.ts → src/store/port.ts',
      'domain-is-pure: src/domain/imports-an-npm-package.ts → jszip',
      'domain-is-pure: src/domain/imports-store.ts → src/store/port.ts',
      'i18n-is-catalogues: src/i18n/imports-cards.ts → src/cards/card.ts',
      'lowdb-only-in-lowdb-store: src/store/memory-store.ts → lowdb',
      // A cycle is reported once, at the first of its modules.
      'no-circular: src/teams/cycle-a.ts → src/teams/cycle-b.ts',
      'no-unresolvable: src/teams/imports-missing.ts → ./missing',
      'sdk-only-in-the-adapter: src/app.ts → botbuilder',
      'sdk-only-in-the-adapter: src/teams/uses-botframework.ts → botbuilder-core',
      'sdk-only-in-the-adapter: src/teams/uses-botframework.ts → botframework-connector',
      'sdk-only-in-the-adapter: src/teams/uses-restify.ts → restify',
      'sdk-only-in-the-adapter: src/teams/uses-teams-ai.ts → @microsoft/teams-ai',
      'store-below-teams-and-cards: src/store/imports-app.ts → src/app.ts',
      'store-below-teams-and-cards: src/store/imports-cards.ts → src/cards/card.ts',
      'store-below-teams-and-cards: src/store/imports-teams.ts → src/teams/route.ts',
    ]);
  });

  it('allow what the layering allows: the adapter, lowdb-store, zod and friends in the domain', async () => {
    expect(await violations('clean')).toEqual([]);
  });

  it('each have a violation in the fixtures, so a new rule comes with its proof', async () => {
    // The rules file is CommonJS, as depcruise reads it.
    const config = require(RULES) as IConfiguration;
    const caught = new Set((await violations('violations')).map((v) => v.split(':')[0]));
    expect((config.forbidden ?? []).map((rule) => rule.name).filter((name) => !caught.has(name!))).toEqual([]);
    expect((config.forbidden ?? []).every((rule) => rule.severity === 'error')).toBe(true);
  });
});
