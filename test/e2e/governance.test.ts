import { VERB } from '../../src/cards/actions';
import { BOARD_LEADER, demoUser, HANNE, NILS, SECRETARIAT, type User } from '../fixtures/activities';
import { startFakeConnector, type FakeConnector } from './fake-connector';
import { startTestBot, textOf, type TestBot } from './harness';

/** Only the body decides: advisory polls count real people and never change a project or become the body's decision. */
const T0 = new Date('2026-12-01T09:00:00Z');
let now = T0;
let connector: FakeConnector;
let bot: TestBot;
beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startTestBot({}, { clock: () => now, connector });
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
});

const GROUP = '19:group@thread.v2';
const press = async (verb: string, data: Record<string, unknown>, from: User, extra: Record<string, unknown> = {}) => {
  const { status, body } = await bot.press(verb, data, { from, ...extra });
  expect(status).toBe(200);
  return body as { type: string; value: any };
};
const deadline = { deadlineDate: '2026-12-08', deadlineTime: '12:00' };

describe('a poll that changes a project', () => {
  it('cannot be opened among "everyone in this conversation": the form says why, and nothing is opened', async () => {
    const before = bot.flokk.store.read().polls.length;
    const body = await press(
      VERB.pollOpen,
      { kind: 'consensus', question: 'Skal vi vedta depotløsningen?', projectId: 'p-depot-digitalt-arkiv', eligibleMode: 'conversation', ...deadline },
      SECRETARIAT,
      { where: 'personal', replyToId: 'form-1' },
    );
    expect(textOf(body.value)).toContain('En avstemning om et prosjekt avgjøres av programstyret');
    expect(bot.flokk.store.read().polls).toHaveLength(before);
  });

  it("cannot have a quorum below the body's majority", async () => {
    const body = await press(VERB.pollOpen, { kind: 'consensus', question: 'Skal vi vedta depotløsningen?', projectId: 'p-depot-digitalt-arkiv', quorum: '1', ...deadline }, SECRETARIAT, {
      where: 'channel',
      replyToId: 'form-2',
    });
    expect(textOf(body.value)).toContain('flertall av medlemmene');
    expect(bot.flokk.store.read().polls.find((p) => p.cardActivityId === 'form-2')).toBeUndefined();
  });
});

describe('an advisory poll among the people of a conversation', () => {
  it('counts the real people of the conversation from the Teams roster, and its outcome is nobody’s decision', async () => {
    connector.setMembers(GROUP, [
      { id: '29:a', name: SECRETARIAT.name, aadObjectId: SECRETARIAT.aadObjectId },
      { id: '29:b', name: NILS.name, aadObjectId: NILS.aadObjectId },
      { id: '29:c', name: HANNE.name, aadObjectId: HANNE.aadObjectId },
      { id: '29:d', name: 'Ukjent Gjest', aadObjectId: 'cccccccc-0000-4000-8000-00000000abcd' },
      { id: '28:flokk-bot', name: 'Flokk' },
    ]);
    const decisionsBefore = bot.flokk.store.read().decisions.length;
    const opened = await press(VERB.pollOpen, { kind: 'consensus', question: 'Skal vi lage en felles mal?', eligibleMode: 'conversation', ...deadline }, SECRETARIAT, {
      where: 'groupChat',
      replyToId: 'advisory-1',
    });
    const poll = bot.flokk.store.read().polls.find((p) => p.cardActivityId === 'advisory-1')!;
    // Three people of the network are in the chat (the guest is not known to Flokk, the bot is no person): a quorum of two.
    expect([...poll.eligiblePersonIds].sort()).toEqual(['person-hanne-provemo', 'person-nils-demoberg', 'person-sekretariat'].sort());
    expect(poll).toMatchObject({ quorum: 2, bodyId: undefined });
    expect(textOf(opened.value)).toContain('0 av 3 har stemt');

    await press(VERB.pollVote, { pollId: poll.id, stance: 'agree' }, NILS, { where: 'groupChat' });
    const closed = await press(VERB.pollClose, { pollId: poll.id }, SECRETARIAT, { where: 'groupChat' });
    expect(textOf(closed.value)).not.toMatch(/Vedtak PS/);
    expect(bot.flokk.store.read().polls.find((p) => p.id === poll.id)!.status).toBe('closed');
    expect(bot.flokk.store.read().decisions).toHaveLength(decisionsBefore);

    // Its named results are for the people of that chat and its voters, not for anyone admitted to the network.
    const outsider = demoUser('05', 'Sigrid Fiktivlia');
    const refused = await press(VERB.pollExport, { pollId: poll.id }, outsider, { where: 'personal' });
    expect(refused.value).toBe('Resultatene av denne avstemningen er for dem som var med i samtalen den ble holdt i, og for de stemmeberettigede.');
    const inChat = await press(VERB.pollExport, { pollId: poll.id }, outsider, { where: 'groupChat' });
    expect(JSON.stringify(inChat.value)).toMatch(/\/exports\//);
    const voter = await press(VERB.pollExport, { pollId: poll.id }, NILS, { where: 'personal' });
    expect(JSON.stringify(voter.value)).toMatch(/\/exports\//);
  });
});

describe('the leader’s decision', () => {
  it("is the body's current leader's: a board_leader role alone does not let anyone decide", async () => {
    const board = [demoUser('03', 'Ingrid Prøvestad'), demoUser('04', 'Per Testmo'), demoUser('05', 'Sigrid Fiktivlia'), demoUser('06', 'Lars Oppdiktsen'), demoUser('07', 'Marit Eksempelvik')];
    await press(VERB.pollOpen, { kind: 'consensus', question: 'Skal vi vedta felles logganalyse?', projectId: 'p-logganalyse-hendelser', ...deadline }, SECRETARIAT, {
      where: 'channel',
      replyToId: 'board-1',
    });
    const poll = bot.flokk.store.read().polls.find((p) => p.cardActivityId === 'board-1')!;
    await press(VERB.pollVote, { pollId: poll.id, stance: 'block', reason: 'Personvernet er ikke vurdert' }, board[0]!, { where: 'channel' });
    await press(VERB.pollClose, { pollId: poll.id }, SECRETARIAT, { where: 'channel' });
    expect(bot.flokk.store.read().polls.find((p) => p.id === poll.id)!.status).toBe('awaiting_leader');

    // Somebody holds the leader role on paper, but not the board's leader term.
    await bot.flokk.store.update((p) => ({ next: { ...p, people: p.people.map((x) => (x.id === 'person-per-testmo' ? { ...x, roles: [...x.roles, 'board_leader' as const] } : x)) }, result: undefined }));
    const refused = await press(VERB.decisionLead, { pollId: poll.id, choice: 'approve', statement: 'Jeg bestemmer.' }, board[1]!, { where: 'channel' });
    expect(refused.value).toMatch(/lederen/i);
    expect(bot.flokk.store.read().decisions.find((d) => d.pollId === poll.id)).toBeUndefined();

    const decided = await press(VERB.decisionLead, { pollId: poll.id, choice: 'reject', statement: 'Personvernet må vurderes først.' }, BOARD_LEADER, { where: 'channel' });
    expect(textOf(decided.value)).toContain('Avgjort av');
    expect(bot.flokk.store.read().decisions.find((d) => d.pollId === poll.id)).toMatchObject({ method: 'leader', decidedBy: 'person-ola-demodal' });
  });

  it('is never claimed by a decision the poll reached by itself: the record names no decider', async () => {
    const board = [BOARD_LEADER, demoUser('03', 'Ingrid Prøvestad'), demoUser('04', 'Per Testmo'), demoUser('05', 'Sigrid Fiktivlia'), demoUser('06', 'Lars Oppdiktsen')];
    await press(VERB.pollOpen, { kind: 'consensus', question: 'Skal vi vedta depotløsningen?', projectId: 'p-depot-digitalt-arkiv', ...deadline }, SECRETARIAT, {
      where: 'channel',
      replyToId: 'board-2',
    });
    const poll = bot.flokk.store.read().polls.find((p) => p.cardActivityId === 'board-2')!;
    for (const member of board.slice(1)) await press(VERB.pollVote, { pollId: poll.id, stance: 'agree' }, member, { where: 'channel' });
    const closed = await press(VERB.pollClose, { pollId: poll.id }, SECRETARIAT, { where: 'channel' });
    const decision = bot.flokk.store.read().decisions.find((d) => d.pollId === poll.id)!;
    expect(decision).toMatchObject({ method: 'consensus', outcome: 'approved' });
    expect(decision).not.toHaveProperty('decidedBy');
    expect(textOf(closed.value)).toMatch(/Vedtak PS \d+\/2026/);
    const shown = await press(VERB.decisionShow, { decisionId: decision.id }, NILS, { where: 'channel' });
    expect(textOf(shown.value)).not.toContain('Avgjort av');
  });
});
