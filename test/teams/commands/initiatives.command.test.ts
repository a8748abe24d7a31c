import { VERB } from '../../../src/cards/actions';
import { demoPortfolio } from '../../../src/flokk';
import { initiatives } from '../../../src/teams/commands/initiatives.command';
import { aPortfolio } from '../../builders';
import { STRANGER } from '../../fixtures/activities';
import { cardOf, executesOf, headingOf, textOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const demo = demoPortfolio();
const list = async (filters: string, locale: 'nb' | 'en' = 'nb', networkId = 'digitrondelag') => {
  const { turn, store } = aTurn(demo, { networkId, locale, from: STRANGER });
  const card = cardOf(await initiatives(turn, { filters }));
  expect(store.read()).toBe(demo);
  return card;
};
const ids = (card: ReturnType<typeof cardOf>) => executesOf(card).filter((a) => a.verb === VERB.initiativeShow).map((a) => a.data.initiativeId);
const notice = (card: ReturnType<typeof cardOf>) =>
  (card.body.find((b) => (b as { weight?: string; size?: string }).weight === 'Bolder' && !(b as { size?: string }).size) as { text?: string } | undefined)?.text;

describe('initiatives', () => {
  it('lists the network’s initiatives, newest first, each opening its card', async () => {
    const card = await list('');
    expect(headingOf(card)).toBe('Initiativ');
    expect(textOf(card)).toContain('4 initiativ');
    expect(ids(card)).toEqual(['i-digi-vestland-informasjonstryggleik', 'i-kartportal-fosen', 'i-felles-kommunal-journal', 'i-digibarnevern']);
    expect(textOf(card)).toContain('Nasjonalt · eHelse · Åpent · Interesse: 2');
    expect(notice(card)).toBeUndefined();
  });

  it('filters by level, by its label', async () => {
    expect(ids(await list('nivå:nasjonalt'))).toEqual(['i-felles-kommunal-journal', 'i-digibarnevern']);
    expect(ids(await list('level:regional', 'en'))).toEqual(['i-kartportal-fosen']);
  });

  it('filters by free text before the first key, and by status', async () => {
    expect(ids(await list('journal'))).toEqual(['i-felles-kommunal-journal']);
    expect(ids(await list('status:åpent'))).toEqual(['i-digi-vestland-informasjonstryggleik', 'i-kartportal-fosen', 'i-felles-kommunal-journal']);
    expect(ids(await list('barnevern status:foreslått som prosjekt'))).toEqual(['i-digibarnevern']);
  });

  it('filters by an organisation that shared or wants in, and by part of an area', async () => {
    expect(ids(await list('organisasjon:Ørland'))).toEqual(['i-digi-vestland-informasjonstryggleik', 'i-kartportal-fosen']);
    expect(ids(await list('org:Indre Fosen'))).toEqual(['i-kartportal-fosen', 'i-felles-kommunal-journal']);
    expect(ids(await list('område:eHe'))).toEqual(['i-felles-kommunal-journal']);
  });

  it('names each value it could not use, by the key as typed, and ignores that filter', async () => {
    const card = await list('nivå:galaktisk org:Xyzzy');
    expect(notice(card)).toBe('«galaktisk» er ikke en gyldig verdi for nivå. «Xyzzy» er ikke en gyldig verdi for org.');
    expect(ids(card)).toHaveLength(4);
  });

  it('names an unknown filter key', async () => {
    expect(notice(await list('farge:blå'))).toContain('«farge»');
  });

  // Was a BUG: the notice was the portfolio's, advising "horisont:" and "eier:"; now it names this list's keys.
  it('advises the filter keys the initiative list understands when a key is unknown', async () => {
    const text = notice(await list('farge:blå'))!;
    expect(text).toContain('nivå:');
    expect(text).not.toContain('eier:');
  });

  it('says when nothing fits', async () => {
    const card = await list('nivå:kommunalt');
    expect(ids(card)).toEqual([]);
    expect(textOf(card)).toContain('Ingen initiativ passer.');
  });

  it('keeps to the turn’s network', async () => {
    expect(ids(await list('', 'nb', 'digi-vestland'))).toEqual(['i-vl-heimeoppfolging-bergen']);
    const empty = cardOf(await initiatives(aTurn(aPortfolio(), { networkId: 'net-test' }).turn, { filters: '' }));
    expect(textOf(empty)).toContain('0 initiativ');
  });
});
