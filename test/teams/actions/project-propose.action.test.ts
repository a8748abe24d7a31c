import { VERB } from '../../../src/cards/actions';
import { messages } from '../../../src/i18n';
import { projectPropose } from '../../../src/teams/actions/project-propose.action';
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
  expectShared,
} from './action-helpers';

const NOW = new Date('2026-10-05T07:15:00Z');
const FORM = {
  title: 'Felles SOC for kommunene',
  summary: 'Døgnkontinuerlig overvåking av kommunenes nettverk.',
  ownerOrganisationId: 'kommune-5057',
  projectLeadId: 'person-nils-demoberg',
  participantOrganisationIds: 'kommune-5001,kommune-5057',
  area: 'informasjonssikkerhet',
  horizon: 'H2',
  mandate: 'Utrede og anskaffe en felles SOC.',
  budgetNok: '1 200 000',
  financing_digifin: '500000',
  financing_own_effort: '200 000',
  financingMayExceedBudget: 'false',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
};

describe('project.propose', () => {
  it('saves the proposal as «foreslått», in the idea phase, with its budget and financing in whole kroner', async () => {
    const { turn, store } = turnAs(NILS, { now: NOW });
    await press(turn, VERB.projectPropose, FORM);
    expect(store.read().projects).toHaveLength(turn.portfolio.projects.length + 1);
    expect(store.read().projects.at(-1)).toEqual({
      id: 'project-1',
      networkId: TRONDELAG,
      title: 'Felles SOC for kommunene',
      summary: 'Døgnkontinuerlig overvåking av kommunenes nettverk.',
      ownerOrganisationId: 'kommune-5057',
      projectLeadId: 'person-nils-demoberg',
      participantOrganisationIds: ['kommune-5057', 'kommune-5001'],
      area: 'informasjonssikkerhet',
      horizon: 'H2',
      status: 'proposed',
      phase: 'idea',
      mandate: 'Utrede og anskaffe en felles SOC.',
      budgetNok: 1_200_000,
      financing: [
        { source: 'digifin', amountNok: 500_000 },
        { source: 'own_effort', amountNok: 200_000 },
      ],
      financingMayExceedBudget: false,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      statusReports: [],
      history: [{ at: NOW.toISOString(), by: 'person-nils-demoberg', change: 'created', to: 'proposed' }],
      initiativeId: undefined,
      createdBy: 'person-nils-demoberg',
      createdAt: NOW.toISOString(),
      example: false,
    });
  });

  it('answers with the project card, replaces the form with it and announces the proposal', async () => {
    const { turn } = turnAs(NILS, { now: NOW });
    const reply = await projectPropose(turn, input(VERB.projectPropose, FORM));
    const text = textOf(cardOf(reply));
    expect(text).toContain('Felles SOC for kommunene');
    expect(text).toContain('Status: Foreslått');
    expect(text).toContain('Fase: Idé');
    expect(text).toMatch(/Budsjett: 1\s200\s000 kr/);
    expect(text).toContain('Deltakere: Ørland, Trondheim');
    // The proposer may withdraw (behind «Er du sikker?»), not put it to the board: the card says who may.
    expect(actionsOf(cardOf(reply)).map((a) => `${a.data.transition}:${a.data.projectId}`)).toEqual(['withdraw:project-1']);
    expect(text).toContain('Bare sekretariatet kan sende et forslag til behandling i programstyret.');
    expect(kindsOf(reply)).toEqual(['replaceShared', 'announce']);
    // Everyone sees the shared card (no buttons but «Vis mine valg»); the presser their own view, without a refresh.
    expectShared(effect(reply, 'replaceShared').card, VERB.projectShow, { projectId: expect.any(String) });
    expect(cardOf(reply).refresh).toBeUndefined();
    const announce = effect(reply, 'announce');
    expect(announce).toMatchObject({ networkId: TRONDELAG, text: 'Nytt prosjektforslag fra Nils Demoberg' });
    expect(textOf(announce.card)).toContain('Felles SOC for kommunene');
  });

  it('marks the initiative it came from as proposed, with the project', async () => {
    const { turn, store } = turnAs(NILS, { now: NOW });
    await press(turn, VERB.projectPropose, { ...FORM, initiativeId: 'i-kartportal-fosen' });
    expect(store.read().projects.at(-1)?.initiativeId).toBe('i-kartportal-fosen');
    expect(store.read().initiatives.find((i) => i.id === 'i-kartportal-fosen')).toMatchObject({ status: 'proposed', projectId: 'project-1' });
  });

  it.each([
    ['financing above the budget', { budgetNok: '600000' }, 'Finansieringen er større enn budsjettet.'],
    ['an end before the start', { endDate: '2026-12-31' }, 'Sluttdato må være etter startdato.'],
    ['an owner of another network', { ownerOrganisationId: 'kommune-4601' }, 'Må være en medlemsorganisasjon i nettverket.'],
    ['a budget with decimals', { budgetNok: '12,5' }, 'Skriv hele kroner, uten desimaler'],
    ['no title', { title: ' ' }, 'Må fylles ut.'],
    ['a horizon that does not exist', { horizon: 'H4' }, 'Ugyldig verdi.'],
  ])('sends the form back for %s, with the sender’s input, saving nothing', async (_what, change, sentence) => {
    const { turn, store } = turnAs(NILS, { now: NOW });
    const before = store.read();
    const reply = await press(turn, VERB.projectPropose, { ...FORM, ...change });
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Noe må rettes før skjemaet kan sendes:');
    expect(textOf(card)).toContain(sentence);
    expect(inputsOf(card).mandate?.value).toBe(FORM.mandate);
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(before);
  });

  it('lets the financing exceed the budget when the proposer says so', async () => {
    const { turn, store } = turnAs(NILS, { now: NOW });
    await press(turn, VERB.projectPropose, { ...FORM, budgetNok: '600000', financingMayExceedBudget: 'true' });
    expect(store.read().projects.at(-1)).toMatchObject({ budgetNok: 600_000, financingMayExceedBudget: true });
  });

  it('announces in the network’s language whatever the sender’s', async () => {
    const { turn } = turnAs(VESTLAND_SECRETARIAT, { networkId: VESTLAND, locale: 'en', now: NOW });
    const reply = await press(turn, VERB.projectPropose, { ...FORM, ownerOrganisationId: 'kommune-4601', participantOrganisationIds: '', projectLeadId: '' });
    expect(textOf(cardOf(reply))).toContain(`${messages('en').project.status}: ${messages('en').labels.status.proposed}`);
    expect(textOf(effect(reply, 'announce').card)).toContain(`${messages('nn').project.status}: ${messages('nn').labels.status.proposed}`);
  });

  it('announces with a text in the network’s language too', async () => {
    const { turn } = turnAs(VESTLAND_SECRETARIAT, { networkId: VESTLAND, locale: 'en', now: NOW });
    const reply = await press(turn, VERB.projectPropose, { ...FORM, ownerOrganisationId: 'kommune-4601', participantOrganisationIds: '', projectLeadId: '' });
    expect(effect(reply, 'announce').text).toBe(messages('nn').proposal.announced('Solveig Dømesen'));
  });

  it('does not link a proposal to an initiative of another network', async () => {
    const { turn, store } = turnAs(NILS, { now: NOW });
    await press(turn, VERB.projectPropose, { ...FORM, initiativeId: 'i-vl-heimeoppfolging-bergen' }).catch(() => undefined);
    // Refusing the form, or saving the project without the link, would both do.
    expect(store.read().projects.find((x) => x.title === FORM.title)?.initiativeId).not.toBe('i-vl-heimeoppfolging-bergen');
  });

  it('refuses someone who may not propose, saving nothing', async () => {
    const { turn, store } = turnAs(NOBODY, { portfolio: withNobody() });
    const before = store.read();
    await refused(press(turn, VERB.projectPropose, FORM), 'ACCESS.DENIED', { permission: 'project.propose' });
    expect(store.read()).toBe(before);
  });

  it('asks someone Flokk has not met to register first', async () => {
    const { turn, store } = turnAs(STRANGER);
    const before = store.read();
    await asksToRegister(press(turn, VERB.projectPropose, FORM));
    expect(store.read()).toBe(before);
  });
});
