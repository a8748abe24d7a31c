import { VERB } from '../../../src/cards/actions';
import { PORTFOLIO_PAGE_SIZE } from '../../../src/cards/portfolio.card';
import { emptyPortfolio } from '../../../src/domain/schema';
import { demoPortfolio } from '../../../src/flokk';
import { portfolio as portfolioCommand } from '../../../src/teams/commands/portfolio.command';
import { aNetwork } from '../../builders';
import { cardOf, executesOf, headingOf, inputsOf, textOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const demo = demoPortfolio();
const turnIn = (networkId = 'digitrondelag', locale: 'nb' | 'nn' | 'en' = 'nb') => aTurn(demo, { networkId, locale }).turn;
const shown = (card: ReturnType<typeof cardOf>) => executesOf(card).filter((a) => a.verb === VERB.projectShow).map((a) => a.data.projectId);
// The notice is bold body text, not yellow (which failed WCAG AA contrast on white: issue 13).
const notice = (card: ReturnType<typeof cardOf>) => (card.body.find((b) => (b as { weight?: string; size?: string }).weight === 'Bolder' && !(b as { size?: string }).size) as { text?: string } | undefined)?.text;

describe('portfolio', () => {
  it('shows the network’s whole portfolio, first page, living projects first', async () => {
    const card = cardOf(await portfolioCommand(turnIn(), { filters: '' }));
    expect(headingOf(card)).toBe('Porteføljen – DigiTrøndelag');
    expect(textOf(card)).toContain('13 prosjekter · Side 1 av 2');
    const ids = shown(card);
    expect(ids).toHaveLength(PORTFOLIO_PAGE_SIZE);
    expect(ids.slice(0, 4)).toEqual(['p-digital-hjemmeoppfolging', 'p-informasjonssikkerhet', 'p-oppvekstadministrativt-system', 'p-felles-sak-arkiv']);
    expect(ids.every((id) => demo.projects.find((x) => x.id === id)?.networkId === 'digitrondelag')).toBe(true);
    expect(notice(card)).toBeUndefined();
    expect(executesOf(card)).toContainEqual(expect.objectContaining({ verb: VERB.portfolioPage, data: { page: 2 } }));
  });

  it('filters by status label, and shows the filter in the card’s inputs', async () => {
    const card = cardOf(await portfolioCommand(turnIn(), { filters: 'status:i gang' }));
    expect(shown(card)).toEqual(['p-digital-hjemmeoppfolging', 'p-informasjonssikkerhet', 'p-oppvekstadministrativt-system', 'p-felles-sak-arkiv']);
    expect(textOf(card)).toContain('4 prosjekter · Side 1 av 1');
    expect(inputsOf(card).status?.value).toBe('active');
  });

  it('combines an owner given by name with an area', async () => {
    const card = cardOf(await portfolioCommand(turnIn(), { filters: 'eier:Trondheim område:arkivering' }));
    expect(shown(card)).toEqual(['p-ki-arkiv-saksbehandling']);
    expect(inputsOf(card).owner?.value).toBe('kommune-5001');
    expect(inputsOf(card).area?.value).toBe('arkivering');
  });

  it('says when no project fits', async () => {
    const card = cardOf(await portfolioCommand(turnIn(), { filters: 'status:i gang område:arkivering' }));
    expect(shown(card)).toEqual([]);
    expect(textOf(card)).toContain('Ingen prosjekter passer filteret.');
  });

  it('names an unknown filter key and a bad value in a notice, and keeps the filters it understood', async () => {
    const card = cardOf(await portfolioCommand(turnIn(), { filters: 'farge:blå status:ferdig horisont:H3' }));
    expect(notice(card)).toBe('Jeg kjenner ikke filteret «farge». Bruk status:, område:, horisont: eller eier:. «ferdig» er ikke en gyldig verdi for status.');
    expect(shown(card)).toEqual(['p-ki-arkiv-saksbehandling']);
    expect(inputsOf(card).horizon?.value).toBe('H3');
    expect(inputsOf(card).status?.value).toBe('*'); // «any»: a choice's value may not be empty in Adaptive Cards
  });

  it('speaks the sender’s language, labels included', async () => {
    const card = cardOf(await portfolioCommand(turnIn('digi-vestland', 'en'), { filters: 'status:completed' }));
    expect(headingOf(card)).toBe('The portfolio – Digi Vestland');
    expect(shown(card)).toEqual(['p-vl-digital-kompetanse']);
  });

  it('shows an empty portfolio as empty', async () => {
    const p = { ...emptyPortfolio(), networks: [aNetwork()] };
    const card = cardOf(await portfolioCommand(aTurn(p, { networkId: 'net-test' }).turn, { filters: '' }));
    expect(textOf(card)).toContain('0 prosjekter');
    expect(textOf(card)).toContain('Ingen prosjekter passer filteret.');
  });
});
