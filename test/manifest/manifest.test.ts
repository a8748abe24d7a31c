import path from 'node:path';
import { parseCommand } from '../../src/teams/commands/parse';
import { checkApp, type FilledApp, loadFilledApp, readEnvFile } from '../../scripts/app-package';
import {
  checkLocalizationRules,
  checkManifestRules,
  loadSchemaValidator,
  type Localization,
  type TeamsManifest,
} from '../../scripts/manifest-checks';

const ROOT = path.resolve(__dirname, '../..');
const app: FilledApp = loadFilledApp(path.join(ROOT, 'manifest'), readEnvFile(path.join(ROOT, 'env/.env.local')));
const version = app.manifest.manifestVersion;

/** A deep copy of the filled manifest, changed by `edit`. */
function manifestWith(edit: (m: TeamsManifest) => void): TeamsManifest {
  const m = structuredClone(app.manifest);
  edit(m);
  return m;
}

function localization(file: string): Localization {
  const loc = app.localizations.get(file);
  if (!loc) throw new Error(`${file} is not in localizationInfo`);
  return loc;
}

const command = (n: number) => ({ title: `kommando ${n}`, description: 'gjør noe' });

describe('the Teams manifest, filled from env/.env.local', () => {
  it('passes the official schema, the localization schema and every Teams rule', () => {
    expect(checkApp(app)).toEqual([]);
  });

  it('is on schema 1.22 or newer, in nb-NO with nn-NO and en-US translations', () => {
    expect(Number(version.split('.')[1])).toBeGreaterThanOrEqual(22);
    expect(app.manifest.localizationInfo?.defaultLanguageTag).toBe('nb-NO');
    expect([...app.localizations.keys()]).toEqual(['nn-NO.json', 'en-US.json']);
  });

  it('lists, in every scope and language, commands the bot understands', () => {
    const kinds = ['help', 'whoOwns', 'organisationProjects', 'project', 'portfolio'];
    const lists = app.manifest.bots?.[0]?.commandLists ?? [];
    expect(lists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    const titles = (i: number) => [
      lists[i]!.commands.map((c) => c.title),
      ...[...app.localizations.values()].map((loc) => kinds.map((_, j) => loc[`bots[0].commandLists[${i}].commands[${j}].title`])),
    ];
    for (const i of lists.keys())
      for (const inLanguage of titles(i))
        expect(inLanguage.map((title) => parseCommand(`${title} barnevern`).kind)).toEqual(
          ['freeText', ...kinds.slice(1)], // "hjelp barnevern" is not a command; "hjelp" alone is
        );
    expect(parseCommand(lists[0]!.commands[0]!.title).kind).toBe('help');
  });
});

describe('the official schemas', () => {
  it('refuse a manifest with an unknown property or without a name', () => {
    const validate = loadSchemaValidator('manifest', version);
    expect(validate({ ...app.manifest, flokk: true }).join()).toMatch(/additional properties/);
    expect(validate({ ...app.manifest, name: undefined }).join()).toMatch(/required property 'name'/);
  });

  it('refuse a localization file with a key Teams does not know', () => {
    const validate = loadSchemaValidator('localization', version);
    expect(validate(localization('nn-NO.json'))).toEqual([]);
    expect(validate({ ...localization('nn-NO.json'), 'bots[0].tittel': 'x' }).join()).toMatch(/additional properties/);
  });

  it('are refused for a version the package does not bundle', () => {
    expect(() => loadSchemaValidator('manifest', '0.9')).toThrow(/no bundled manifest schema for manifestVersion 0.9/);
  });
});

describe('Teams rules the schema leaves out', () => {
  const problems = (edit: (m: TeamsManifest) => void) => checkManifestRules(manifestWith(edit)).join('\n');

  it.each<[string, (m: TeamsManifest) => void, RegExp]>([
    ['an app id that is not a GUID', (m) => (m.id = 'flokk'), /^id "flokk" is not a GUID/],
    ['a bot id that is not a GUID', (m) => (m.bots![0]!.botId = '1234'), /bots\[0\]\.botId "1234" is not a GUID/],
    ['a search bot id that is not a GUID', (m) => (m.composeExtensions![0]!.botId = 'x'), /composeExtensions\[0\]\.botId/],
    ['11 commands in a list', (m) => (m.bots![0]!.commandLists![1]!.commands = Array.from({ length: 11 }, (_, n) => command(n))), /commandLists\[1\] has 11 commands; Teams allows 10/],
    ['a command title of 33 characters', (m) => (m.bots![0]!.commandLists![0]!.commands[2]!.title = 'x'.repeat(33)), /commands\[2\]\.title is 33 characters; Teams allows 32/],
    ['a command description of 129 characters', (m) => (m.bots![0]!.commandLists![0]!.commands[0]!.description = 'x'.repeat(129)), /description is 129 characters; Teams allows 128/],
    ['a short name of 31 characters', (m) => (m.name.short = 'F'.repeat(31)), /name\.short is 31 characters; Teams allows 30/],
    ['a short description of 81 characters', (m) => (m.description.short = 'ø'.repeat(81)), /description\.short is 81 characters; Teams allows 80/],
    ['a full description of 4001 characters', (m) => (m.description.full = 'å'.repeat(4001)), /description\.full is 4001 characters; Teams allows 4000/],
    ['a valid domain with a scheme', (m) => (m.validDomains = ['https://flokk.example.org']), /validDomains\[0\] "https:\/\/flokk\.example\.org" must be a bare host name/],
    ['a valid domain with a port', (m) => (m.validDomains = ['ok.example.org', 'flokk.example.org:3978']), /validDomains\[1\] .* must be a bare host name: no scheme, port or path/],
    ['a developer URL over plain http', (m) => (m.developer.privacyUrl = 'http://flokk.example.org'), /developer\.privacyUrl .* must be an https URL/],
    ['an app version that is not x.y.z', (m) => (m.version = '1.0'), /version "1\.0" is not a semantic version/],
    ['a $schema that does not match manifestVersion', (m) => (m.manifestVersion = '1.22'), /\$schema must be .*v1\.22\/MicrosoftTeams\.schema\.json/],
    ['an icon in a sub-folder', (m) => (m.icons.outline = 'icons/outline.png'), /"icons\/outline\.png" must sit next to manifest\.json/],
  ])('refuse %s', (_, edit, expected) => {
    expect(problems(edit)).toMatch(expected);
  });

  it('count characters, not UTF-16 units, so a name of 30 letters with æøå passes', () => {
    expect(problems((m) => (m.name.short = 'æøå'.repeat(10)))).toBe('');
  });
});

describe('Teams rules for the translations', () => {
  const nn = localization('nn-NO.json');
  const problems = (loc: Localization) => checkLocalizationRules(loc, app.manifest, 'nn-NO.json').join('\n');

  it('pass for the committed translations', () => {
    for (const [file, loc] of app.localizations) expect(checkLocalizationRules(loc, app.manifest, file)).toEqual([]);
  });

  it.each<[string, Localization, RegExp]>([
    ['a command title over 32 characters', { ...nn, 'bots[0].commandLists[0].commands[1].title': 'k'.repeat(33) }, /commands\[1\]\.title is 33 characters; Teams allows 32/],
    ['a command description over 128 characters', { ...nn, 'bots[0].commandLists[2].commands[4].description': 'k'.repeat(129) }, /description is 129 characters/],
    ['a short name over 30 characters', { ...nn, 'name.short': 'n'.repeat(31) }, /nn-NO\.json name\.short is 31 characters/],
    ['a key with nothing to translate', { ...nn, 'bots[0].commandLists[0].commands[5].title': 'ekstra' }, /commands\[5\]\.title translates nothing/],
    ['a $schema for another version', { ...nn, $schema: nn.$schema!.replace(`v${version}`, 'v1.5') }, /nn-NO\.json \$schema must be/],
  ])('refuse %s', (_, loc, expected) => {
    expect(problems(loc)).toMatch(expected);
  });
});
