import { VERB } from '../../../src/cards/actions';
import { Person } from '../../../src/domain/schema';
import { memberRegister } from '../../../src/teams/actions/member-register.action';
import {
  actionsOf,
  asksToRegister,
  cardOf,
  demo,
  effect,
  input,
  inputsOf,
  kindsOf,
  nextTurn,
  NILS,
  PENDING,
  press,
  refused,
  STRANGER,
  textOf,
  TRONDELAG,
  turnAs,
  VESTLAND,
  withPending,
} from './action-helpers';

const RESUME = { verb: VERB.initiativeInterest, data: { initiativeId: 'i-kartportal-fosen' } };
const personOf = (people: readonly Person[], aadObjectId: string) => people.filter((x) => x.aadObjectId === aadObjectId);

describe('member.register', () => {
  it('without an organisation, asks again with the network’s organisations, keeping what to resume', async () => {
    const { turn, store } = turnAs(STRANGER);
    const before = store.read();
    const reply = await press(turn, VERB.memberRegister, { resume: RESUME });
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Hvilken organisasjon representerer du?');
    const choices = inputsOf(card).organisationId?.choices ?? [];
    expect(choices).toHaveLength(before.organisations.filter((o) => o.networkId === TRONDELAG).length);
    expect(choices.map((c) => c.value)).toContain('kommune-5057');
    expect(choices.map((c) => c.value)).not.toContain('kommune-4601');
    // Sorted by name, as a person looks for their own.
    expect(choices.map((c) => c.title)).toEqual([...choices.map((c) => c.title)].sort((a, b) => a.localeCompare(b, 'nb')));
    expect(actionsOf(card)).toEqual([{ title: 'Lagre', verb: VERB.memberRegister, data: { resume: RESUME } }]);
    expect(reply.resume).toBeUndefined();
    expect(store.read()).toBe(before);
  });

  it('registers a new person with a request for the organisation chosen, which grants nothing, and asks the secretariat', async () => {
    const { turn, store, services } = turnAs(STRANGER);
    await asksToRegister(press(nextTurn(services, STRANGER), VERB.initiativeInterest, RESUME.data));
    const reply = await memberRegister(turn, input(VERB.memberRegister, { organisationId: 'kommune-5001', resume: RESUME }));
    expect(reply.text).toBe(
      'Takk! Sekretariatet får beskjed og bekrefter at du representerer Trondheim. Til da kan du slå opp og melde interesse i eget navn, men ikke handle på vegne av Trondheim.',
    );
    // A request does not resume: app.ts would drop the card for the secretariat along with this reply.
    expect(reply.resume).toBeUndefined();
    const [person, ...more] = personOf(store.read().people, STRANGER.aadObjectId);
    expect(more).toEqual([]);
    expect(person).toEqual({ id: 'person-1', aadObjectId: STRANGER.aadObjectId, name: 'Ukjent Bruker', requestedOrganisationId: 'kommune-5001', networkId: TRONDELAG, roles: [], example: false });

    // The secretariat's card, for the announcement channel: one press approves or rejects, by ids the handler checks.
    const notify = effect(reply, 'notifySecretariat');
    expect(kindsOf(reply)).toEqual(['notifySecretariat']);
    expect(notify.networkId).toBe(TRONDELAG);
    expect(textOf(notify.card)).toContain('Ukjent Bruker ber om å representere Trondheim');
    const data = { personId: 'person-1', organisationId: 'kommune-5001' };
    expect(actionsOf(notify.card)).toEqual([
      { title: 'Godkjenn', verb: VERB.memberApprove, data },
      { title: 'Avslå', verb: VERB.memberReject, data },
    ]);

    // Pressed again, the interest is in the person's own name, not Trondheim's.
    const again = await press(nextTurn(services, STRANGER), RESUME.verb, RESUME.data);
    expect(textOf(cardOf(again))).toContain('I eget navn: Ukjent Bruker');
    expect(textOf(cardOf(again))).not.toContain('Trondheim er med.');
    expect(store.read().initiatives.find((i) => i.id === 'i-kartportal-fosen')!.interest.map((m) => m.organisationId)).not.toContain('kommune-5001');
  });

  it('tells someone still waiting where they stand, without asking the secretariat again', async () => {
    const { turn, store } = turnAs(PENDING, { portfolio: withPending() });
    const before = store.read();
    const reply = await press(turn, VERB.memberRegister, { organisationId: 'kommune-5001', resume: RESUME });
    expect(reply.text).toContain('bekrefter at du representerer Ørland');
    expect(reply.effects).toEqual([]);
    expect(reply.resume).toBeUndefined();
    expect(store.read()).toBe(before);
  });

  describe('from a tenant the network maps to a member organisation', () => {
    const ORLAND_TENANT = 'aaaaaaaa-5057-4000-8000-000000000000';
    const mapped = (p = demo()) => ({ ...p, organisations: p.organisations.map((o) => (o.id === 'kommune-5057' ? { ...o, tenantIds: [ORLAND_TENANT] } : o)) });

    it('confirms the tenant’s organisation at once, whatever was picked, and resumes', async () => {
      const { turn, store } = turnAs(STRANGER, { portfolio: mapped(), tenantId: ORLAND_TENANT });
      const reply = await press(turn, VERB.memberRegister, { organisationId: 'kommune-5001', resume: RESUME });
      expect(reply.text).toBe('Takk! Du er nå registrert for Ørland.');
      expect(reply.effects).toEqual([]);
      expect(reply.resume).toEqual(RESUME);
      expect(personOf(store.read().people, STRANGER.aadObjectId)).toEqual([expect.objectContaining({ organisationId: 'kommune-5057' })]);
      expect(personOf(store.read().people, STRANGER.aadObjectId)[0]).not.toHaveProperty('requestedOrganisationId');
    });

    it('registers a newcomer without asking them, the first time they change something', async () => {
      const { turn, store } = turnAs(STRANGER, { portfolio: mapped(), tenantId: ORLAND_TENANT });
      const reply = await press(turn, VERB.initiativeInterest, { initiativeId: 'i-felles-kommunal-journal' });
      expect(textOf(cardOf(reply))).toContain('Ørland er med.');
      expect(personOf(store.read().people, STRANGER.aadObjectId)).toEqual([
        { id: 'person-1', aadObjectId: STRANGER.aadObjectId, name: 'Ukjent Bruker', organisationId: 'kommune-5057', networkId: TRONDELAG, roles: [], example: false },
      ]);
      expect(turn.actor()).toMatchObject({ organisationId: 'kommune-5057' });
    });

    it('confirms someone who was waiting for the secretariat', async () => {
      const { turn, store } = turnAs(PENDING, { portfolio: mapped(withPending()), tenantId: ORLAND_TENANT });
      await press(turn, VERB.memberRegister, {});
      expect(personOf(store.read().people, PENDING.aadObjectId)).toEqual([expect.objectContaining({ organisationId: 'kommune-5057' })]);
      expect(personOf(store.read().people, PENDING.aadObjectId)[0]).not.toHaveProperty('requestedOrganisationId');
    });

    it('asks as usual when two organisations claim the tenant, or it is another tenant', async () => {
      const both = mapped();
      const twice = { ...both, organisations: both.organisations.map((o) => (o.id === 'kommune-5001' ? { ...o, tenantIds: [ORLAND_TENANT] } : o)) };
      for (const [portfolio, tenantId] of [
        [twice, ORLAND_TENANT],
        [mapped(), 'bbbbbbbb-0000-4000-8000-000000000000'],
      ] as const) {
        const { turn, store } = turnAs(STRANGER, { portfolio, tenantId });
        await asksToRegister(press(turn, VERB.initiativeInterest, RESUME.data));
        expect(cardOf(await press(turn, VERB.memberRegister, {}))).toBeDefined();
        expect(store.read()).toBe(portfolio);
      }
    });
  });

  it('answers in the sender’s language', async () => {
    const { turn } = turnAs(STRANGER, { locale: 'en' });
    const reply = await press(turn, VERB.memberRegister, { organisationId: 'kommune-5057' });
    expect(reply.text).toContain('Ørland');
    expect(reply.text).not.toBe('Takk! Du er nå registrert for Ørland.');
    expect(reply.resume).toBeUndefined();
  });

  it('refuses an organisation of another network, or none that exists, and registers nobody', async () => {
    for (const organisationId of ['kommune-4601', 'kommune-9999']) {
      const { turn, store } = turnAs(STRANGER);
      const before = store.read();
      await refused(press(turn, VERB.memberRegister, { organisationId }), 'ORGANISATION.NOT_FOUND');
      expect(store.read()).toBe(before);
    }
  });

  it('registers in the turn’s own network only', async () => {
    const { turn, store } = turnAs(STRANGER, { networkId: VESTLAND, locale: 'nn' });
    await press(turn, VERB.memberRegister, { organisationId: 'kommune-4601' });
    expect(personOf(store.read().people, STRANGER.aadObjectId)).toEqual([expect.objectContaining({ networkId: VESTLAND, requestedOrganisationId: 'kommune-4601' })]);
  });

  it('refuses a sender without an identity', async () => {
    const { turn, store } = turnAs(undefined);
    const before = store.read();
    await refused(press(turn, VERB.memberRegister, { organisationId: 'kommune-5001' }), 'ACCESS.NO_IDENTITY');
    expect(store.read()).toBe(before);
  });

  it('keeps the organisation of someone already registered', async () => {
    const { turn, store } = turnAs(NILS);
    const before = store.read();
    const reply = await press(turn, VERB.memberRegister, { organisationId: 'kommune-5001' });
    expect(reply.text).toBe('Takk! Du er nå registrert for Ørland.');
    expect(store.read()).toBe(before);
  });

  it('records a request for someone Flokk knew without an organisation, keeping their roles', async () => {
    const known = Person.parse({ id: 'person-known', aadObjectId: STRANGER.aadObjectId, name: 'Kjent Uten Org', networkId: TRONDELAG, roles: ['resource_group'] });
    const portfolio = { ...demo(), people: [...demo().people, known] };
    const { turn, store } = turnAs(STRANGER, { portfolio });
    await press(turn, VERB.memberRegister, { organisationId: 'kommune-5006' });
    expect(personOf(store.read().people, STRANGER.aadObjectId)).toEqual([{ ...known, requestedOrganisationId: 'kommune-5006' }]);
  });

  it('names a person who sent no name «?»', async () => {
    const { turn, store } = turnAs({ ...STRANGER, name: '' });
    await press(turn, VERB.memberRegister, { organisationId: 'kommune-5001' });
    expect(personOf(store.read().people, STRANGER.aadObjectId)[0]?.name).toBe('?');
  });

  it('parses what it resumes only loosely: app.ts parses the resumed verb’s data again', () => {
    expect(input(VERB.memberRegister, {}).organisationId).toBe('');
    expect(() => input(VERB.memberRegister, { resume: { verb: 'x'.repeat(51), data: {} } })).toThrow();
    expect(() => input(VERB.memberRegister, { resume: { verb: VERB.projectShow } })).toThrow();
  });
});
