import { VERB } from '../../src/cards/actions';
import { installed, NILS, SECRETARIAT, TENANT_ID, type User } from '../fixtures/activities';
import { cardOf, startTestBot, textOf, type TestBot } from './harness';

/**
 * Who represents which organisation, and who sits on the programme board, through the real
 * endpoint: a choice of organisation is a request until the secretariat approves it (on a card in
 * the announcement channel) or the person's own tenant vouches for it; and the board's terms,
 * kept from Teams, are what a board poll counts.
 */
const T0 = new Date('2026-12-01T09:00:00Z');
const CHANNEL = '19:general@thread.tacv2';
/** Levanger's own Entra ID tenant, which the network maps to Levanger in the second part. */
const LEVANGER_TENANT = '22222222-5037-4000-8000-000000000000';
/** Levanger owns «Felles fagsystem for barnevern» (p-barnevern), approved and not yet started. */
const BARNEVERN = 'p-barnevern';
const NEWCOMER: User = { id: '29:nora', name: 'Nora Nykommer', aadObjectId: 'cccccccc-0000-4000-8000-000000000001' };
const FROM_LEVANGER: User = { id: '29:leif', name: 'Leif Levanger', aadObjectId: 'cccccccc-0000-4000-8000-000000000002' };
const REPORT = { projectId: BARNEVERN, overall: 'green', time: 'green', budget: 'yellow', quality: 'green' };

let bot: TestBot;
const press = async (verb: string, data: Record<string, unknown>, from: User, extra: Record<string, unknown> = {}) => {
  const { status, body } = await bot.press(verb, data, { from, ...extra });
  expect(status).toBe(200);
  return body as { type: string; value: any };
};
const channelPosts = () => bot.connector.take().filter((s) => s.method === 'POST' && s.conversationId === CHANNEL);
const project = (id: string) => bot.flokk.store.read().projects.find((x) => x.id === id)!;
const personByAad = (aad: string) => bot.flokk.store.read().people.find((x) => x.aadObjectId === aad);

async function startWithChannel(): Promise<TestBot> {
  const b = await startTestBot({ networkTenants: { digitrondelag: [TENANT_ID, LEVANGER_TENANT] } }, { clock: () => T0 });
  await b.post(installed({ serviceUrl: b.connector.serviceUrl, where: 'channel' }));
  await b.say('kunngjøringer her', { where: 'channel' });
  await b.flokk.outbox.idle();
  b.connector.take();
  return b;
}

describe('a newcomer from a tenant the network does not map', () => {
  beforeAll(async () => {
    bot = await startWithChannel();
  });
  afterAll(() => bot.stop());

  let request: { personId: string; organisationId: string };

  it('is asked which organisation they represent, and their choice becomes a request for the secretariat', async () => {
    const asked = await press(VERB.projectTransition, { projectId: BARNEVERN, transition: 'start' }, NEWCOMER);
    expect(textOf(asked.value)).toContain('Hvilken organisasjon representerer du?');
    const answer = await press(VERB.memberRegister, { organisationId: 'kommune-5037' }, NEWCOMER);
    expect(answer.value).toContain('Sekretariatet får beskjed og bekrefter at du representerer Levanger.');
    expect(personByAad(NEWCOMER.aadObjectId)).toMatchObject({ requestedOrganisationId: 'kommune-5037' });
    expect(personByAad(NEWCOMER.aadObjectId)).not.toHaveProperty('organisationId');

    await bot.flokk.outbox.idle();
    const posts = channelPosts();
    expect(posts).toHaveLength(1);
    const card = cardOf(posts[0]!);
    expect(textOf(posts[0]!)).toContain('Nora Nykommer ber om å representere Levanger');
    expect(card.actions.map((a: { title: string }) => a.title)).toEqual(['Godkjenn', 'Avslå']);
    expect(card.actions[0].verb).toBe(VERB.memberApprove);
    request = card.actions[0].data;
    expect(request).toEqual({ personId: personByAad(NEWCOMER.aadObjectId)!.id, organisationId: 'kommune-5037' });
  });

  it('cannot start the organisation’s project, nor file its status report, while the request waits', async () => {
    const start = await press(VERB.projectTransition, { projectId: BARNEVERN, transition: 'start' }, NEWCOMER);
    expect(start.value).toBe('Sekretariatet har ikke bekreftet ennå at du representerer organisasjonen du valgte. Til da kan du slå opp og melde interesse i eget navn.');
    const report = await press(VERB.projectReport, REPORT, NEWCOMER);
    expect(report.value).toContain('Sekretariatet har ikke bekreftet ennå');
    const typed = await bot.say('statusrapport barnevern', { from: NEWCOMER });
    expect(textOf(typed[0]!)).toContain('Sekretariatet har ikke bekreftet ennå');
    expect(project(BARNEVERN)).toMatchObject({ status: 'approved' });
    expect(project(BARNEVERN).statusReports.some((r) => r.reportedBy === request.personId)).toBe(false);
  });

  it('cannot approve their own request, nor can anyone but the secretariat', async () => {
    for (const user of [NEWCOMER, NILS]) {
      const refused = await press(VERB.memberApprove, request, user, { where: 'channel' });
      expect(refused.value).toBe('Bare sekretariatet kan godkjenne hvem som representerer en medlemsorganisasjon.');
    }
    expect(personByAad(NEWCOMER.aadObjectId)).not.toHaveProperty('organisationId');
  });

  it('once the secretariat presses «Godkjenn» on the card in the channel, starts the project and files the report', async () => {
    const approved = await press(VERB.memberApprove, request, SECRETARIAT, { where: 'channel', replyToId: 'request-card' });
    expect(textOf(approved.value)).toContain('Godkjent av Kari Eksempelsen.');
    expect(approved.value.actions ?? []).toEqual([]);
    expect(personByAad(NEWCOMER.aadObjectId)).toMatchObject({ organisationId: 'kommune-5037' });

    const start = await press(VERB.projectTransition, { projectId: BARNEVERN, transition: 'start' }, NEWCOMER);
    expect(start.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(project(BARNEVERN).status).toBe('active');
    await press(VERB.projectReport, REPORT, NEWCOMER);
    expect(project(BARNEVERN).statusReports.some((r) => r.reportedBy === request.personId)).toBe(true);

    const again = await press(VERB.memberApprove, request, SECRETARIAT, { where: 'channel' });
    expect(again.value).toBe('Denne forespørselen er allerede besvart.');
  });
});

describe('a newcomer from a tenant the network maps to their organisation', () => {
  beforeAll(async () => {
    bot = await startWithChannel();
    await bot.flokk.store.update((p) => ({
      next: { ...p, organisations: p.organisations.map((o) => (o.id === 'kommune-5037' ? { ...o, tenantIds: [LEVANGER_TENANT] } : o)) },
      result: undefined,
    }));
  });
  afterAll(() => bot.stop());

  it('is confirmed at once, without being asked, and may act for the organisation', async () => {
    const start = await press(VERB.projectTransition, { projectId: BARNEVERN, transition: 'start' }, FROM_LEVANGER, { tenantId: LEVANGER_TENANT });
    expect(start.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(start.value)).not.toContain('Hvilken organisasjon representerer du?');
    expect(project(BARNEVERN).status).toBe('active');
    expect(personByAad(FROM_LEVANGER.aadObjectId)).toMatchObject({ name: 'Leif Levanger', organisationId: 'kommune-5037', roles: [] });
    await press(VERB.projectReport, REPORT, FROM_LEVANGER, { tenantId: LEVANGER_TENANT });
    expect(project(BARNEVERN).statusReports.some((r) => r.reportedBy === personByAad(FROM_LEVANGER.aadObjectId)!.id)).toBe(true);

    await bot.flokk.store.flush();
    await bot.flokk.outbox.idle();
    // No request for the secretariat: the tenant vouched. The start is announced, as any is.
    expect(channelPosts().map((s) => textOf(s)).join('\n')).not.toContain('ber om å representere');
  });
});

describe('the programme board, kept from Teams', () => {
  beforeAll(async () => {
    bot = await startWithChannel();
  });
  afterAll(() => bot.stop());

  let formMessage = 0;
  async function openBoardPoll() {
    const replyToId = `poll-form-${++formMessage}`;
    const body = await press(VERB.pollOpen, { kind: 'consensus', question: `Sak ${formMessage}?`, deadlineDate: '2026-12-08', deadlineTime: '12:00' }, SECRETARIAT, { where: 'channel', replyToId });
    return { body, poll: bot.flokk.store.read().polls.find((x) => x.cardActivityId === replyToId)! };
  }

  it('no longer offers board roles on the roles card', async () => {
    const [sent] = await bot.say('roller');
    const card = cardOf(sent!);
    const roles = card.body.find((b: { id?: string }) => b.id === 'roles');
    expect(roles.choices.map((c: { value: string }) => c.value)).toEqual(['resource_group', 'secretariat', 'project_lead', 'admin']);
    expect(textOf(sent!)).toContain('Skriv «programstyret» for å endre det.');
  });

  it('shows who sits on the board, and lets the secretariat add a member whom a new board poll then counts', async () => {
    const [sent] = await bot.say('programstyret');
    expect(textOf(sent!)).toContain('Ola Demodal (Trondheim)\nLeder · fra 2024-01-01');
    const added = await press(VERB.bodyAddMember, { bodyId: 'ps-digitrondelag', personId: 'person-nils-demoberg', role: 'member', fromDate: '2026-11-01', toDate: '' }, SECRETARIAT);
    expect(textOf(added.value)).toContain('Nils Demoberg sitter nå i Programstyret for DigiTrøndelag.');
    expect(textOf(added.value)).toContain('Nils Demoberg (Ørland)\nMedlem · 2026-11-01–2029-10-31');

    const { body, poll } = await openBoardPoll();
    expect(poll.eligiblePersonIds).toContain('person-nils-demoberg');
    expect(textOf(body.value)).toContain('0 av 7 har stemt');
    const voted = await press(VERB.pollVote, { pollId: poll.id, stance: 'agree' }, NILS, { where: 'channel' });
    expect(textOf(voted.value)).not.toContain('Du har ikke stemmerett');
    expect(bot.flokk.store.read().votes).toContainEqual(expect.objectContaining({ pollId: poll.id, voterKey: 'person-nils-demoberg', stance: 'agree' }));
  });

  it('ends the term from Teams, and a new board poll neither counts them nor takes their vote', async () => {
    const ended = await press(VERB.bodyEndTerm, { bodyId: 'ps-digitrondelag', endPersonId: 'person-nils-demoberg', lastDay: '' }, SECRETARIAT);
    expect(textOf(ended.value)).toContain('Nils Demoberg sitt verv i Programstyret for DigiTrøndelag er avsluttet; siste dag er 2026-11-30.');
    const { body, poll } = await openBoardPoll();
    expect(poll.eligiblePersonIds).not.toContain('person-nils-demoberg');
    expect(textOf(body.value)).toContain('0 av 6 har stemt');
    const refused = await press(VERB.pollVote, { pollId: poll.id, stance: 'agree' }, NILS, { where: 'channel' });
    expect(refused.value).toBe('Du har ikke stemmerett i denne avstemningen.');
  });

  it('refuses anyone but the secretariat to change the board', async () => {
    const refused = await press(VERB.bodyAddMember, { bodyId: 'ps-digitrondelag', personId: 'person-nils-demoberg' }, NILS);
    expect(refused.value).toBe('Bare sekretariatet kan endre hvem som sitter i programstyret og nettverkets andre organer.');
  });
});
