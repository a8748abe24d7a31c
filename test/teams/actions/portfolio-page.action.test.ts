import { VERB } from '../../../src/cards/actions';
import type { AdaptiveCard } from '../../../src/cards/card';
import { messages } from '../../../src/i18n';
import { portfolioPage } from '../../../src/teams/actions/portfolio-page.action';
import { actionsOf, cardOf, input, inputsOf, press, STRANGER, textOf, turnAs, VESTLAND } from './action-helpers';

/** The project rows: each row's selectAction opens the project. */
const rowsOf = (card: AdaptiveCard) =>
  (card.body as Array<Record<string, any>>).filter((x) => x.type === 'Container' && x.selectAction?.verb === VERB.projectShow).map((x) => x.selectAction.data.projectId as string);
const pageButtons = (card: AdaptiveCard) => actionsOf(card).filter((a) => a.verb === VERB.portfolioPage).map((a) => `${a.title}:${a.data.page}`);

describe('portfolio.page', () => {
  it('shows the first page of the network’s projects, with a button to the next', async () => {
    const { turn, store } = turnAs(STRANGER);
    const before = store.read();
    const reply = await press(turn, VERB.portfolioPage, {});
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Porteføljen – DigiTrøndelag');
    expect(textOf(card)).toContain('13 prosjekter · Side 1 av 2');
    expect(rowsOf(card)).toHaveLength(8);
    // Living projects first: the active ones head the list.
    expect(rowsOf(card).slice(0, 4).sort()).toEqual(['p-digital-hjemmeoppfolging', 'p-felles-sak-arkiv', 'p-informasjonssikkerhet', 'p-oppvekstadministrativt-system']);
    expect(pageButtons(card)).toEqual(['Filtrer:1', 'Neste:2']);
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(before);
  });

  it('pages on, and back', async () => {
    const { turn } = turnAs(STRANGER);
    const card = cardOf(await portfolioPage(turn, input(VERB.portfolioPage, { page: '2' })));
    expect(textOf(card)).toContain('Side 2 av 2');
    expect(rowsOf(card)).toHaveLength(5);
    expect(pageButtons(card)).toEqual(['Filtrer:1', 'Forrige:1']);
    const first = cardOf(await press(turn, VERB.portfolioPage, { page: 1 }));
    expect(rowsOf(first)).not.toEqual(expect.arrayContaining(rowsOf(card)));
  });

  it('keeps a page past the end on the last page', async () => {
    const card = cardOf(await press(turnAs(STRANGER).turn, VERB.portfolioPage, { page: 99 }));
    expect(textOf(card)).toContain('Side 2 av 2');
    expect(rowsOf(card)).toHaveLength(5);
  });

  it('filters by a status label, an area, a horizon and an owner, and shows the filters chosen', async () => {
    const { turn } = turnAs(STRANGER);
    const active = cardOf(await press(turn, VERB.portfolioPage, { status: 'i gang' }));
    expect(rowsOf(active).sort()).toEqual(['p-digital-hjemmeoppfolging', 'p-felles-sak-arkiv', 'p-informasjonssikkerhet', 'p-oppvekstadministrativt-system']);
    expect(inputsOf(active).status?.value).toBe('active');
    expect(textOf(active)).toContain('4 prosjekter · Side 1 av 1');

    const owned = cardOf(await press(turn, VERB.portfolioPage, { owner: 'kommune-5037' }));
    expect(rowsOf(owned).sort()).toEqual(['p-barnevern', 'p-digital-byggesak']);
    expect(inputsOf(owned).owner?.value).toBe('kommune-5037');
    const byName = cardOf(await press(turn, VERB.portfolioPage, { owner: 'Levanger' }));
    expect(rowsOf(byName).sort()).toEqual(['p-barnevern', 'p-digital-byggesak']);

    // "Arkivering" matches the area in any case; "2" is horizon H2. Of the two archiving projects, one is H2.
    const combined = cardOf(await press(turn, VERB.portfolioPage, { area: 'Arkivering', horizon: '2' }));
    expect(rowsOf(combined)).toEqual(['p-depot-digitalt-arkiv']);
    expect(inputsOf(combined).horizon?.value).toBe('H2');
    expect(inputsOf(combined).area?.value).toBe('arkivering');
  });

  it('says which filter value it did not understand, and shows the rest unfiltered', async () => {
    const card = cardOf(await press(turnAs(STRANGER).turn, VERB.portfolioPage, { status: 'ferdigish', horizon: 'H9' }));
    const text = textOf(card);
    expect(text).toContain('«ferdigish» er ikke en gyldig verdi for status.');
    expect(text).toContain('«H9» er ikke en gyldig verdi for horisont.');
    expect(text).toContain('13 prosjekter');
  });

  it('does not filter by an organisation of another network', async () => {
    const card = cardOf(await press(turnAs(STRANGER).turn, VERB.portfolioPage, { owner: 'kommune-4621' }));
    expect(textOf(card)).toContain('«kommune-4621» er ikke en gyldig verdi for eier.');
    expect(rowsOf(card).every((id) => !id.startsWith('p-vl-'))).toBe(true);
  });

  it('shows only the turn’s own network, in its language', async () => {
    const { turn } = turnAs(STRANGER, { networkId: VESTLAND, locale: 'nn' });
    const card = cardOf(await press(turn, VERB.portfolioPage, {}));
    const t = messages('nn');
    expect(textOf(card)).toContain(`${t.portfolio.title} – Digi Vestland`);
    expect(rowsOf(card).sort()).toEqual(['p-vl-barnevern', 'p-vl-digital-kompetanse', 'p-vl-digitalt-tilsyn', 'p-vl-informasjonstryggleik']);
  });

  it('refuses a page that is not a whole number from 1', () => {
    expect(() => input(VERB.portfolioPage, { page: 0 })).toThrow();
    expect(() => input(VERB.portfolioPage, { page: 'two' })).toThrow();
    expect(input(VERB.portfolioPage, {}).page).toBe(1);
  });
});
