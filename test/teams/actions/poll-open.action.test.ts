import { VERB } from '../../../src/cards/actions';
import { pollOpen } from '../../../src/teams/actions/poll-open.action';
import {
  asksToRegister,
  BOARD_LEADER,
  BOARD_PERSON_IDS,
  cardOf,
  input,
  inputsOf,
  NILS,
  openedPoll,
  press,
  refused,
  SECRETARIAT,
  STRANGER,
  T0,
  textOf,
  titlesOf,
  TRONDELAG,
  turnAs,
} from './action-helpers';

const FORM = { kind: 'consensus', question: 'Skal programstyret vedta depotløsningen?', projectId: 'p-depot-digitalt-arkiv', deadlineDate: '2026-12-08', deadlineTime: '12:00' };
const inChannel = { now: T0, conversation: { id: '19:general@thread.tacv2;messageid=1', conversationType: 'channel' as const }, replyToId: 'poll-form-message' };

describe('poll.open', () => {
  it('opens a board poll in the conversation, on the message that held the form', async () => {
    const { store, poll } = await openedPoll(FORM);
    expect(store.read().polls).toHaveLength(1);
    expect(poll).toMatchObject({
      id: 'poll-1',
      networkId: TRONDELAG,
      bodyId: 'ps-digitrondelag',
      kind: 'consensus',
      question: 'Skal programstyret vedta depotløsningen?',
      projectId: 'p-depot-digitalt-arkiv',
      options: [],
      eligibleMode: 'board',
      quorum: 4,
      // 12:00 in Oslo in December is 11:00 UTC.
      deadline: '2026-12-08T11:00:00.000Z',
      status: 'open',
      anonymous: false,
      hideResultsUntilClosed: false,
      cardActivityId: 'poll-form-message',
      createdBy: 'person-sekretariat',
      createdAt: T0.toISOString(),
    });
    expect([...poll.eligiblePersonIds].sort()).toEqual([...BOARD_PERSON_IDS].sort());
    // The channel itself, not the thread the form was in.
    expect(poll.conversation).toMatchObject({ conversationId: '19:general@thread.tacv2', serviceUrl: 'https://smba.example.invalid/' });
  });

  it('answers with the opener’s own view and asks for the shared card to be brought up to date', async () => {
    const { turn } = turnAs(SECRETARIAT, inChannel);
    const reply = await pollOpen(turn, input(VERB.pollOpen, FORM));
    const card = cardOf(reply);
    const text = textOf(card);
    expect(text).toContain('Skal programstyret vedta depotløsningen?');
    expect(text).toContain('Konsensus · Åpen');
    expect(text).toContain('Prosjekt: **Depotløsning for digitalt arkiv**');
    expect(text).toContain('0 av 6 har stemt (beslutningsdyktig ved 4)');
    // The secretariat keeps the minutes and does not vote, but manages the poll.
    expect(text).not.toContain('Du har ikke stemt ennå');
    expect(titlesOf(card)).toEqual(['Lukk nå', 'Lagre']);
    expect(reply.effects).toEqual([{ kind: 'refreshPoll', pollId: 'poll-1' }]);
  });

  it('lets the board leader open a poll, and gives the leader a ballot', async () => {
    const { reply, poll } = await openedPoll({ ...FORM, projectId: '' }, { by: BOARD_LEADER });
    expect(poll).toMatchObject({ createdBy: 'person-ola-demodal', projectId: undefined });
    expect(textOf(cardOf(reply))).toContain('Du har ikke stemt ennå');
    expect(titlesOf(cardOf(reply))).toEqual(['Enig', 'Avstår', 'Uenig', 'Blokkerer', 'Lukk nå', 'Lagre']);
  });

  it('opens a choice poll with its options, a reminder, anonymously, with results hidden', async () => {
    const { poll } = await openedPoll({
      kind: 'choice',
      question: 'Hvor holder vi samlingen?',
      options: '- Trondheim\n- Steinkjer\nRøros\n',
      multiple: 'true',
      quorum: '4',
      reminder: '24',
      anonymous: 'true',
      hideResultsUntilClosed: 'true',
    });
    expect(poll).toMatchObject({
      kind: 'choice',
      options: [
        { id: 'o1', label: 'Trondheim' },
        { id: 'o2', label: 'Steinkjer' },
        { id: 'o3', label: 'Røros' },
      ],
      multiple: true,
      quorum: 4,
      reminderAt: '2026-12-07T11:00:00.000Z',
      anonymous: true,
      hideResultsUntilClosed: true,
    });
  });

  it('opens a poll for everyone in the conversation: the people of its roster (here the opener), a majority of them a quorum', async () => {
    const { poll } = await openedPoll({ kind: 'consent', question: 'Godkjenne referatet?', eligibleMode: 'conversation' }, { conversationId: '19:group@thread.v2' });
    expect(poll).toMatchObject({ eligibleMode: 'conversation', eligiblePersonIds: ['person-sekretariat'], quorum: 1, conversation: { conversationId: '19:group@thread.v2' } });
  });

  it.each([
    ['a deadline in the past', { deadlineDate: '2026-11-30' }, 'deadlineDate', 'Fristen må være fram i tid.'],
    ['one option for a choice', { kind: 'choice', options: 'Trondheim', projectId: '' }, 'options', 'Skriv minst to alternativer, ett per linje.'],
    ['the same option twice', { kind: 'choice', options: 'Røros\nrøros', projectId: '' }, 'options', 'To alternativer er like.'],
    ['a project that is not under consideration', { projectId: 'p-barnevern' }, 'projectId', 'Prosjektet må ha status «Til behandling» for å stemmes over.'],
    ['a quorum above the board', { quorum: '7' }, 'quorum', 'Beslutningsdyktighet kan ikke være høyere enn antall stemmeberettigede.'],
    ['a reminder due before the poll opens', { deadlineDate: '2026-12-02', reminder: '48' }, 'reminder', 'Påminnelsen må komme før fristen.'],
    ['a reminder more than a week ahead', { reminder: '170' }, 'reminder', 'Tallet er utenfor det som er tillatt.'],
    ['no question', { question: '  ' }, 'question', 'Må fylles ut.'],
  ])('sends the form back for %s, with the input kept, opening nothing', async (_what, change, field, sentence) => {
    const { turn, store } = turnAs(SECRETARIAT, inChannel);
    const before = store.read();
    const reply = await press(turn, VERB.pollOpen, { ...FORM, ...change });
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Noe må rettes før skjemaet kan sendes:');
    expect(textOf(card)).toContain(sentence);
    expect(inputsOf(card)[field]).toBeDefined();
    expect(inputsOf(card).deadlineTime?.value).toBe('12:00');
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(before);
  });

  it('refuses anyone but the secretariat or the board leader, opening nothing', async () => {
    const { turn, store } = turnAs(NILS, inChannel);
    const before = store.read();
    await refused(press(turn, VERB.pollOpen, FORM), 'ACCESS.DENIED', { permission: 'poll.open' });
    expect(store.read()).toBe(before);
  });

  it('asks someone Flokk has not met to register first', async () => {
    const { turn, store } = turnAs(STRANGER, inChannel);
    const before = store.read();
    await asksToRegister(press(turn, VERB.pollOpen, FORM));
    expect(store.read()).toBe(before);
  });
});
