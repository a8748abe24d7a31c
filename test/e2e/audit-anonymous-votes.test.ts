import { readFile } from 'node:fs/promises';
import { VERB } from '../../src/cards/actions';
import { auditFileFor } from '../../src/flokk';
import { readPortfolioFile } from '../../src/store/load-portfolio';
import { demoUser, SECRETARIAT, type User } from '../fixtures/activities';
import { startTestBot, textOf, type TestBot } from './harness';

/**
 * Votes in an anonymous poll leave no link to the voter: through the real endpoint, neither the
 * audit log nor the data file holds who cast them or when to the second. The same votes in a poll
 * that is not anonymous are recorded in full, which shows the test can tell the two apart.
 */
const T0 = new Date('2026-12-01T09:00:00Z');
let now = T0;
const clock = () => now;

const VOTERS = [demoUser('03', 'Ingrid Prøvestad'), demoUser('04', 'Per Testmo'), demoUser('05', 'Sigrid Fiktivlia')];
const FINE_TIME = /T\d{2}:\d{2}/;

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({}, { clock });
});
afterAll(() => bot.stop());

const press = async (verb: string, data: Record<string, unknown>, from: User, extra: Record<string, unknown> = {}) => {
  const { status, body } = await bot.press(verb, data, { from, where: 'channel', ...extra });
  expect(status).toBe(200);
  return body as { type: string; value: any };
};

let form = 0;
async function openPoll(question: string, anonymous: boolean): Promise<string> {
  const replyToId = `audit-poll-form-${++form}`;
  await press(VERB.pollOpen, { kind: 'consensus', question, anonymous: String(anonymous), deadlineDate: '2026-12-08', deadlineTime: '12:00' }, SECRETARIAT, { replyToId });
  return bot.flokk.store.read().polls.find((x) => x.cardActivityId === replyToId)!.id;
}

/** Each voter votes at a moment of their own; the first changes their vote later, after midnight in Oslo. */
async function voteIn(pollId: string): Promise<void> {
  const moments = ['2026-12-01T09:03:17.123Z', '2026-12-01T09:04:02.456Z', '2026-12-01T13:30:00.789Z'];
  for (const [i, voter] of VOTERS.entries()) {
    now = new Date(moments[i]!);
    const mine = await press(VERB.pollVote, { pollId, stance: i === 0 ? 'disagree' : 'agree', reason: i === 0 ? 'For tidlig' : '' }, voter);
    expect(textOf(mine.value)).toContain('Din stemme:');
  }
  now = new Date('2026-12-01T23:30:00.000Z'); // 00:30 on 2 December in Oslo
  await press(VERB.pollVote, { pollId, stance: 'agree', reason: '' }, VOTERS[0]!);
}

describe('votes in an anonymous poll', () => {
  let anonymous: string;
  let open: string;
  let audit: Array<Record<string, any>>;
  let data: { votes: Array<Record<string, any>>; people: Array<{ id: string; aadObjectId?: string }> };
  let identities: string[];

  beforeAll(async () => {
    anonymous = await openPoll('Hemmelig sak om innkjøp?', true);
    open = await openPoll('Åpen sak om innkjøp?', false);
    await voteIn(anonymous);
    await voteIn(open);
    await bot.flokk.store.flush();
    audit = (await readFile(auditFileFor(bot.config.dataFile), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    // What is on disk: the snapshot and the journal beside it, as the store reads them at start.
    data = (await readPortfolioFile(bot.config.dataFile)) as unknown as typeof data;
    const people = data.people.filter((p) => VOTERS.some((v) => v.aadObjectId === p.aadObjectId));
    expect(people).toHaveLength(VOTERS.length);
    identities = [...people.map((p) => p.id), ...VOTERS.map((v) => v.aadObjectId), ...VOTERS.map((v) => v.name)];
  });

  const votesIn = (pollId: string) => audit.filter((e) => e.action === VERB.pollVote && e.objects?.pollId === pollId);

  it('are in the audit log as the action, the poll and the Oslo date only: no actor, no person, no time of day', () => {
    const entries = votesIn(anonymous);
    expect(entries).toEqual([
      { at: '2026-12-01', networkId: 'digitrondelag', action: 'poll.vote', objects: { pollId: anonymous } },
      { at: '2026-12-01', networkId: 'digitrondelag', action: 'poll.vote', objects: { pollId: anonymous } },
      { at: '2026-12-01', networkId: 'digitrondelag', action: 'poll.vote', objects: { pollId: anonymous } },
      { at: '2026-12-02', networkId: 'digitrondelag', action: 'poll.vote', objects: { pollId: anonymous } },
    ]);
    const text = JSON.stringify(entries);
    for (const id of identities) expect(text).not.toContain(id);
    expect(text).not.toMatch(FINE_TIME);
  });

  it('show in the secretariat\'s audit card as an anonymous vote on its date, naming no one', async () => {
    const [card] = await bot.say('revisjonslogg');
    const rows = textOf(card!).split('\n').filter((row) => row.includes(anonymous));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe(`2026-12-02 · **anonym stemme** · poll.vote · ${anonymous}`);
    for (const v of VOTERS) expect(rows.join('\n')).not.toContain(v.name);
  });

  it('keep only their Oslo date in the data file, under keys that name no one', () => {
    const votes = data.votes.filter((v) => v.pollId === anonymous);
    expect(votes.map((v) => v.at).sort()).toEqual(['2026-12-01', '2026-12-01', '2026-12-02']);
    const text = JSON.stringify(votes);
    for (const id of identities) expect(text).not.toContain(id);
    expect(text).not.toMatch(FINE_TIME);
  });

  it('while the same votes in a poll that is not anonymous are recorded with who and when', () => {
    const entries = votesIn(open);
    expect(entries).toHaveLength(4);
    expect(entries[0]).toMatchObject({ actor: VOTERS[0]!.aadObjectId, personId: expect.stringMatching(/^person-/), at: '2026-12-01T09:03:17.123Z' });
    expect(data.votes.filter((v) => v.pollId === open).map((v) => v.at)).toContain('2026-12-01T13:30:00.789Z');
    // Other changes in the anonymous poll still name who made them: opening it is the secretariat's.
    expect(audit.find((e) => e.action === VERB.pollOpen)).toMatchObject({ actor: SECRETARIAT.aadObjectId });
  });
});
