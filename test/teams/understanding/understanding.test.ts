import { demoPortfolio } from '../../../src/flokk';
import { PortfolioLookup } from '../../../src/domain/lookup';
import { readListQuestion } from '../../../src/domain/understanding/list-question';
import { projectQueryVariants } from '../../../src/domain/understanding/project-query';
import { messages } from '../../../src/i18n';
import { decisions } from '../../../src/teams/commands/decisions.command';
import { openPollForm } from '../../../src/teams/commands/open-poll.command';
import { parseCommand } from '../../../src/teams/commands/parse';
import { portfolio } from '../../../src/teams/commands/portfolio.command';
import { cleanQuestion } from '../../../src/teams/understanding/clean';
import { SECRETARIAT, STRANGER } from '../../fixtures/activities';
import { textOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const demo = demoPortfolio();
const lookup = new PortfolioLookup();
const turnIn = (from = STRANGER) => aTurn(demo, { networkId: 'digitrondelag', locale: 'nb', from }).turn;
const area = demo.networks[0]!.areas;

describe('cleanQuestion', () => {
  it.each([
    ['hei Flokk! kan du si meg hvem som eier barnevern, takk 🙏', 'hvem eier barnevern'],
    ['@Flokk kven eig logganalysen', 'hvem eier logganalysen'],
    ['korleis går det med arkivsystemet', 'hvordan går det med arkivsystemet'],
    ['hvem har ansvaret for sak/arkiv-prosjektet', 'hvem eier sak/arkiv-prosjektet'],
    ['kva er Orkland med i', 'hva er Orkland med i'],
    ['takk', 'takk'],
  ])('%j → %j', (text, expected) => {
    expect(cleanQuestion(text)).toBe(expected);
  });
});

describe('the help card’s questions', () => {
  it('are each understood, in every language', () => {
    for (const locale of ['nb', 'nn', 'en'] as const) {
      for (const [question] of messages(locale).help.questions) expect({ question, kind: parseCommand(question).kind }).not.toEqual({ question, kind: 'freeText' });
    }
  });
});

describe('readListQuestion', () => {
  const read = (text: string) => readListQuestion({ portfolio: demo, networkId: 'digitrondelag', areas: area }, text);
  it('reads status, area and an organisation with its genitive', () => {
    const q = read('Steinkjers prosjekter innen oppvekst som er vedtatt');
    expect(q.statuses).toEqual(['approved']);
    expect(q.areas).toEqual(['oppvekstadministrasjon']);
    expect(q.organisations.map((o) => [o.organisation.name, o.role])).toEqual([['Steinkjer', 'involved']]);
    expect(q.unused).toEqual([]);
  });
  it('tells Ørland from Orkland when typed without ø, and keeps what it cannot place', () => {
    expect(read('prosjekter i orland').organisations.map((o) => o.organisation.name)).toEqual(['Ørland']);
    expect(read('prosjekter om kvantedatamaskiner').unused).toEqual(['kvantedatamaskiner']);
  });
  it('does not filter by a negated status', () => {
    expect(read('prosjekter som ikke er startet').statuses).toEqual([]);
  });
});

describe('project names as people write them', () => {
  it.each([
    ['velferdsteknologiprosjektet', 'Velferdsteknologi i hjemmetjenesten'],
    ['logganalysen', 'Felles logganalyse og hendelseshåndtering'],
    ['barnevernsprosjektets', 'Felles fagsystem for barnevern'],
    ['the archive system', 'Felles sak-/arkivsystem'],
    ['child welfare', 'Felles fagsystem for barnevern'],
    ['oppvekstsystemet', 'Felles oppvekstadministrativt system'],
  ])('%j is «%s»', (query, title) => {
    const r = lookup.project(demo, 'digitrondelag', query);
    expect(r.kind === 'found' ? r.item.title : r).toBe(title);
  });
  it('offers no closest match that only shares a generic word', () => {
    const r = lookup.project(demo, 'digitrondelag', 'the xyzzy system');
    expect(r).toEqual({ kind: 'none', suggestions: [] });
    expect(projectQueryVariants('the archive system')).toContain('arkivsystem');
  });
});

describe('honest answers', () => {
  it('lists only the projects in progress for «prosjekter i gang», and says so', async () => {
    const text = textOf((await portfolio(turnIn(), { filters: 'i gang' })).card!);
    expect(text).toContain('4 prosjekter');
    expect(text).toContain('Viser prosjekter med status i gang.');
  });
  it('shows no list for a question it cannot read', async () => {
    const reply = await portfolio(turnIn(), { filters: 'prosjekter om kvantedatamaskiner' });
    expect(reply.card).toBeUndefined();
    expect(reply.text).toContain('«kvantedatamaskiner»');
  });
  it('says an unknown project in «vedtak prosjekt xyzzy» instead of dropping it', async () => {
    const reply = await decisions(turnIn(), { filters: 'prosjekt xyzzy' });
    expect(reply.card).toBeUndefined();
    expect(reply.text).toContain('Jeg fant ikke noe prosjekt som passer «xyzzy».');
  });
  it('does not prefill a poll on a project that cannot be polled', async () => {
    const reply = await openPollForm(turnIn(SECRETARIAT), { text: 'om barnevern' });
    expect(reply.card).toBeUndefined();
    expect(reply.text).toContain('har status vedtatt');
  });
});
