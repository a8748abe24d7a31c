/**
 * The layering of STYLE.md, checked by dependency-cruiser in `npm test` (`npm run lint:deps`).
 * test/architecture/layering.test.ts proves that each rule catches what it claims.
 *
 * Paths are relative to the folder cruised from; a package is matched both as resolved
 * (`…node_modules/<name>/…`) and, should it not resolve, by its bare name.
 */

/** A regular expression for the npm packages `names` (each itself a regular expression), resolved or not. */
const npm = (...names) => `(^|/)node_modules/(@types/)?(${names.join('|')})(/|$)|^(${names.join('|')})(/|$)`;

const SDK = npm('botbuilder[^/]*', 'botframework-[^/]*', '@microsoft/teams-ai', 'restify');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain is pure TypeScript over plain data: it imports only src/domain, node built-ins, zod, temporal-polyfill and minisearch.',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', npm('zod', 'temporal-polyfill', 'minisearch')],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'cards-are-views',
      severity: 'error',
      comment: 'src/cards are pure functions from data to card JSON: they import only src/cards, src/domain, src/i18n and zod (the schemas of their action data).',
      from: { path: '^src/cards/' },
      to: { pathNot: ['^src/(cards|domain|i18n)/', npm('zod')] },
    },
    {
      name: 'i18n-is-catalogues',
      severity: 'error',
      comment: 'src/i18n holds the message catalogues: it imports only src/i18n and src/domain.',
      from: { path: '^src/i18n/' },
      to: { pathNot: '^src/(i18n|domain)/' },
    },
    {
      name: 'sdk-only-in-the-adapter',
      severity: 'error',
      comment: 'Only the adapter (src/server.ts and src/teams/adapter/) knows botbuilder, botframework-*, @microsoft/teams-ai and restify.',
      from: { path: '^src/', pathNot: '^src/(server\\.ts$|teams/adapter/)' },
      to: { path: SDK },
    },
    {
      name: 'lowdb-only-in-lowdb-store',
      severity: 'error',
      comment: 'lowdb is an implementation detail of src/store/lowdb-store.ts.',
      from: { path: '^src/', pathNot: '^src/store/lowdb-store\\.ts$' },
      to: { path: npm('lowdb') },
    },
    {
      name: 'store-below-teams-and-cards',
      severity: 'error',
      comment: 'src/store sits below the Teams layer: it imports neither src/teams, src/cards nor src/app.ts.',
      from: { path: '^src/store/' },
      to: { path: '^src/(teams/|cards/|app\\.ts$)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No circular imports (STYLE.md point 10), type-only ones included.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve would slip past every rule above that matches resolved paths.',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports count: a domain file that imports a type from src/teams is still coupled to it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
