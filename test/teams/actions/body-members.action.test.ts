import { VERB } from '../../../src/cards/actions';
import { eligibleVoters } from '../../../src/domain/polls';
import { bodyAddMember, bodyEndTerm, bodyMakeLeader, bodySetDeputy, bodyShow } from '../../../src/teams/actions/body-members.action';
import { bodies } from '../../../src/teams/commands/bodies.command';
import {
  actionsOf,
  BOARD_LEADER,
  BOARD_PERSON_IDS,
  cardOf,
  demo,
  input,
  INGRID,
  inputsOf,
  nextTurn,
  NILS,
  openedPoll,
  press,
  refused,
  SECRETARIAT,
  STRANGER,
  T0,
  textOf,
  titlesOf,
  turnAs,
  vote,
} from './action-helpers';

const BOARD = 'ps-digitrondelag';
const termsOf = (p: ReturnType<typeof demo>, personId: string) => p.bodies.find((b) => b.id === BOARD)!.members.filter((m) => m.personId === personId);

describe('programstyret (the bodies card)', () => {
  it('lists each body of the network with who sits on it today: organisation, role, term and deputy', async () => {
    const card = cardOf(await bodies(turnAs(STRANGER, { now: T0 }).turn));
    const text = textOf(card);
    expect(text).toContain('Programstyret for DigiTrøndelag');
    expect(text).toContain('Ressursgruppen i DigiTrøndelag');
    expect(text).toContain('Ola Demodal (Trondheim): Leder · fra 2024-01-01');
    expect(text).toContain('Ingrid Prøvestad (Steinkjer): Medlem · 2025-01-01–2027-12-31');
    expect(text).toContain('Kari Eksempelsen (Trondheim): Sekretær · fra 2024-01-01');
    expect(text).toContain('6 medlemmer nå');
    // Nils's term ended in 2024, and bodies of other networks are not shown.
    expect(text).not.toContain('Nils Demoberg (Ørland): Medlem · 2022');
    expect(text).not.toContain('Styringsgruppa for Digi Vestland');
    // Anyone may look; only the secretariat may change.
    expect(actionsOf(card)).toEqual([]);
  });

  it('gives the secretariat the programme board’s forms, and a button for each other body', async () => {
    const card = cardOf(await bodies(turnAs(SECRETARIAT, { now: T0 }).turn));
    expect(titlesOf(card)).toEqual(['Lagre', 'Avslutt verv', 'Lagre', 'Lagre', 'Endre medlemmer']);
    expect(actionsOf(card).map((a) => a.verb)).toEqual([VERB.bodyAddMember, VERB.bodyEndTerm, VERB.bodyMakeLeader, VERB.bodySetDeputy, VERB.bodyShow]);
    expect(actionsOf(card).at(-1)?.data).toEqual({ bodyId: 'rg-digitrondelag' });
    const inputs = inputsOf(card);
    expect(Object.keys(inputs).sort()).toEqual(['deputyPersonId', 'endPersonId', 'fromDate', 'lastDay', 'leaderPersonId', 'memberPersonId', 'personId', 'role', 'toDate']);
    // Whoever sits on the board now is not offered as a new member; Nils, whose term ended, is.
    const offered = inputs.personId?.choices?.map((c) => c.value) ?? [];
    expect(offered).toContain('person-nils-demoberg');
    expect(offered).not.toContain('person-ingrid-provestad');
    expect(inputs.role?.choices?.map((c) => c.value)).toEqual(['member', 'leader']);
    expect(inputs.leaderPersonId?.choices?.map((c) => c.value)).not.toContain('person-ola-demodal');
    expect(JSON.stringify(card).length).toBeLessThan(80_000);
  });

  it('opens another body’s forms with body.show', async () => {
    const card = cardOf(await bodyShow(turnAs(SECRETARIAT).turn, input(VERB.bodyShow, { bodyId: 'rg-digitrondelag' })));
    expect(actionsOf(card).filter((a) => a.verb === VERB.bodyAddMember)).toEqual([{ title: 'Lagre', verb: VERB.bodyAddMember, data: { bodyId: 'rg-digitrondelag' } }]);
    await refused(press(turnAs(SECRETARIAT).turn, VERB.bodyShow, { bodyId: 'ps-digi-vestland' }), 'BODY.NOT_FOUND');
  });
});

describe('body.addMember', () => {
  it('seats the person for three years from today, and a board poll opened after counts them and takes their vote', async () => {
    const { turn, store, services } = turnAs(SECRETARIAT, { now: T0 });
    const reply = await bodyAddMember(turn, input(VERB.bodyAddMember, { bodyId: BOARD, personId: 'person-nils-demoberg' }));
    expect(textOf(cardOf(reply))).toContain('Nils Demoberg sitter nå i Programstyret for DigiTrøndelag.');
    expect(textOf(cardOf(reply))).toContain('Nils Demoberg (Ørland): Medlem · 2026-12-01–2029-11-30');
    expect(termsOf(store.read(), 'person-nils-demoberg').at(-1)).toEqual({ personId: 'person-nils-demoberg', role: 'member', organisationId: 'kommune-5057', from: '2026-12-01', to: '2029-11-30' });
    expect(nextTurn(services, NILS, { now: T0 }).actor().roles).toContain('board_member');

    const { poll, services: pollServices } = await openedPoll({ kind: 'consensus', question: 'Godkjenne mandatet?' }, { portfolio: store.read() });
    expect(poll.eligiblePersonIds).toEqual([...BOARD_PERSON_IDS, 'person-nils-demoberg']);
    await vote(pollServices, NILS, { pollId: poll.id, stance: 'agree' });
    expect(eligibleVoters(store.read(), BOARD, T0)).toContain('person-nils-demoberg');
  });

  it('takes the dates and the role from the card: a new leader takes over, the leader before stays as member', async () => {
    const { turn, store, services } = turnAs(SECRETARIAT, { now: T0 });
    const reply = await press(turn, VERB.bodyAddMember, { bodyId: BOARD, personId: 'person-nils-demoberg', role: 'leader', fromDate: '2026-12-01', toDate: '2027-12-31' });
    expect(textOf(cardOf(reply))).toContain('Nils Demoberg leder nå Programstyret for DigiTrøndelag.');
    expect(nextTurn(services, NILS, { now: T0 }).actor().roles).toContain('board_leader');
    expect(nextTurn(services, BOARD_LEADER, { now: T0 }).actor().roles).toEqual(['board_member']);
    expect(termsOf(store.read(), 'person-ola-demodal')).toEqual([
      { personId: 'person-ola-demodal', role: 'leader', organisationId: 'kommune-5001', from: '2024-01-01', to: '2026-11-30' },
      { personId: 'person-ola-demodal', role: 'member', organisationId: 'kommune-5001', from: '2026-12-01' },
    ]);
  });

  it('refuses without a person chosen, for someone on the board already, and for anyone but the secretariat', async () => {
    const { turn, store } = turnAs(SECRETARIAT, { now: T0 });
    const before = store.read();
    await refused(press(turn, VERB.bodyAddMember, { bodyId: BOARD }), 'INPUT.INVALID');
    await refused(press(turn, VERB.bodyAddMember, { bodyId: BOARD, personId: 'person-ingrid-provestad' }), 'BODY.ALREADY_MEMBER');
    await refused(press(turn, VERB.bodyAddMember, { bodyId: BOARD, personId: 'person-hakon-provenes' }), 'PERSON.NOT_FOUND');
    await refused(press(turnAs(BOARD_LEADER).turn, VERB.bodyAddMember, { bodyId: BOARD, personId: 'person-nils-demoberg' }), 'ACCESS.DENIED', { permission: 'bodies.manage' });
    expect(store.read()).toBe(before);
    expect(() => input(VERB.bodyAddMember, { bodyId: BOARD, role: 'secretary' })).toThrow();
  });
});

describe('body.endTerm', () => {
  it('ends the term yesterday, so a board poll opened now no longer counts them, nor takes their vote', async () => {
    const { turn, store, services } = turnAs(SECRETARIAT, { now: T0 });
    const reply = await bodyEndTerm(turn, input(VERB.bodyEndTerm, { bodyId: BOARD, endPersonId: 'person-ingrid-provestad' }));
    expect(textOf(cardOf(reply))).toContain('Ingrid Prøvestad sitt verv i Programstyret for DigiTrøndelag er avsluttet; siste dag er 2026-11-30.');
    expect(textOf(cardOf(reply))).not.toContain('Ingrid Prøvestad (Steinkjer)');
    expect(nextTurn(services, INGRID, { now: T0 }).actor().roles).not.toContain('board_member');

    const { poll, services: pollServices } = await openedPoll({ kind: 'consensus', question: 'Godkjenne mandatet?' }, { portfolio: store.read() });
    expect(poll.eligiblePersonIds).not.toContain('person-ingrid-provestad');
    await refused(vote(pollServices, INGRID, { pollId: poll.id, stance: 'agree' }), 'POLL.NOT_ELIGIBLE');
  });

  it('ends on the day given, and says so', async () => {
    const { turn, store } = turnAs(SECRETARIAT, { now: T0 });
    const reply = await press(turn, VERB.bodyEndTerm, { bodyId: BOARD, endPersonId: 'person-ingrid-provestad', lastDay: '2026-12-31' });
    expect(textOf(cardOf(reply))).toContain('siste dag er 2026-12-31');
    expect(termsOf(store.read(), 'person-ingrid-provestad')[0]?.to).toBe('2026-12-31');
  });

  it('refuses someone not on the body, and anyone but the secretariat', async () => {
    const { turn, store } = turnAs(SECRETARIAT, { now: T0 });
    const before = store.read();
    await refused(press(turn, VERB.bodyEndTerm, { bodyId: BOARD, endPersonId: 'person-nils-demoberg' }), 'BODY.NOT_A_MEMBER');
    await refused(press(turnAs(INGRID).turn, VERB.bodyEndTerm, { bodyId: BOARD, endPersonId: 'person-ingrid-provestad' }), 'ACCESS.DENIED', { permission: 'bodies.manage' });
    expect(store.read()).toBe(before);
  });
});

describe('body.makeLeader', () => {
  it('makes a member the leader from today: the one leader, who decides when consensus fails', async () => {
    const { turn, services } = turnAs(SECRETARIAT, { now: T0 });
    const reply = await bodyMakeLeader(turn, input(VERB.bodyMakeLeader, { bodyId: BOARD, leaderPersonId: 'person-ingrid-provestad' }));
    expect(textOf(cardOf(reply))).toContain('Ingrid Prøvestad leder nå Programstyret for DigiTrøndelag.');
    expect(textOf(cardOf(reply))).toContain('Ingrid Prøvestad (Steinkjer): Leder · 2026-12-01–2027-12-31');
    expect(textOf(cardOf(reply))).toContain('Ola Demodal (Trondheim): Medlem · fra 2026-12-01');
    expect(nextTurn(services, INGRID, { now: T0 }).actor().roles).toEqual(['board_leader']);
    expect(nextTurn(services, BOARD_LEADER, { now: T0 }).actor().roles).toEqual(['board_member']);
  });
});

describe('body.setDeputy', () => {
  it('names a member’s deputy, shown on the card, and takes them away again', async () => {
    const { turn, store, services } = turnAs(SECRETARIAT, { now: T0 });
    const reply = await bodySetDeputy(turn, input(VERB.bodySetDeputy, { bodyId: BOARD, memberPersonId: 'person-ingrid-provestad', deputyPersonId: 'person-tor-eksempelmo' }));
    expect(textOf(cardOf(reply))).toContain('Tor Eksempelmo er nå vararepresentant for Ingrid Prøvestad.');
    expect(textOf(cardOf(reply))).toContain('Ingrid Prøvestad (Steinkjer): Medlem · 2025-01-01–2027-12-31 · vara: Tor Eksempelmo');
    expect(termsOf(store.read(), 'person-ingrid-provestad')[0]?.deputyPersonId).toBe('person-tor-eksempelmo');
    const cleared = await press(nextTurn(services, SECRETARIAT, { now: T0 }), VERB.bodySetDeputy, { bodyId: BOARD, memberPersonId: 'person-ingrid-provestad' });
    expect(textOf(cardOf(cleared))).toContain('Ingrid Prøvestad har ikke lenger noen vararepresentant.');
    expect(termsOf(store.read(), 'person-ingrid-provestad')[0]).not.toHaveProperty('deputyPersonId');
  });
});
