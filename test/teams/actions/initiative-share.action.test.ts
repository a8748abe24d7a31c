import { VERB } from '../../../src/cards/actions';
import { messages } from '../../../src/i18n';
import { initiativeShare } from '../../../src/teams/actions/initiative-share.action';
import {
  actionsOf,
  asksToRegister,
  cardOf,
  effect,
  input,
  inputsOf,
  kindsOf,
  NILS,
  NOBODY,
  press,
  refused,
  STRANGER,
  textOf,
  TRONDELAG,
  turnAs,
  VESTLAND,
  VESTLAND_SECRETARIAT,
  withNobody,
} from './action-helpers';

const NOW = new Date('2026-09-14T08:30:00Z');
const FORM = {
  title: '  Felles opplæring i informasjonssikkerhet ',
  description: 'E-læring for alle tilsatte om phishing og passord.',
  level: 'regional',
  sourceOrganisationId: 'kommune-5057',
  area: 'informasjonssikkerhet',
  horizon: 'H2',
  link: 'https://example.org/opplaering',
  tags: 'sikkerhet; e-læring, phishing',
};

describe('initiative.share', () => {
  it('saves the initiative as the sender’s, open and without interest', async () => {
    const { turn, store } = turnAs(NILS, { now: NOW });
    await press(turn, VERB.initiativeShare, FORM);
    const saved = store.read().initiatives.at(-1);
    expect(store.read().initiatives).toHaveLength(turn.portfolio.initiatives.length + 1);
    expect(saved).toEqual({
      id: 'initiative-1',
      networkId: TRONDELAG,
      title: 'Felles opplæring i informasjonssikkerhet',
      description: 'E-læring for alle tilsatte om phishing og passord.',
      level: 'regional',
      sourceOrganisationId: 'kommune-5057',
      area: 'informasjonssikkerhet',
      horizon: 'H2',
      link: 'https://example.org/opplaering',
      tags: ['sikkerhet', 'e-læring', 'phishing'],
      status: 'open',
      interest: [],
      createdBy: 'person-nils-demoberg',
      createdAt: NOW.toISOString(),
      example: false,
    });
  });

  it('answers with the initiative, who shared it and who else does something like it', async () => {
    const { turn } = turnAs(NILS, { now: NOW });
    const reply = await initiativeShare(turn, input(VERB.initiativeShare, FORM));
    const text = textOf(cardOf(reply));
    expect(text).toContain('Felles opplæring i informasjonssikkerhet');
    expect(text).toContain('Delt av Nils Demoberg');
    expect(text).toContain('Kilde: Ørland');
    expect(text).toContain('Stikkord: sikkerhet, e-læring, phishing');
    expect(text).toContain('Andre som holder på med noe lignende');
    expect(text).toContain('Felles informasjonssikkerhetsarbeid · I gang');
    // Projects of networks that share with DigiTrøndelag are named with their network.
    expect(text).toMatch(/^- .+ \(i Digi Vestland\) · /m);
    expect(actionsOf(cardOf(reply)).map((a) => a.data.initiativeId)).toEqual(['initiative-1', 'initiative-1']);
  });

  it('replaces the form for everyone, and announces the initiative in the network’s channel', async () => {
    const { turn } = turnAs(NILS, { now: NOW });
    const reply = await press(turn, VERB.initiativeShare, FORM);
    expect(kindsOf(reply)).toEqual(['replaceShared', 'announce']);
    const shared = textOf(effect(reply, 'replaceShared').card);
    expect(shared).toContain('Delt av Nils Demoberg');
    expect(shared).toContain('Andre som holder på med noe lignende');
    const announce = effect(reply, 'announce');
    expect(announce.networkId).toBe(TRONDELAG);
    expect(announce.text).toBe('Nytt initiativ delt av Nils Demoberg');
    expect(textOf(announce.card)).toContain('Felles opplæring i informasjonssikkerhet');
  });

  it('announces in the network’s language whatever the sender’s', async () => {
    const { turn } = turnAs(VESTLAND_SECRETARIAT, { networkId: VESTLAND, locale: 'en', now: NOW });
    const reply = await press(turn, VERB.initiativeShare, { ...FORM, sourceOrganisationId: 'kommune-4601' });
    expect(textOf(cardOf(reply))).toContain(`${messages('en').initiative.level}: ${messages('en').initiative.levels.regional}`);
    const announced = textOf(effect(reply, 'announce').card);
    expect(announced).toContain(`${messages('nn').initiative.level}: ${messages('nn').initiative.levels.regional}`);
  });

  it('announces with a text in the network’s language too', async () => {
    const { turn } = turnAs(VESTLAND_SECRETARIAT, { networkId: VESTLAND, locale: 'en', now: NOW });
    const reply = await press(turn, VERB.initiativeShare, { ...FORM, sourceOrganisationId: 'kommune-4601' });
    expect(effect(reply, 'announce').text).toBe(messages('nn').initiative.announced('Solveig Dømesen'));
  });

  it('sends a form with mistakes back with the sender’s input and a sentence by each field, saving nothing', async () => {
    const { turn, store } = turnAs(NILS, { now: NOW });
    const before = store.read();
    const reply = await press(turn, VERB.initiativeShare, { ...FORM, title: '   ', area: 'romfart', link: 'javascript:alert(1)' });
    const card = cardOf(reply);
    const text = textOf(card);
    expect(text).toContain('Noe må rettes før skjemaet kan sendes:');
    expect(text).toContain('Må fylles ut.');
    expect(text).toContain('Velg et av nettverkets områder.');
    expect(text).toContain('Skriv en hel nettadresse som begynner med https://.');
    expect(inputsOf(card).description?.value).toBe(FORM.description);
    expect(inputsOf(card).link?.value).toBe('javascript:alert(1)');
    expect(actionsOf(card)).toEqual([{ title: 'Del initiativet', verb: VERB.initiativeShare, data: {} }]);
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(before);
  });

  it('refuses someone without a contributing role, saving nothing', async () => {
    const { turn, store } = turnAs(NOBODY, { portfolio: withNobody() });
    const before = store.read();
    await refused(press(turn, VERB.initiativeShare, FORM), 'ACCESS.DENIED', { permission: 'initiative.share' });
    expect(store.read()).toBe(before);
  });

  it('asks someone Flokk has not met to register first', async () => {
    const { turn, store } = turnAs(STRANGER);
    const before = store.read();
    await asksToRegister(press(turn, VERB.initiativeShare, FORM));
    expect(store.read()).toBe(before);
  });
});
