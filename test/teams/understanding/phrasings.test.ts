import { demoPortfolio } from '../../../src/flokk';
import { parseCommand } from '../../../src/teams/commands/parse';
import { portfolio } from '../../../src/teams/commands/portfolio.command';
import { cleanQuestion } from '../../../src/teams/understanding/clean';
import { textOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

describe('cleanQuestion: contractions and the words around a question word', () => {
  it.each([
    ["who's the owner of logganalyse", 'who is the owner of logganalyse'],
    ['hvem er det som leder depotprosjektet', 'hvem leder depotprosjektet'],
    ['kven er det som leiar KI-prosjektet', 'hvem leder KI-prosjektet'],
    ['kvar står barnevern', 'hvor står barnevern'],
    ['hi there', 'hi there'],
  ])('%j → %j', (text, expected) => {
    expect(cleanQuestion(text)).toBe(expected);
  });
});

describe('status, phase and body phrasings', () => {
  it.each([
    ['hvordan ligger KI-prosjektet an?', 'projectStatus', { query: 'KI-prosjektet' }],
    ['går det bra med barnevern?', 'projectStatus', { query: 'barnevern' }],
    ['hvilken fase er barnevern i?', 'projectStatus', { query: 'barnevern' }],
    ['kva fase er sak-/arkivsystemet i?', 'projectStatus', { query: 'sak-/arkivsystemet' }],
    ['where is the KI project at?', 'projectStatus', { query: 'the KI project' }],
    ['ble planregisteret trukket?', 'projectStatus', { query: 'planregisteret', asked: 'trukket' }],
    ['er depotløsninga godkjent av programstyret?', 'projectStatus', { query: 'depotløsninga', asked: 'godkjent' }],
    ['er KI-prosjektet kome i gang?', 'projectStatus', { query: 'KI-prosjektet', asked: 'i gang' }],
    ['er barnevern helt ferdig nå?', 'projectStatus', { query: 'barnevern', asked: 'ferdig' }],
    ['hvem representerer KS i programstyret?', 'bodyMembers', { query: 'programstyret' }],
    ['hvem er medlemmer av ressursgruppa', 'bodyMembers', { query: 'ressursgruppa' }],
    ['programstyrets vedtak', 'decisions', { filters: 'programstyrets vedtak' }],
    ['board decisions on byggesak', 'decisions', { filters: 'board decisions on byggesak' }],
    ['vis åpne avstemninger', 'openPolls', {}],
    ['anything I need to vote on?', 'openPolls', {}],
    ['hvilke H3-prosjekter har vi?', 'portfolio', { filters: 'hvilke H3-prosjekter har vi' }],
    ['hi there', 'greeting', { says: 'hello' }],
    ['kva kan eg spørje deg om?', 'help', {}],
  ])('%j → %s', (text, kind, input) => {
    expect(parseCommand(text)).toEqual({ kind, ...input });
  });
});

describe('paging a list asked in words', () => {
  const ask = async (text: string) => {
    const { turn } = aTurn(demoPortfolio(), { networkId: 'digitrondelag', locale: 'nb' });
    Object.assign(turn.activity, { text });
    return (await portfolio(turn, { filters: text })).card!;
  };
  const next = (card: { actions?: unknown[] }) =>
    (card.actions as Array<{ title?: string; data?: { msteams?: { type: string; text: string } } }>).find((a) => a.title === 'Neste')?.data?.msteams;

  it('turns the page by asking the question again with the page, so every filter of the question is kept', async () => {
    const first = await ask('hvilke prosjekter er ikke avsluttet?');
    expect(next(first)).toEqual({ type: 'messageBack', text: 'hvilke prosjekter er ikke avsluttet side 2', displayText: 'Neste' });
    const second = await ask(next(first)!.text);
    const text = textOf(second);
    expect(text).toContain('Side 2 av 2');
    // Rejected and withdrawn projects stay out on the second page too: a filter only the question named.
    expect(text).toContain('Avviste og trukne prosjekter er ikke med');
    expect(text).not.toMatch(/Avvist ·|Trukket ·/);
  });
});
