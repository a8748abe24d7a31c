import { VERB } from '../../../src/cards/actions';
import { initiativeShow } from '../../../src/teams/actions/initiative-show.action';
import { actionsOf, cardOf, input, NILS, PER, press, refused, STRANGER, textOf, turnAs, VESTLAND } from './action-helpers';

describe('initiative.show', () => {
  it('shows the initiative: level, source, area, who wants in, and the buttons', async () => {
    const { turn, store } = turnAs(NILS);
    const before = store.read();
    const reply = await press(turn, VERB.initiativeShow, { initiativeId: 'i-felles-kommunal-journal' });
    const card = cardOf(reply);
    const text = textOf(card);
    expect(card.body[0]).toMatchObject({ text: 'Felles kommunal journal' });
    expect(text).toContain('Nivå: Nasjonalt');
    expect(text).toContain('Kilde: KS');
    expect(text).toContain('Område: eHelse');
    expect(text).toContain('2 organisasjoner vil være med: Namsos, Indre Fosen');
    expect(text).not.toContain('er med.');
    expect(actionsOf(card)).toEqual([
      { title: 'Vi vil være med', verb: VERB.initiativeInterest, data: { initiativeId: 'i-felles-kommunal-journal' } },
      { title: 'Foreslå som prosjekt', verb: VERB.initiativePropose, data: { initiativeId: 'i-felles-kommunal-journal' } },
    ]);
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(before);
  });

  it('tells a viewer whose organisation is in, and offers to take it back', async () => {
    const { turn } = turnAs(PER);
    const card = cardOf(await initiativeShow(turn, input(VERB.initiativeShow, { initiativeId: 'i-felles-kommunal-journal' })));
    expect(textOf(card)).toContain('Namsos er med.');
    expect(actionsOf(card)[0]?.title).toBe('Vi trekker oss');
  });

  it('shows an initiative to someone Flokk has not met', async () => {
    const card = cardOf(await press(turnAs(STRANGER).turn, VERB.initiativeShow, { initiativeId: 'i-kartportal-fosen' }));
    expect(textOf(card)).toContain('Felles kartportal for Fosen');
    expect(actionsOf(card)[0]?.title).toBe('Vi vil være med');
  });

  it('offers no proposal for an initiative already proposed as a project', async () => {
    const card = cardOf(await press(turnAs(NILS).turn, VERB.initiativeShow, { initiativeId: 'i-digibarnevern' }));
    expect(textOf(card)).toContain('Status: Foreslått som prosjekt');
    expect(actionsOf(card).map((a) => a.verb)).toEqual([VERB.initiativeInterest]);
  });

  it('does not show an initiative of another network', async () => {
    await refused(press(turnAs(NILS).turn, VERB.initiativeShow, { initiativeId: 'i-vl-heimeoppfolging-bergen' }), 'INITIATIVE.NOT_FOUND');
    const vestland = cardOf(await press(turnAs(undefined, { networkId: VESTLAND }).turn, VERB.initiativeShow, { initiativeId: 'i-vl-heimeoppfolging-bergen' }));
    expect(textOf(vestland)).toContain('Digital heimeoppfølging i Bergen');
  });
});
