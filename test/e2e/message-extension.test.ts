import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_QUERY_LENGTH, MAX_RESULTS, parseFindProjectQuery } from '../../src/teams/search/find-project.search';
import { SEARCH_COMMAND } from '../../src/teams/routes';
import { composeQuery, type ActivityOptions } from '../fixtures/activities';
import { cardOf, startTestBot, type TestBot } from './harness';

/**
 * The «Finn prosjekt» message extension through the real endpoint: composeExtension/query
 * invokes as Teams sends them while a user types in the compose box's search.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot.stop());

interface SearchAnswer {
  type: 'result' | 'message';
  text?: string;
  attachmentLayout?: string;
  attachments?: Array<{ contentType: string; content: any; preview: { contentType: string; content: { title: string; text: string } } }>;
}

type SearchOptions = Partial<ActivityOptions> & { skip?: number; count?: number; parameters?: Array<{ name: string; value: unknown }> };

const search = async (query: string, o: SearchOptions = {}): Promise<SearchAnswer> => {
  const { skip = 0, count = 10, parameters = [{ name: 'query', value: query }], ...rest } = o;
  const activity = composeQuery(SEARCH_COMMAND.findProject, parameters, { serviceUrl: bot.connector.serviceUrl, queryOptions: { skip, count }, ...rest });
  const { status, body } = await bot.post(activity);
  expect(status).toBe(200);
  expect(Object.keys(body)).toEqual(['composeExtension']);
  return body.composeExtension as SearchAnswer;
};
const titles = (a: SearchAnswer) => a.attachments!.map((x) => x.preview.content.title);
const previews = (a: SearchAnswer) => a.attachments!.map((x) => `${x.preview.content.title} | ${x.preview.content.text}`);

describe('finding projects', () => {
  it('"Orland" finds the projects Ørland owns first (æ/ø/å folded)', async () => {
    const answer = await search('Orland');
    expect(answer).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    expect(previews(answer).slice(0, 2).sort()).toEqual([
      'Felles informasjonssikkerhetsarbeid | Ørland · I gang',
      'Felles logganalyse og hendelseshåndtering | Ørland · Til behandling',
    ]);
  });

  it('"sak arkiv" finds «Felles sak-/arkivsystem» first, words in any order and partial', async () => {
    const answer = await search('sak arkiv');
    expect(previews(answer)[0]).toBe('Felles sak-/arkivsystem | Trondheim · I gang');
    expect(titles(await search('arkiv sak'))[0]).toBe('Felles sak-/arkivsystem');
  });

  it('finds projects by area', async () => {
    expect(previews(await search('velferdsteknologi'))).toEqual(['Velferdsteknologi i hjemmetjenesten | Indre Fosen · Satt på vent']);
    expect(titles(await search('arkivering')).sort()).toEqual(['Depotløsning for digitalt arkiv', 'Kunstig intelligens i arkiv og saksbehandling']);
  });

  it('inserts the project card, the same one the chat command shows', async () => {
    const answer = await search('sak arkiv');
    const chosen = answer.attachments![0]!;
    expect(chosen.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(chosen.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    const [shown] = await bot.say('prosjekt felles sak-/arkivsystem');
    expect(chosen.content).toEqual(cardOf(shown!));
    for (const result of (await search('Orland')).attachments!) {
      expect(result.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
      expect(result.content.body[0]).toMatchObject({ type: 'TextBlock', text: result.preview.content.title, size: 'Large' });
    }
  });

  it('answers in the user’s language', async () => {
    expect(previews(await search('sak arkiv', { locale: 'en-US' }))[0]).toBe('Felles sak-/arkivsystem | Trondheim · Active');
    expect(previews(await search('barnevern', { locale: 'nn-NO' }))[0]).toBe('Felles fagsystem for barnevern | Levanger · Vedteke');
  });
});

describe('the empty search box', () => {
  it('lists the living portfolio, active projects first, when nothing is typed yet', async () => {
    const answer = await search('');
    expect(answer.type).toBe('result');
    expect(answer.attachments).toHaveLength(10);
    expect(previews(answer).slice(0, 4).every((p) => p.endsWith('· I gang'))).toBe(true);
  });

  it('treats Teams’ initial run (no query parameter) the same', async () => {
    const initial = await search('', { parameters: [{ name: 'initialRun', value: 'true' }] });
    expect(titles(initial)).toEqual(titles(await search('')));
  });

  it('pages with skip and count, and is an empty list past the end', async () => {
    const first = await search('', { count: 5 });
    const second = await search('', { skip: 5, count: 5 });
    expect(first.attachments).toHaveLength(5);
    expect(titles(second).some((t) => titles(first).includes(t))).toBe(false);
    const past = await search('', { skip: 100, count: 5 });
    expect(past).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
  });
});

describe('no match and bad input', () => {
  it.each([
    ['nb-NO', 'Ingen prosjekter passer «xyzzy». Prøv et prosjektnavn, en kommune eller et område'],
    ['nn-NO', 'Ingen prosjekt passar «xyzzy». Prøv eit prosjektnamn, ein kommune eller eit område'],
    ['en-US', 'No project matches "xyzzy". Try a project name, a municipality or an area'],
  ])('says so helpfully when nothing matches (%s)', async (locale, expected) => {
    const answer = await search('xyzzy', { locale });
    expect(answer.type).toBe('message');
    expect(answer.text).toContain(expected);
    expect(answer.attachments).toBeUndefined();
  });

  it('caps the query text, and answers a huge one without trouble', async () => {
    const answer = await search('q'.repeat(10_000));
    expect(answer.type).toBe('message');
    expect(answer.text).toContain(`«${'q'.repeat(MAX_QUERY_LENGTH)}»`);
    expect(answer.text).not.toContain('q'.repeat(MAX_QUERY_LENGTH + 1));
  });

  it('ignores a query that is not text', async () => {
    const answer = await search('', { parameters: [{ name: 'query', value: { $gt: '' } }] });
    expect(answer.type).toBe('result');
    expect(answer.attachments!.length).toBeGreaterThan(0);
  });

  it.each([['x'], [{ query: 'sak' }], [[null, { name: 'query', value: 'sak' }]]])('answers malformed parameters %j with a sentence, not a 5xx', async (parameters) => {
    const activity = { ...composeQuery(SEARCH_COMMAND.findProject, [], { serviceUrl: bot.connector.serviceUrl }), value: { commandId: SEARCH_COMMAND.findProject, parameters } };
    const { status, body } = await bot.post(activity);
    expect(status).toBe(200);
    expect(body).toEqual({ composeExtension: { type: 'message', text: 'Det kortet sendte noe jeg ikke kan bruke. Prøv igjen fra et nytt kort.' } });
  });

  it('never returns more than asked, nor more than 25', async () => {
    expect((await search('', { count: 3 })).attachments).toHaveLength(3);
    expect(parseFindProjectQuery({ parameters: { query: 'x' }, skip: -4, count: 1000 })).toEqual({ text: 'x', skip: 0, count: MAX_RESULTS });
    expect(parseFindProjectQuery({ parameters: { query: '  sak  ' }, skip: 2.7, count: 0 })).toEqual({ text: 'sak', skip: 2, count: 1 });
    expect(parseFindProjectQuery(undefined)).toEqual({ text: '', skip: 0, count: MAX_RESULTS });
  });

  it('changes nothing and sends nothing into the conversation', async () => {
    bot.connector.take();
    const before = JSON.stringify(bot.flokk.store.read());
    await search('Orland');
    await search('xyzzy');
    expect(bot.connector.take()).toEqual([]);
    expect(JSON.stringify(bot.flokk.store.read())).toBe(before);
  });
});

describe('the manifest', () => {
  it('declares the command and parameter this handler answers', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../manifest/manifest.json'), 'utf8'));
    const commands = manifest.composeExtensions.flatMap((x: { commands: unknown[] }) => x.commands);
    const command = commands.find((c: { id: string }) => c.id === SEARCH_COMMAND.findProject);
    expect(command).toMatchObject({ type: 'query', parameters: [{ name: 'query' }] });
  });
});
