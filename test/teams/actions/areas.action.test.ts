import { VERB } from '../../../src/cards/actions';
import { OTHER_AREA } from '../../../src/domain/areas';
import { validateInitiative } from '../../../src/domain/initiatives';
import { validateProposal } from '../../../src/domain/projects';
import { areasSet, areasShow } from '../../../src/teams/actions/areas.action';
import { cardOf, demo, inputsOf, NILS, press, refused, SECRETARIAT, textOf, turnAs, TRONDELAG, VESTLAND_SECRETARIAT } from './action-helpers';

const areasOf = (p: { networks: Array<{ id: string; areas: readonly string[] }> }, id = TRONDELAG) => p.networks.find((n) => n.id === id)?.areas;

describe('areas.show', () => {
  it('shows the secretariat its network’s areas, one per line, to change', async () => {
    const { turn, store } = turnAs(SECRETARIAT);
    const card = cardOf(await press(turn, VERB.areasShow, {}));
    expect(textOf(card)).toContain('Nettverkets områder: DigiTrøndelag');
    expect(inputsOf(card).areas?.value).toBe(areasOf(store.read())!.join('\n'));
  });

  it('is for the secretariat only', async () => {
    await refused(press(turnAs(NILS).turn, VERB.areasShow, {}), 'ACCESS.DENIED', { permission: 'areas.manage' });
  });
});

describe('areas.set', () => {
  it('saves the list as written, without blank lines or repeats, and says so', async () => {
    const { turn, store } = turnAs(SECRETARIAT);
    const card = cardOf(await press(turn, VERB.areasSet, { areas: '  Klima og miljø \n\nvelferdsteknologi\nVelferdsteknologi\r\noppvekst' }));
    expect(areasOf(store.read())).toEqual(['Klima og miljø', 'velferdsteknologi', 'oppvekst']);
    expect(textOf(card)).toContain('Områdene er lagret: Klima og miljø, velferdsteknologi, oppvekst.');
    expect(areasOf(store.read(), 'digi-vestland')).toEqual(areasOf(demo(), 'digi-vestland'));
  });

  it('changes only the secretariat’s own network', async () => {
    const { turn, store } = turnAs(VESTLAND_SECRETARIAT, { networkId: 'digi-vestland' });
    await press(turn, VERB.areasSet, { areas: 'helse' });
    expect(areasOf(store.read(), 'digi-vestland')).toEqual(['helse']);
    expect(areasOf(store.read())).toEqual(areasOf(demo()));
  });

  it.each([
    ['an empty list', ' \n ', 'Må fylles ut.'],
    ['too many', Array.from({ length: 51 }, (_, i) => `område ${i}`).join('\n'), 'Høyst 50 områder.'],
    ['one too long', `${'x'.repeat(101)}\noppvekst`, 'Et område kan være høyst 100 tegn.'],
  ])('gives %s back as typed, with why, and saves nothing', async (_what, typed, why) => {
    const { turn, store } = turnAs(SECRETARIAT);
    const before = store.read();
    const card = cardOf(await press(turn, VERB.areasSet, { areas: typed }));
    expect(textOf(card)).toContain(why);
    expect(inputsOf(card).areas?.value).toBe(typed);
    expect(store.read()).toBe(before);
  });

  it('is for the secretariat only, and changes nothing otherwise', async () => {
    const { turn, store } = turnAs(NILS);
    const before = store.read();
    await refused(press(turn, VERB.areasSet, { areas: 'alt mulig' }), 'ACCESS.DENIED', { permission: 'areas.manage' });
    expect(store.read()).toBe(before);
  });
});

describe('«annet» in the forms', () => {
  const proposal = { title: 'Beredskapsplan', ownerOrganisationId: 'kommune-5001', horizon: 'H1' };
  const initiative = { title: 'Felles beredskap', level: 'municipal' };

  it('takes the area typed beside «annet», even one the list does not have', () => {
    const p = demo();
    expect(validateProposal(p, TRONDELAG, { ...proposal, area: OTHER_AREA, areaOther: ' Beredskap ' })).toMatchObject({ ok: true, value: { area: 'Beredskap' } });
    expect(validateInitiative(p, TRONDELAG, { ...initiative, area: OTHER_AREA, areaOther: 'Beredskap' })).toMatchObject({ ok: true, value: { area: 'Beredskap' } });
  });

  it('asks for the text when «annet» is chosen without it, under the text field', () => {
    const r = validateProposal(demo(), TRONDELAG, { ...proposal, area: OTHER_AREA, areaOther: '  ' });
    expect(r).toEqual({ ok: false, errors: { areaOther: 'required' } });
  });

  it('still refuses an area from the list the network does not have', () => {
    const r = validateProposal(demo(), TRONDELAG, { ...proposal, area: 'finnes ikke' });
    expect(r).toEqual({ ok: false, errors: { area: 'unknownArea' } });
  });
});
