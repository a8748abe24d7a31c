import { VERB } from '../../src/cards/actions';
import type { PortfolioStore } from '../../src/store/portfolio-store';
import { BOARD_LEADER, demoUser, installed, SECRETARIAT, type User } from '../fixtures/activities';
import { startFakeConnector, type FakeConnector, type Received } from './fake-connector';
import { startTestBot, textOf, type TestBot } from './harness';

/**
 * A poll opened in a channel thread keeps its messages in that thread: the shared card's updates,
 * the reminder, the leader's card and the leader's decision all go to the thread's conversation id
 * (`…;messageid=<root>`). A poll whose card is a top-level channel post, or one opened where Teams
 * names no thread, posts in the channel as before; announcements always go to the channel itself.
 */
const T0 = new Date('2026-12-01T09:00:00Z');
let now = T0;
const clock = () => now;
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

const BOARD = [BOARD_LEADER, demoUser('03', 'Ingrid Prøvestad'), demoUser('04', 'Per Testmo'), demoUser('05', 'Sigrid Fiktivlia'), demoUser('06', 'Lars Oppdiktsen'), demoUser('07', 'Marit Eksempelvik')];
const CHANNEL = '19:general@thread.tacv2';
const ROOT = '1700000000000';
const THREAD = `${CHANNEL};messageid=${ROOT}`;

let connector: FakeConnector;
let bot: TestBot;
beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startTestBot({}, { clock, connector });
  await bot.post(installed({ serviceUrl: connector.serviceUrl, where: 'channel', conversationId: CHANNEL }));
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
});
beforeEach(() => {
  now = T0;
});

const press = async (verb: string, data: Record<string, unknown>, from: User, conversationId: string, replyToId: string) => {
  const { status, body } = await bot.press(verb, data, { from, where: 'channel', conversationId, replyToId });
  expect(status).toBe(200);
  return body as { type: string; value: any };
};

/** What the bot sent to the connector since the last look, once the outbox has nothing left to send. */
const sent = async (): Promise<Received[]> => {
  await bot.flokk.outbox.idle();
  return connector.take();
};
const posts = (all: Received[]) => all.filter((s) => s.method === 'POST');
const updatesOf = (all: Received[], activityId: string) => all.filter((s) => s.method === 'PUT' && s.path.endsWith(`/activities/${activityId}`));

/** Asks for the poll form in `conversationId` and sends it filled in; the form's message becomes the poll card. */
async function openPoll(conversationId: string, fields: Record<string, unknown>, cardActivityId?: string) {
  const [form] = await bot.say('ny avstemning', { from: SECRETARIAT, where: 'channel', conversationId });
  expect(form!.conversationId).toBe(conversationId);
  const cardId = cardActivityId ?? form!.answeredId!;
  await press(VERB.pollOpen, { deadlineDate: '2026-12-08', deadlineTime: '12:00', kind: 'consensus', ...fields }, SECRETARIAT, conversationId, cardId);
  const poll = bot.flokk.store.read().polls.find((x) => x.cardActivityId === cardId)!;
  return { poll, cardId };
}

describe('a poll opened by a reply in a channel thread', () => {
  let pollId: string;
  let cardId: string;

  it('keeps the thread with the poll, and brings its card up to date in the thread', async () => {
    const opened = await openPoll(THREAD, { question: 'Skal vi samle møtene i én tråd?', reminder: '24' });
    pollId = opened.poll.id;
    cardId = opened.cardId;
    expect(opened.poll.conversation).toMatchObject({ conversationId: CHANNEL, rootMessageId: ROOT });
    const updates = updatesOf(await sent(), cardId);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.every((u) => u.conversationId === THREAD)).toBe(true);
    expect(textOf(updates.at(-1)!)).toContain('0 av 6 har stemt');
  });

  it('updates the shared card in the thread as votes come in', async () => {
    await press(VERB.pollVote, { pollId, stance: 'agree', reason: '' }, BOARD[1]!, THREAD, cardId);
    const all = await sent();
    const updates = updatesOf(all, cardId);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.map((u) => u.conversationId)).toEqual(updates.map(() => THREAD));
    expect(textOf(updates.at(-1)!)).toContain('1 av 6 har stemt');
    expect(all.filter((s) => s.conversationId === CHANNEL)).toEqual([]);
  });

  it('reminds those who have not voted in the thread', async () => {
    now = hours(24 * 6 + 4);
    await bot.flokk.scheduler.tick();
    const reminders = posts(await sent()).filter((s) => String(s.activity.text).includes('Påminnelse'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.conversationId).toBe(THREAD);
  });

  it('sends a blocked poll to the leader in the thread, and the decision stays there', async () => {
    await press(VERB.pollVote, { pollId, stance: 'block', reason: 'Trådene blir for lange' }, BOARD[2]!, THREAD, cardId);
    for (const member of BOARD.slice(3)) await press(VERB.pollVote, { pollId, stance: 'agree', reason: '' }, member, THREAD, cardId);
    await sent();
    const closed = await press(VERB.pollClose, { pollId }, SECRETARIAT, THREAD, cardId);
    expect(textOf(closed.value)).toContain('Venter på lederens avgjørelse');
    const afterClose = await sent();
    const leaderCard = posts(afterClose).find((s) => textOf(s).includes('konsensus ble ikke nådd'))!;
    expect(leaderCard.conversationId).toBe(THREAD);
    expect(leaderCard.activity.entities).toContainEqual(expect.objectContaining({ type: 'mention', mentioned: expect.objectContaining({ id: BOARD_LEADER.aadObjectId }) }));
    expect(updatesOf(afterClose, cardId).every((u) => u.conversationId === THREAD)).toBe(true);
    expect(afterClose.filter((s) => s.conversationId === CHANNEL)).toEqual([]);

    const decided = await press(VERB.decisionLead, { pollId, choice: 'reject', statement: 'Vi holder oss til kanalen.' }, BOARD_LEADER, THREAD, leaderCard.answeredId!);
    expect(textOf(decided.value)).toContain('Lederens avgjørelse');
    expect(bot.flokk.store.read().polls.find((x) => x.id === pollId)!.status).toBe('decided');
    const afterDecision = await sent();
    expect(afterDecision.length).toBeGreaterThanOrEqual(1);
    expect(afterDecision.map((s) => s.conversationId)).toEqual(afterDecision.map(() => THREAD));
  });
});

describe('a top-level channel poll', () => {
  it('whose card is the channel post itself posts the leader’s card in the channel, as before', async () => {
    // NOTE: Teams names even a top-level post's conversation by its own thread; the card starting it is no reply in a thread.
    const own = '1700000000999';
    const { poll, cardId } = await openPoll(`${CHANNEL};messageid=${own}`, { question: 'Toppnivåsak?' }, own);
    expect(poll.conversation?.rootMessageId).toBeUndefined();
    await press(VERB.pollVote, { pollId: poll.id, stance: 'block', reason: 'Ikke nå' }, BOARD[1]!, `${CHANNEL};messageid=${own}`, cardId);
    await press(VERB.pollClose, { pollId: poll.id }, SECRETARIAT, `${CHANNEL};messageid=${own}`, cardId);
    const all = await sent();
    expect(posts(all).find((s) => textOf(s).includes('konsensus ble ikke nådd'))!.conversationId).toBe(CHANNEL);
    expect(updatesOf(all, cardId).map((u) => u.conversationId)).toContain(CHANNEL);
  });

  it('opened where Teams names no thread posts in the channel, as before', async () => {
    const { poll, cardId } = await openPoll(CHANNEL, { question: 'Kanalsak?' });
    expect(poll.conversation).toMatchObject({ conversationId: CHANNEL });
    expect(poll.conversation?.rootMessageId).toBeUndefined();
    await press(VERB.pollVote, { pollId: poll.id, stance: 'block', reason: 'Ikke nå' }, BOARD[1]!, CHANNEL, cardId);
    await press(VERB.pollClose, { pollId: poll.id }, SECRETARIAT, CHANNEL, cardId);
    const all = await sent();
    expect(posts(all).find((s) => textOf(s).includes('konsensus ble ikke nådd'))!.conversationId).toBe(CHANNEL);
    expect(all.every((s) => s.conversationId === CHANNEL)).toBe(true);
  });
});

describe('announcements', () => {
  it('go to the channel itself when the announcement channel was chosen from a thread', async () => {
    const [answer] = await bot.say('kunngjøringer her', { from: SECRETARIAT, where: 'channel', conversationId: THREAD });
    expect(answer!.conversationId).toBe(THREAD);
    const chosen = bot.flokk.store.read().conversations.find((c) => c.announce)!;
    expect(chosen.ref.conversationId).toBe(CHANNEL);
    expect(chosen.ref.rootMessageId).toBeUndefined();
    connector.take();
    const { status } = await bot.press(VERB.projectTransition, { projectId: 'p-samhandling-helseforetak', transition: 'withdraw' }, { from: SECRETARIAT, where: 'channel', conversationId: THREAD });
    expect(status).toBe(200);
    const announced = posts(await sent());
    expect(announced).toHaveLength(1);
    expect(announced[0]!.conversationId).toBe(CHANNEL);
  });
});

describe('a button in a thread answered after its turn', () => {
  it('replaces the card it was pressed on in the thread', async () => {
    let slow = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const decorateStore = (store: PortfolioStore): PortfolioStore => ({
      ...store,
      read: () => store.read(),
      flush: () => store.flush(),
      close: () => store.close(),
      health: () => store.health(),
      update: async (change) => {
        if (slow) await gate;
        return store.update(change);
      },
    });
    const late = await startTestBot({}, { clock, decorateStore, invokeBudgetMs: 100 });
    const pressLate = (verb: string, data: Record<string, unknown>, from: User, replyToId: string) =>
      late.press(verb, data, { from, where: 'channel', conversationId: THREAD, replyToId });
    try {
      await pressLate(VERB.pollOpen, { kind: 'consensus', question: 'Sent svar?', deadlineDate: '2026-12-08', deadlineTime: '12:00' }, SECRETARIAT, 'thread-poll-card');
      const pollId = late.flokk.store.read().polls.find((x) => x.cardActivityId === 'thread-poll-card')!.id;
      await pressLate(VERB.pollVote, { pollId, stance: 'block', reason: 'Ikke nå' }, BOARD[1]!, 'thread-poll-card');
      await pressLate(VERB.pollClose, { pollId }, SECRETARIAT, 'thread-poll-card');
      await late.flokk.outbox.idle();
      const leaderCard = late.connector.take().find((s) => s.method === 'POST' && textOf(s).includes('konsensus ble ikke nådd'))!;
      expect(leaderCard.conversationId).toBe(THREAD);

      slow = true;
      const answer = await pressLate(VERB.decisionLead, { pollId, choice: 'reject', statement: 'Senere.' }, BOARD_LEADER, leaderCard.answeredId!);
      expect(answer.body.value).toBe('Dette tar litt tid. Jeg oppdaterer kortet når det er klart.');
      release();
      await late.flokk.store.flush();
      await new Promise((r) => setTimeout(r, 50));
      await late.flokk.outbox.idle();
      const after = late.connector.take();
      const decision = updatesOf(after, leaderCard.answeredId!);
      expect(decision).toHaveLength(1);
      expect(decision[0]!.conversationId).toBe(THREAD);
      expect(textOf(decision[0]!)).toContain('Lederens avgjørelse');
      expect(after.map((s) => s.conversationId)).toEqual(after.map(() => THREAD));
    } finally {
      release();
      await late.stop();
    }
  });
});
