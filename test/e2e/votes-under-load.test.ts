import { VERB } from '../../src/cards/actions';
import { MAX_REFRESH_USERS } from '../../src/cards/poll.card';
import type { Person } from '../../src/domain/schema';
import { createLogger } from '../../src/log';
import { readPortfolioFile } from '../../src/store/lowdb-store';
import { execute, SECRETARIAT, type User } from '../fixtures/activities';
import { startFakeConnector, type FakeConnector } from './fake-connector';
import { startTestBot, type TestBot } from './harness';

/**
 * Exactly once, under load: 200 voters at the same moment, Teams delivering a vote twice, and one
 * person clicking 20 times, all through POST /api/messages. A group-chat poll open to everyone in
 * the conversation lets the test use more voters than a programme board has.
 */
const VOTERS = 200;
const voter = (i: number): User => ({ id: `29:load-${i}`, name: `Velger ${i}`, aadObjectId: `cccccccc-0000-4000-8000-${String(i).padStart(12, '0')}` });
const logLines: string[] = [];

let connector: FakeConnector;
let bot: TestBot;
let pollId: string;
const inChat = { where: 'groupChat' as const };

beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startTestBot({}, { connector, keepDir: true, log: createLogger('debug', (line) => logLines.push(line)) });
  const people: Person[] = Array.from({ length: VOTERS }, (_, i) => ({
    id: `person-load-${i}`,
    aadObjectId: voter(i).aadObjectId,
    name: voter(i).name,
    organisationId: 'kommune-5001',
    networkId: 'digitrondelag',
    roles: [],
    example: false,
  }));
  await bot.flokk.store.update((p) => ({ next: { ...p, people: [...p.people, ...people] }, result: undefined }));
  // The chat's roster, as Teams gives it when the poll opens: the voters and the secretariat who opens it.
  connector.setMembers('19:group@thread.v2', [SECRETARIAT, ...Array.from({ length: VOTERS }, (_, i) => voter(i))].map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId })));
  const { body } = await bot.press(
    VERB.pollOpen,
    { kind: 'consensus', question: 'Felles innkjøp av skyplattform?', eligibleMode: 'conversation', quorum: '10', anonymous: 'true', deadlineDate: '2099-12-31', deadlineTime: '12:00' },
    { ...inChat, from: SECRETARIAT, replyToId: 'load-poll-card' },
  );
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  pollId = bot.flokk.store.read().polls.find((x) => x.cardActivityId === 'load-poll-card')!.id;
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
});

const votesOfPoll = () => bot.flokk.store.read().votes.filter((v) => v.pollId === pollId);

it(`counts ${VOTERS} distinct voters clicking at once, each exactly once, in memory and on disk after a restart`, async () => {
  connector.take();
  const answers = await Promise.all(
    Array.from({ length: VOTERS }, (_, i) =>
      bot.press(VERB.pollVote, { pollId, stance: i % 10 === 0 ? 'abstain' : 'agree', reason: '' }, { ...inChat, from: voter(i), replyToId: 'load-poll-card' }),
    ),
  );
  expect(answers.map((a) => a.status)).toEqual(Array(VOTERS).fill(200));
  expect(answers.every((a) => a.body.type === 'application/vnd.microsoft.card.adaptive')).toBe(true);
  expect(votesOfPoll()).toHaveLength(VOTERS);
  expect(new Set(votesOfPoll().map((v) => v.voterKey)).size).toBe(VOTERS);

  await bot.flokk.outbox.idle();
  const updates = connector.take().filter((s) => s.method === 'PUT' && s.path.endsWith('/activities/load-poll-card'));
  expect(updates.length).toBeGreaterThanOrEqual(1);
  expect(updates.length).toBeLessThan(VOTERS / 4);
  const latest = updates.at(-1)!.activity.attachments[0].content;
  // Everyone in the chat may vote: the voters and the secretariat, who has not.
  expect(JSON.stringify(latest)).toContain(`${VOTERS} av ${VOTERS + 1} har stemt`);
  expect(latest.refresh.userIds.length).toBeLessThanOrEqual(MAX_REFRESH_USERS);

  await bot.stop();
  bot = await startTestBot({}, { connector, dir: bot.dir, keepDir: true });
  expect(votesOfPoll()).toHaveLength(VOTERS);
});

it('counts the same activity delivered twice once, and answers both deliveries alike', async () => {
  const before = votesOfPoll().length;
  const late = voter(VOTERS + 1);
  await bot.flokk.store.update((p) => ({
    next: { ...p, people: [...p.people, { id: 'person-late', aadObjectId: late.aadObjectId, name: late.name, organisationId: 'kommune-5001', networkId: 'digitrondelag', roles: [], example: false }] },
    result: undefined,
  }));
  const activity = execute(VERB.pollVote, { pollId, stance: 'disagree', reason: 'Vi har egen avtale' }, { serviceUrl: connector.serviceUrl, ...inChat, from: late });
  const [first, second] = await Promise.all([bot.post(activity), bot.post(activity)]);
  expect(first.status).toBe(200);
  expect(second.body).toEqual(first.body);
  expect(votesOfPoll()).toHaveLength(before + 1);
  const third = await bot.press(VERB.pollVote, { pollId, stance: 'disagree', reason: 'Vi har egen avtale' }, { ...inChat, from: late });
  expect(third.status).toBe(200);
  expect(votesOfPoll()).toHaveLength(before + 1);
});

it('ends one person racing 20 clicks with exactly one vote', async () => {
  const before = votesOfPoll().length;
  const racer = voter(7);
  const stances = ['agree', 'abstain', 'disagree', 'block'] as const;
  await Promise.all(
    Array.from({ length: 20 }, (_, i) => bot.press(VERB.pollVote, { pollId, stance: stances[i % 4], reason: `klikk ${i}` }, { ...inChat, from: racer })),
  );
  expect(votesOfPoll()).toHaveLength(before);
  await bot.flokk.store.flush();
  // What a restart would load: the data file and its journal.
  const reopened = await readPortfolioFile(bot.config.dataFile);
  expect(reopened.votes.filter((v) => v.pollId === pollId)).toHaveLength(before);
});

it('refuses a vote on a conversation poll from another conversation', async () => {
  const { body } = await bot.press(VERB.pollVote, { pollId, stance: 'agree' }, { where: 'personal', from: voter(3) });
  expect(body.value).toBe('Du har ikke stemmerett i denne avstemningen.');
});

it('writes no voter names, reasons or tokens of the anonymous poll into the log', () => {
  const log = logLines.join('\n');
  expect(logLines.length).toBeGreaterThan(0);
  for (const secret of ['Vi har egen avtale', 'klikk 1', 'Velger 7', voter(7).aadObjectId]) expect(log).not.toContain(secret);
});
