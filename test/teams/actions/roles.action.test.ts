import { VERB } from '../../../src/cards/actions';
import { rolesSet, rolesShow } from '../../../src/teams/actions/roles.action';
import { actionsOf, asksToRegister, cardOf, demo, input, inputsOf, nextTurn, NILS, press, refused, SECRETARIAT, STRANGER, textOf, turnAs, VESTLAND } from './action-helpers';

const rolesOf = (p: { people: Array<{ id: string; roles: readonly string[] }> }, id: string) => p.people.find((x) => x.id === id)?.roles;

describe('roles.show', () => {
  it('lists who holds which role in the network, with nobody chosen yet', async () => {
    const { turn, store } = turnAs(SECRETARIAT);
    const before = store.read();
    const reply = await press(turn, VERB.rolesShow, {});
    const card = cardOf(reply);
    const text = textOf(card);
    expect(text).toContain('Roller i nettverket: DigiTrøndelag');
    expect(text).toContain('Nils Demoberg (Ørland): Ressursgruppe, Prosjektleder');
    expect(text).toContain('Kari Eksempelsen (Trondheim): Sekretariat, Administrator');
    expect(text).not.toContain('Solveig Dømesen');
    const inputs = inputsOf(card);
    expect(inputs.personId?.value).toBe('');
    expect(inputs.personId?.choices).toHaveLength(13);
    expect(inputs.roles?.value).toBe('');
    // Board roles follow from the programme board's terms (the «programstyret» card), so they are not offered here.
    expect(inputs.roles?.choices?.map((c) => c.value)).toEqual(['resource_group', 'secretariat', 'project_lead', 'admin']);
    expect(text).toContain('Skriv «programstyret» for å endre det.');
    expect(actionsOf(card)).toEqual([
      { title: 'Lagre roller', verb: VERB.rolesSet, data: {} },
      { title: 'Endre områdene', verb: VERB.areasShow, data: {} },
    ]);
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(before);
  });

  it('fills in the roles of the person chosen', async () => {
    const card = cardOf(await rolesShow(turnAs(SECRETARIAT).turn, input(VERB.rolesShow, { personId: 'person-nils-demoberg' })));
    expect(inputsOf(card).personId?.value).toBe('person-nils-demoberg');
    expect(inputsOf(card).roles?.value).toBe('resource_group,project_lead');
  });

  it('chooses nobody of another network', async () => {
    const card = cardOf(await press(turnAs(SECRETARIAT).turn, VERB.rolesShow, { personId: 'person-hakon-provenes' }));
    expect(inputsOf(card).personId?.value).toBe('');
    expect(inputsOf(card).roles?.value).toBe('');
  });
});

describe('roles.set', () => {
  it('gives the person exactly the known roles chosen, in the usual order, board roles left out', async () => {
    const { turn, store } = turnAs(SECRETARIAT);
    await press(turn, VERB.rolesSet, { personId: 'person-nils-demoberg', roles: 'secretariat, board_member,,bogus,board_member,resource_group' });
    expect(rolesOf(store.read(), 'person-nils-demoberg')).toEqual(['resource_group', 'secretariat']);
    // Nobody else changes.
    const others = (p: typeof turn.portfolio) => p.people.filter((x) => x.id !== 'person-nils-demoberg');
    expect(others(store.read())).toEqual(others(turn.portfolio));
  });

  it('answers with the roles card, saying what was saved, the person still chosen', async () => {
    const { turn } = turnAs(SECRETARIAT);
    const reply = await rolesSet(turn, input(VERB.rolesSet, { personId: 'person-nils-demoberg', roles: 'resource_group,secretariat' }));
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Nils Demoberg har nå rollene: Ressursgruppe, Sekretariat.');
    expect(textOf(card)).toContain('Nils Demoberg (Ørland): Ressursgruppe, Sekretariat');
    expect(inputsOf(card).personId?.value).toBe('person-nils-demoberg');
    expect(inputsOf(card).roles?.value).toBe('resource_group,secretariat');
    expect(reply.effects).toEqual([]);
  });

  it('takes every role away when none is chosen', async () => {
    const { turn, store } = turnAs(SECRETARIAT);
    const reply = await press(turn, VERB.rolesSet, { personId: 'person-nils-demoberg' });
    expect(rolesOf(store.read(), 'person-nils-demoberg')).toEqual([]);
    expect(textOf(cardOf(reply))).toContain('Nils Demoberg har nå rollene: ingen.');
  });

  it('refuses anyone but the secretariat, changing nothing', async () => {
    const { turn, store } = turnAs(NILS);
    const before = store.read();
    await refused(press(turn, VERB.rolesSet, { personId: 'person-nils-demoberg', roles: 'secretariat,admin' }), 'ACCESS.DENIED', { permission: 'roles.manage' });
    expect(store.read()).toBe(before);
  });

  it('refuses a person of another network, or none chosen, changing nothing', async () => {
    const { turn, store } = turnAs(SECRETARIAT);
    const before = store.read();
    await refused(press(turn, VERB.rolesSet, { personId: 'person-hakon-provenes', roles: 'admin' }), 'PERSON.NOT_FOUND');
    await refused(press(turn, VERB.rolesSet, { roles: 'admin' }), 'PERSON.NOT_FOUND');
    expect(store.read()).toBe(before);
    const vestland = turnAs({ id: '29:x', name: 'Solveig', aadObjectId: '00000000-0000-4000-8000-000000000014' }, { networkId: VESTLAND });
    await press(vestland.turn, VERB.rolesSet, { personId: 'person-hakon-provenes', roles: 'board_leader,admin' });
    expect(rolesOf(vestland.store.read(), 'person-hakon-provenes')).toEqual(['admin']);
  });

  it('cannot make anyone a board member: the role follows from the board, and a poll counts only the board', async () => {
    const { turn, store, services } = turnAs(SECRETARIAT);
    await press(turn, VERB.rolesSet, { personId: 'person-nils-demoberg', roles: 'board_member,board_leader,resource_group' });
    expect(rolesOf(store.read(), 'person-nils-demoberg')).toEqual(['resource_group']);
    // Nils's term on the board ended in 2024: he is no board member, whatever was asked for.
    expect(nextTurn(services, NILS).actor().roles).not.toContain('board_member');
  });

  it('drops a board role stored from before when the person’s roles are saved', async () => {
    const p = demo();
    const portfolio = { ...p, people: p.people.map((x) => (x.id === 'person-nils-demoberg' ? { ...x, roles: [...x.roles, 'board_leader' as const] } : x)) };
    const { turn, store } = turnAs(SECRETARIAT, { portfolio });
    await press(turn, VERB.rolesSet, { personId: 'person-nils-demoberg', roles: 'resource_group' });
    expect(rolesOf(store.read(), 'person-nils-demoberg')).toEqual(['resource_group']);
  });

  it('asks someone Flokk has not met to register first', async () => {
    const { turn, store } = turnAs(STRANGER);
    const before = store.read();
    await asksToRegister(press(turn, VERB.rolesSet, { personId: 'person-nils-demoberg', roles: 'admin' }));
    expect(store.read()).toBe(before);
  });
});
