import { readFile } from 'node:fs/promises';
import { VERB } from '../../src/cards/actions';
import { Portfolio } from '../../src/domain/schema';
import { readPortfolioFile } from '../../src/store/load-portfolio';
import { LowdbStore } from '../../src/store/lowdb-store';
import { HANNE, installed, NILS, SECRETARIAT, STRANGER, type User } from '../fixtures/activities';
import { cardOf, inputIdsOf, startTestBot, textOf, type TestBot } from './harness';

/**
 * Initiatives, interest, proposals, the lifecycle and announcements, through POST /api/messages
 * with Teams-shaped messages and adaptiveCard/action invokes.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot.stop());

const as = (from: User, extra: Record<string, unknown> = {}) => ({ from, ...extra });
const press = async (verb: string, data: Record<string, unknown>, from: User, extra: Record<string, unknown> = {}) => {
  const { status, body } = await bot.press(verb, data, as(from, extra));
  expect(status).toBe(200);
  return body as { type: string; value: any };
};
const inputIds = inputIdsOf;

const validInitiative = {
  title: 'Felles løsning for digital postkasse til innbyggere',
  description: 'KS og Digdir samordner digital post fra kommunene. Vi vil ta det i bruk sammen.',
  level: 'national',
  sourceOrganisationId: '',
  sourceName: 'KS',
  area: 'felles sak-/arkivsystem',
  horizon: 'H1',
  link: 'https://www.ks.no/',
  tags: 'post, innbygger',
};

describe('announcement channel', () => {
  it('remembers the channel Flokk is installed in, and the secretariat makes it the announcement channel', async () => {
    await bot.post(installed({ serviceUrl: bot.connector.serviceUrl, where: 'channel' }));
    expect(bot.flokk.store.read().conversations.map((c) => c.ref.conversationId)).toContain('19:general@thread.tacv2');
    const [reply] = await bot.say('kunngjøringer her', { where: 'channel' });
    expect(reply!.activity.text).toContain('Denne kanalen er nå kunngjøringskanal for DigiTrøndelag');
    const announce = bot.flokk.store.read().conversations.filter((c) => c.announce);
    expect(announce.map((c) => c.ref.conversationId)).toEqual(['19:general@thread.tacv2']);
  });

  it('refuses anyone but the secretariat, and refuses a personal chat', async () => {
    const [denied] = await bot.say('kunngjøringer her', { where: 'channel', from: NILS });
    expect(denied!.activity.text).toBe('Bare sekretariatet kan velge kunngjøringskanal.');
    const [personal] = await bot.say('kunngjøringer her');
    expect(personal!.activity.text).toContain('må være en kanal i et team');
  });
});

describe('sharing an initiative', () => {
  it('opens the form with the title from the command', async () => {
    const [reply] = await bot.say('del initiativ Felles digital postkasse', { from: NILS, where: 'channel' });
    const inputs = inputIds(cardOf(reply!));
    expect(inputs.title.value).toBe('Felles digital postkasse');
    expect(Object.keys(inputs)).toEqual(expect.arrayContaining(['title', 'description', 'level', 'sourceOrganisationId', 'area', 'horizon', 'link', 'tags']));
  });

  it('re-renders an invalid form with the input kept and each field named', async () => {
    const before = bot.flokk.store.read().initiatives.length;
    const body = await press(VERB.initiativeShare, { ...validInitiative, title: '   ', link: 'ftp://nope', area: 'kosmologi' }, NILS);
    const inputs = inputIds(body.value);
    expect(inputs.description.value).toBe(validInitiative.description);
    expect(inputs.tags.value).toBe(validInitiative.tags);
    expect(inputs.link.value).toBe('ftp://nope');
    const text = textOf(body.value);
    expect(text).toContain('Noe må rettes før skjemaet kan sendes:');
    expect(text).toContain('Må fylles ut.');
    expect(text).toContain('Skriv en hel nettadresse som begynner med https://.');
    expect(text).toContain('Velg et av nettverkets områder.');
    expect(bot.flokk.store.read().initiatives).toHaveLength(before);
  });

  it('names the fields in English too', async () => {
    const body = await press(VERB.initiativeShare, { ...validInitiative, title: '' }, NILS, { locale: 'en-US' });
    expect(textOf(body.value)).toContain('Required.');
  });

  it('saves a valid initiative, shows who else is doing something similar, updates the shared card and announces it', async () => {
    bot.connector.take();
    const body = await press(VERB.initiativeShare, validInitiative, NILS, { where: 'channel' });
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const text = textOf(body.value);
    expect(text).toContain(validInitiative.title);
    expect(text).toContain('Delt av Nils Demoberg');
    expect(text).toContain('Andre som holder på med noe lignende');
    const saved = bot.flokk.store.read().initiatives.find((i) => i.title === validInitiative.title)!;
    expect(saved).toMatchObject({ level: 'national', sourceName: 'KS', tags: ['post', 'innbygger'], createdBy: 'person-nils-demoberg', status: 'open' });
    await bot.flokk.outbox.idle();
    const sent = bot.connector.take();
    expect(sent.filter((s) => s.method === 'PUT')).toHaveLength(1);
    const announced = sent.filter((s) => s.method === 'POST' && s.conversationId === '19:general@thread.tacv2');
    expect(announced).toHaveLength(1);
    expect(textOf(announced[0]!)).toContain('Nytt initiativ delt av Nils Demoberg');
  });

  it('is refused to someone without a contributing role, with the reason', async () => {
    await press(VERB.memberRegister, { organisationId: 'kommune-5025' }, STRANGER);
    // The request goes to the secretariat in the announcement channel; let that post go before listening for the reply.
    await bot.flokk.outbox.idle();
    const [reply] = await bot.say('del initiativ Noe nytt', { from: STRANGER });
    expect(reply!.activity.text).toContain('Bare medlemmer av ressursgruppa, programstyret og sekretariatet kan dele initiativ');
  });

  it('lists and searches initiatives with filters', async () => {
    const all = textOf((await bot.say('initiativer'))[0]!);
    expect(all).toContain(validInitiative.title);
    expect(all).toContain('Felles kommunal journal');
    const national = textOf((await bot.say('initiativer postkasse nivå:nasjonalt'))[0]!);
    expect(national).toContain('1 initiativ');
    const byArea = textOf((await bot.say('initiativer område:ehelse'))[0]!);
    expect(byArea).not.toContain(validInitiative.title);
    expect(textOf((await bot.say('initiativer farge:blå'))[0]!)).toContain('Jeg kjenner ikke filteret «farge»');
  });
});

describe('interest', () => {
  const initiativeId = () => bot.flokk.store.read().initiatives.find((i) => i.title === validInitiative.title)!.id;

  it('counts one mark per organisation, shows the names, and toggles off', async () => {
    const id = initiativeId();
    await press(VERB.initiativeInterest, { initiativeId: id }, NILS);
    const body = await press(VERB.initiativeInterest, { initiativeId: id }, HANNE);
    expect(textOf(body.value)).toContain('2 organisasjoner vil være med: Ørland, Levanger');
    expect(textOf(body.value)).toContain('Levanger er med.');
    expect(body.value.actions[0].title).toBe('Vi trekker oss');
    const off = await press(VERB.initiativeInterest, { initiativeId: id }, NILS);
    expect(textOf(off.value)).toContain('1 organisasjon vil være med: Levanger');
    expect(off.value.actions[0].title).toBe('Vi vil være med');
  });

  it('attributes a forged organisation in the card data to the real sender’s organisation', async () => {
    const id = initiativeId();
    await press(VERB.initiativeInterest, { initiativeId: id, organisationId: 'kommune-5001', personId: 'person-sekretariat' }, NILS);
    const marks = bot.flokk.store.read().initiatives.find((i) => i.id === id)!.interest;
    expect(marks.map((m) => [m.organisationId, m.personId])).toContainEqual(['kommune-5057', 'person-nils-demoberg']);
    expect(marks.map((m) => m.organisationId)).not.toContain('kommune-5001');
  });

  it('asks a person it does not know which organisation they represent, then records their interest in their own name until confirmed', async () => {
    const newcomer: User = { id: '29:newcomer', name: 'Nina Nykommer', aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000001' };
    const id = initiativeId();
    const ask = await press(VERB.initiativeInterest, { initiativeId: id }, newcomer);
    expect(textOf(ask.value)).toContain('Hvilken organisasjon representerer du?');
    const register = ask.value.actions[0];
    expect(register.verb).toBe(VERB.memberRegister);
    const done = await press(register.verb, { ...register.data, organisationId: 'kommune-5036' }, newcomer);
    // The choice is a request for the secretariat: the press is not resumed, and Frosta is not marked.
    expect(done.value).toContain('bekrefter at du representerer Frosta');
    const person = bot.flokk.store.read().people.find((x) => x.aadObjectId === newcomer.aadObjectId)!;
    expect(person).toMatchObject({ name: 'Nina Nykommer', requestedOrganisationId: 'kommune-5036', roles: [] });
    expect(person).not.toHaveProperty('organisationId');
    const again = await press(VERB.initiativeInterest, { initiativeId: id }, newcomer);
    expect(textOf(again.value)).toContain('I eget navn: Nina Nykommer');
    const marks = bot.flokk.store.read().initiatives.find((i) => i.id === id)!.interest;
    expect(marks.map((m) => m.organisationId)).not.toContain('kommune-5036');
    expect(marks).toContainEqual(expect.objectContaining({ personId: person.id }));
    expect(marks.find((m) => m.personId === person.id)).not.toHaveProperty('organisationId');
  });
});

describe('proposing a project from the initiative and putting it to the board', () => {
  let projectId: string;

  it('opens the proposal form prefilled from the initiative', async () => {
    const initiative = bot.flokk.store.read().initiatives.find((i) => i.title === validInitiative.title)!;
    const body = await press(VERB.initiativePropose, { initiativeId: initiative.id }, NILS);
    const inputs = inputIds(body.value);
    expect(inputs.title.value).toBe(validInitiative.title);
    expect(inputs.summary.value).toBe(validInitiative.description);
    expect(inputs.ownerOrganisationId.value).toBe('kommune-5057');
    expect(body.value.actions[0].data).toEqual({ initiativeId: initiative.id });
  });

  it('validates the proposal: member owner, whole kroner, financing within budget, end after start', async () => {
    const body = await press(
      VERB.projectPropose,
      {
        title: 'Digital postkasse',
        ownerOrganisationId: 'kommune-4601',
        area: 'felles sak-/arkivsystem',
        horizon: 'H1',
        budgetNok: '1 000 000',
        financing_digifin: '900000',
        financing_member_contributions: '200000,50',
        startDate: '2027-06-01',
        endDate: '2027-01-01',
      },
      NILS,
    );
    const text = textOf(body.value);
    expect(text).toContain('Må være en medlemsorganisasjon i nettverket.');
    expect(text).toContain('Skriv hele kroner');
    expect(inputIds(body.value).budgetNok.value).toBe('1 000 000');
    const second = await press(
      VERB.projectPropose,
      { title: 'Digital postkasse', ownerOrganisationId: 'kommune-5057', area: 'felles sak-/arkivsystem', horizon: 'H1', budgetNok: '1000000', financing_digifin: '900000', financing_member_contributions: '200000', startDate: '2027-06-01', endDate: '2027-01-01' },
      NILS,
    );
    expect(textOf(second.value)).toContain('Finansieringen er større enn budsjettet');
    expect(textOf(second.value)).toContain('Sluttdato må være etter startdato.');
  });

  it('saves a valid proposal as «foreslått» with a history entry and links the initiative', async () => {
    const initiative = bot.flokk.store.read().initiatives.find((i) => i.title === validInitiative.title)!;
    bot.connector.take();
    const body = await press(
      VERB.projectPropose,
      {
        initiativeId: initiative.id,
        title: 'Digital postkasse for innbyggere',
        summary: 'Felles innføring av digital postkasse.',
        ownerOrganisationId: 'kommune-5057',
        projectLeadId: 'person-nils-demoberg',
        participantOrganisationIds: 'kommune-5037,kommune-5001',
        area: 'felles sak-/arkivsystem',
        horizon: 'H1',
        mandate: 'Innføre digital postkasse i deltakerkommunene.',
        budgetNok: '1 200 000',
        financing_digifin: '600000',
        financing_member_contributions: '600000',
        financingMayExceedBudget: 'false',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
      },
      NILS,
      { where: 'channel' },
    );
    expect(textOf(body.value)).toContain('Foreslått');
    const project = bot.flokk.store.read().projects.find((x) => x.title === 'Digital postkasse for innbyggere')!;
    projectId = project.id;
    expect(project).toMatchObject({
      status: 'proposed',
      ownerOrganisationId: 'kommune-5057',
      participantOrganisationIds: ['kommune-5057', 'kommune-5037', 'kommune-5001'],
      budgetNok: 1_200_000,
      createdBy: 'person-nils-demoberg',
      initiativeId: initiative.id,
    });
    expect(project.financing).toEqual([
      { source: 'member_contributions', amountNok: 600000 },
      { source: 'digifin', amountNok: 600000 },
    ]);
    expect(project.history).toEqual([expect.objectContaining({ by: 'person-nils-demoberg', change: 'created', to: 'proposed' })]);
    expect(bot.flokk.store.read().initiatives.find((i) => i.id === initiative.id)).toMatchObject({ status: 'proposed', projectId });
    await bot.flokk.outbox.idle();
    const announced = bot.connector.take().filter((s) => s.method === 'POST' && s.conversationId === '19:general@thread.tacv2');
    expect(textOf(announced[0]!)).toContain('Nytt prosjektforslag fra Nils Demoberg');
  });

  it('lets only the secretariat put it to the board, even with forged card data', async () => {
    const forged = await press(VERB.projectTransition, { projectId, transition: 'submit', from: SECRETARIAT, aadObjectId: SECRETARIAT.aadObjectId }, NILS);
    expect(forged.value).toBe('Bare sekretariatet kan sende et forslag til behandling i programstyret.');
    expect(bot.flokk.store.read().projects.find((x) => x.id === projectId)!.status).toBe('proposed');
    const body = await press(VERB.projectTransition, { projectId, transition: 'submit' }, SECRETARIAT);
    expect(textOf(body.value)).toContain('Til behandling');
    const project = bot.flokk.store.read().projects.find((x) => x.id === projectId)!;
    expect(project.status).toBe('under_consideration');
    expect(project.history.at(-1)).toMatchObject({ by: 'person-sekretariat', change: 'status', from: 'proposed', to: 'under_consideration' });
  });

  it('does not let a decision-only change through a button', async () => {
    const body = await press(VERB.projectTransition, { projectId, transition: 'approve' }, SECRETARIAT);
    expect(body.value).toBe('Det kortet sendte noe jeg ikke kan bruke. Prøv igjen fra et nytt kort.');
    const again = await press(VERB.projectTransition, { projectId, transition: 'submit' }, SECRETARIAT);
    expect(again.value).toBe('Den statusendringen er ikke mulig for prosjektet slik det står nå.');
  });

  it('lets the proposer withdraw it', async () => {
    const body = await press(VERB.projectTransition, { projectId, transition: 'withdraw' }, NILS);
    expect(textOf(body.value)).toContain('Trukket');
  });
});

describe('an approved project moves forward by its owner', () => {
  it('is started by the owner organisation, not by another member', async () => {
    const denied = await press(VERB.projectTransition, { projectId: 'p-barnevern', transition: 'start' }, NILS);
    expect(denied.value).toBe('Bare eierorganisasjonen og sekretariatet kan endre status og fase for et vedtatt prosjekt.');
    const started = await press(VERB.projectTransition, { projectId: 'p-barnevern', transition: 'start' }, HANNE);
    expect(textOf(started.value)).toContain('I gang');
    const phased = await press(VERB.projectPhase, { projectId: 'p-barnevern', phase: 'execution' }, HANNE);
    expect(textOf(phased.value)).toContain('Gjennomføre');
    const history = bot.flokk.store.read().projects.find((x) => x.id === 'p-barnevern')!.history.slice(-2);
    expect(history).toEqual([
      expect.objectContaining({ by: 'person-hanne-provemo', change: 'status', from: 'approved', to: 'active' }),
      expect.objectContaining({ by: 'person-hanne-provemo', change: 'phase', to: 'execution' }),
    ]);
  });

  it('takes status reports from the owner organisation and shows the latest with a trend', async () => {
    const [form] = await bot.say('statusrapport barnevern', { from: HANNE });
    expect(Object.keys(inputIds(cardOf(form!)))).toEqual(expect.arrayContaining(['overall', 'time', 'budget', 'quality', 'overallComment']));
    const refused = await press(VERB.projectReport, { projectId: 'p-barnevern', overall: 'green', time: 'green', budget: 'green', quality: 'green' }, NILS);
    expect(refused.value).toBe('Bare eierorganisasjonen og prosjektlederen kan levere statusrapport.');
    const invalid = await press(VERB.projectReport, { projectId: 'p-barnevern', overall: 'purple', time: 'green', budget: 'green', quality: 'green', timeComment: 'I rute' }, HANNE);
    expect(textOf(invalid.value)).toContain('Ugyldig verdi.');
    expect(inputIds(invalid.value).timeComment.value).toBe('I rute');
    const saved = await press(
      VERB.projectReport,
      { projectId: 'p-barnevern', overall: 'yellow', overallComment: 'Forsinket leveranse', time: 'red', timeComment: 'To uker etter', budget: 'green', quality: 'green' },
      HANNE,
    );
    const text = textOf(saved.value);
    expect(text).toContain('Samlet: Gul – Forsinket leveranse');
    expect(text).toContain('Tid: Rød – To uker etter');
    const reports = bot.flokk.store.read().projects.find((x) => x.id === 'p-barnevern')!.statusReports;
    expect(reports.at(-1)).toMatchObject({ reportedBy: 'person-hanne-provemo', overall: { level: 'yellow', comment: 'Forsinket leveranse' } });
  });
});

describe('roles', () => {
  it('lets the secretariat give a person roles, and nobody else', async () => {
    const [denied] = await bot.say('roller', { from: NILS });
    expect(denied!.activity.text).toBe('Bare sekretariatet kan endre roller.');
    const [card] = await bot.say('roller');
    expect(textOf(card!)).toContain('Roller i nettverket: DigiTrøndelag');
    const person = bot.flokk.store.read().people.find((x) => x.aadObjectId === STRANGER.aadObjectId)!;
    const body = await press(VERB.rolesSet, { personId: person.id, roles: 'resource_group,nonsense' }, SECRETARIAT);
    expect(textOf(body.value)).toContain('Ukjent Bruker har nå rollene: Ressursgruppe.');
    const forged = await press(VERB.rolesSet, { personId: person.id, roles: 'admin' }, STRANGER);
    expect(forged.value).toBe('Bare sekretariatet kan endre roller.');
    expect(bot.flokk.store.read().people.find((x) => x.id === person.id)!.roles).toEqual(['resource_group']);
  });
});

describe('nynorsk', () => {
  it('speaks nynorsk through the forms', async () => {
    const [reply] = await bot.say('føreslå prosjekt Felles skyløysing', { from: NILS, locale: 'nn-NO' });
    expect(textOf(reply!)).toContain('Føreslå eit prosjekt');
    const body = await press(VERB.projectPropose, { title: '' }, NILS, { locale: 'nn-NO' });
    expect(textOf(body.value)).toContain('Må fyllast ut.');
  });
});

describe('durability', () => {
  it('has everything on disk, valid against the schema', async () => {
    await bot.flokk.store.flush();
    // On disk: the data file and the journal beside it, as the store reads them at start.
    const onDisk = Portfolio.parse(await readPortfolioFile(bot.config.dataFile));
    expect(onDisk.initiatives.some((i) => i.title === validInitiative.title)).toBe(true);
    expect(onDisk.projects.find((x) => x.title === 'Digital postkasse for innbyggere')!.status).toBe('withdrawn');
    const reopened = await LowdbStore.open(`${bot.config.dataFile}`);
    expect(reopened.read().projects.find((x) => x.id === 'p-barnevern')!.status).toBe('active');
    await reopened.close();
  });
});
