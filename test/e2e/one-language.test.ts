import { VERB } from '../../src/cards/actions';
import { demoUser, type User } from '../fixtures/activities';
import { cardParts, foreignParts, writtenByPeople } from '../i18n/one-language';
import { startFakeConnector, type FakeConnector } from './fake-connector';
import { startTestBot, textOf, type TestBot } from './harness';

/**
 * A nynorsk network, Digi Vestland, whose people's Teams clients speak English, bokmål and
 * nynorsk: what everyone sees in the channel (the shared poll card, the leader's card, the
 * decided card) is in the network's language and uses the board's own name («styringsgruppa»);
 * what one person sees (the answer to their own press) is in their language.
 */
const T0 = new Date('2026-12-01T09:00:00Z');
const SOLVEIG: User = demoUser('14', 'Solveig Dømesen'); // the secretariat, an English client
const HAKON: User = demoUser('15', 'Håkon Prøvenes'); // leads Styringsgruppa for Digi Vestland
const RANDI: User = demoUser('16', 'Randi Testhamar');
const EIRIK: User = demoUser('17', 'Eirik Dømedal');
const GUNN: User = demoUser('18', 'Gunn Fiktivhaug');
const TORBJORN: User = demoUser('19', 'Torbjørn Eksempelstad');
const QUESTION = 'Skal vi ta i bruk felles leiingssystem for informasjonstryggleik?';
const BLOCK_REASON = 'Personvernet er ikkje vurdert';

let connector: FakeConnector;
let bot: TestBot;
beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startTestBot({ defaultNetworkId: 'digi-vestland' }, { clock: () => T0, connector });
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
});

const press = async (verb: string, data: Record<string, unknown>, from: User, locale: string, extra: Record<string, unknown> = {}) => {
  const { status, body } = await bot.press(verb, data, { from, where: 'channel', locale, ...extra });
  expect(status).toBe(200);
  return body as { type: string; value: any };
};

/** Flokk's own words on a card: what people wrote (the demo data, the question, the reasons) left out. */
const people = [QUESTION, BLOCK_REASON, 'Vi tek det opp att når personvernet er vurdert.'];
const nynorskOnly = (card: unknown) => foreignParts(cardParts(card, [...people, ...writtenByPeople(bot.flokk.store.read())]), 'nn');

it('keeps every shared card of a poll in nynorsk, with the board’s own name, whoever presses in whichever language', async () => {
  const replyToId = 'vestland-poll-form';
  const opened = await press(VERB.pollOpen, { kind: 'consensus', question: QUESTION, deadlineDate: '2026-12-08', deadlineTime: '12:00' }, SOLVEIG, 'en-US', { replyToId });
  // The secretariat's own view: English, like its client.
  expect(textOf(opened.value)).toMatch(/have voted/);
  expect(foreignParts(cardParts(opened.value, [QUESTION, ...writtenByPeople(bot.flokk.store.read())]), 'en')).toEqual([]);
  await bot.flokk.outbox.idle();
  const poll = bot.flokk.store.read().polls.find((x) => x.cardActivityId === replyToId)!;
  expect(poll.networkId).toBe('digi-vestland');

  const sharedUpdates = () => connector.take().filter((s) => s.method === 'PUT' && s.path.endsWith(`/activities/${replyToId}`));
  const [openedShared] = sharedUpdates();
  expect(textOf(openedShared!)).toContain('har røysta');
  expect(nynorskOnly(openedShared!.activity.attachments[0].content)).toEqual([]);

  await press(VERB.pollVote, { pollId: poll.id, stance: 'agree', reason: '' }, RANDI, 'nb-NO');
  await press(VERB.pollVote, { pollId: poll.id, stance: 'block', reason: BLOCK_REASON }, EIRIK, 'en-US');
  await press(VERB.pollVote, { pollId: poll.id, stance: 'agree', reason: '' }, GUNN, 'nn-NO');
  await press(VERB.pollVote, { pollId: poll.id, stance: 'agree', reason: '' }, TORBJORN, 'en-US');
  await bot.flokk.outbox.idle();
  for (const update of sharedUpdates()) expect(nynorskOnly(update.activity.attachments[0].content)).toEqual([]);

  const closed = await press(VERB.pollClose, { pollId: poll.id }, SOLVEIG, 'en-US');
  expect(textOf(closed.value)).toMatch(/leader/i);
  await bot.flokk.outbox.idle();
  const sent = connector.take();
  const leaderCard = sent.find((s) => s.method === 'POST' && textOf(s).includes('Håkon Prøvenes'))!;
  expect(leaderCard).toBeDefined();
  const leaderText = textOf(leaderCard);
  expect(leaderText).toContain('Leiaren avgjer');
  expect(leaderText).toContain('Styringsgruppa for Digi Vestland');
  expect(leaderText).not.toMatch(/programstyre/i);
  expect(nynorskOnly(leaderCard.activity.attachments[0].content)).toEqual([]);

  // The leader's client is bokmål: their own answer is bokmål, the channel's card stays nynorsk.
  const decided = await press(VERB.decisionLead, { pollId: poll.id, choice: 'reject', statement: 'Vi tek det opp att når personvernet er vurdert.' }, HAKON, 'nb-NO');
  expect(textOf(decided.value)).toContain('Lederens avgjørelse');
  await bot.flokk.outbox.idle();
  const afterDecision = connector.take().filter((s) => s.method === 'PUT' || s.method === 'POST');
  expect(afterDecision.length).toBeGreaterThan(0);
  for (const s of afterDecision) {
    expect(textOf(s)).not.toMatch(/programstyre/i);
    for (const a of s.activity.attachments ?? []) expect(nynorskOnly(a.content)).toEqual([]);
  }
  expect(bot.flokk.store.read().decisions.find((d) => d.pollId === poll.id)).toMatchObject({ method: 'leader', outcome: 'rejected', decidedBy: 'person-hakon-provenes' });
});

it('tells a non-member in the board’s own words, in their language', async () => {
  const replyToId = 'vestland-poll-form-2';
  await press(VERB.pollOpen, { kind: 'consensus', question: QUESTION, deadlineDate: '2026-12-08', deadlineTime: '12:00' }, SOLVEIG, 'en-US', { replyToId });
  const poll = bot.flokk.store.read().polls.find((x) => x.cardActivityId === replyToId)!;
  const own = await press(VERB.pollRefresh, { pollId: poll.id }, SOLVEIG, 'nn-NO');
  expect(textOf(own.value)).toContain('Styringsgruppa for Digi Vestland');
  expect(nynorskOnly(own.value)).toEqual([]);
  const refused = await press(VERB.pollOpen, { kind: 'consensus', question: 'Kva no?', deadlineDate: '2026-12-08', deadlineTime: '12:00' }, RANDI, 'nn-NO');
  expect(refused.value).toBe('Berre sekretariatet og leiaren av styringsgruppa kan starte ei avstemming.');
});
