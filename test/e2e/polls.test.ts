import { VERB } from '../../src/cards/actions';
import { demoUser, SECRETARIAT, BOARD_LEADER, NILS, type User } from '../fixtures/activities';
import { startFakeConnector, type FakeConnector } from './fake-connector';
import { startTestBot, textOf, type TestBot } from './harness';

/** A download is a card with a button (Action.OpenUrl), not a Markdown link: its address. */
const downloadLink = (answer: unknown): string => /"type":"Action.OpenUrl"[^}]*"url":"(http[^"]+)"|"url":"(http[^"]+)"/.exec(JSON.stringify(answer))!.slice(1).find(Boolean)!;

/**
 * Programme-board polls through the real endpoint: opening, voting, closing, the leader's
 * decision, the decision record and the project's status, with a clock the test controls.
 */
const T0 = new Date('2026-12-01T09:00:00Z');
let now = T0;
const clock = () => now;
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

/** The DigiTrøndelag programme board on 1 December 2026: the leader and five members. */
const BOARD = [BOARD_LEADER, demoUser('03', 'Ingrid Prøvestad'), demoUser('04', 'Per Testmo'), demoUser('05', 'Sigrid Fiktivlia'), demoUser('06', 'Lars Oppdiktsen'), demoUser('07', 'Marit Eksempelvik')];
const CHANNEL = '19:general@thread.tacv2';

let connector: FakeConnector;
let bot: TestBot;
beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startTestBot({}, { clock, connector, keepDir: true });
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
});
beforeEach(() => {
  now = T0;
});

const press = async (verb: string, data: Record<string, unknown>, from: User, extra: Record<string, unknown> = {}) => {
  const { status, body } = await bot.press(verb, data, { from, where: 'channel', ...extra });
  expect(status).toBe(200);
  return body as { type: string; value: any };
};

let formMessage = 0;
async function openPoll(fields: Record<string, unknown>, from: User = SECRETARIAT) {
  const replyToId = `poll-form-${++formMessage}`;
  const body = await press(VERB.pollOpen, { deadlineDate: '2026-12-08', deadlineTime: '12:00', ...fields }, from, { replyToId });
  const poll = bot.flokk.store.read().polls.find((x) => x.cardActivityId === replyToId);
  return { body, poll: poll!, replyToId };
}
const pollNow = (id: string) => bot.flokk.store.read().polls.find((x) => x.id === id)!;
const cardUpdates = (replyToId: string) => connector.take().filter((s) => s.method === 'PUT' && s.path.endsWith(`/activities/${replyToId}`));

describe('a consensus poll on a proposal, reached', () => {
  let pollId: string;
  let replyToId: string;

  it('is opened by the secretariat for the programme board, and the form becomes the shared poll card', async () => {
    connector.take();
    const opened = await openPoll({ kind: 'consensus', question: 'Skal programstyret vedta depotløsningen?', projectId: 'p-depot-digitalt-arkiv' });
    pollId = opened.poll.id;
    replyToId = opened.replyToId;
    expect(opened.poll).toMatchObject({ status: 'open', kind: 'consensus', projectId: 'p-depot-digitalt-arkiv', quorum: 4, deadline: '2026-12-08T11:00:00.000Z' });
    expect([...opened.poll.eligiblePersonIds].sort()).toEqual(
      ['person-ola-demodal', 'person-ingrid-provestad', 'person-per-testmo', 'person-sigrid-fiktivlia', 'person-lars-oppdiktsen', 'person-marit-eksempelvik'].sort(),
    );
    await bot.flokk.outbox.idle();
    const [shared] = cardUpdates(replyToId);
    const card = shared!.activity.attachments[0].content;
    expect(card.refresh.userIds).toHaveLength(6);
    expect(card.refresh.userIds).toContain(BOARD_LEADER.aadObjectId);
    expect(textOf(shared!)).toContain('0 av 6 har stemt');
  });

  it('refuses anyone but the secretariat or leader to open a poll', async () => {
    const body = await press(VERB.pollOpen, { kind: 'consensus', question: 'Noe', deadlineDate: '2026-12-08', deadlineTime: '12:00' }, NILS);
    expect(body.value).toBe('Bare sekretariatet og lederen av programstyret kan starte en avstemning.');
  });

  it('gives each voter their own view, and refuses a reason-less disagreement', async () => {
    const own = await press(VERB.pollRefresh, { pollId }, BOARD[1]!);
    expect(textOf(own.value)).toContain('Du har ikke stemt ennå');
    expect(own.value.actions.map((a: { title: string }) => a.title)).toEqual(['Enig', 'Avstår', 'Uenig', 'Blokkerer']);
    const noReason = await press(VERB.pollVote, { pollId, stance: 'disagree', reason: '  ' }, BOARD[1]!);
    expect(noReason.value).toBe('Skriv en begrunnelse når du er uenig, blokkerer eller protesterer.');
  });

  it('counts every vote, records disagreement as dissent, and reaches consensus on close', async () => {
    connector.take();
    await press(VERB.pollVote, { pollId, stance: 'disagree', reason: 'For dyrt for de minste kommunene' }, BOARD[1]!);
    for (const member of BOARD.slice(2, 5)) {
      const mine = await press(VERB.pollVote, { pollId, stance: 'agree', reason: '' }, member);
      expect(textOf(mine.value)).toContain('Din stemme: Enig');
    }
    const stranger = await press(VERB.pollVote, { pollId, stance: 'agree' }, NILS);
    expect(stranger.value).toBe('Du har ikke stemmerett i denne avstemningen.');
    await bot.flokk.outbox.idle();
    const updates = cardUpdates(replyToId);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(textOf(updates.at(-1)!)).toContain('4 av 6 har stemt');

    const closed = await press(VERB.pollClose, { pollId }, SECRETARIAT);
    expect(textOf(closed.value)).toMatch(/Vedtak PS \d+\/2026: Godkjent/);
    const decision = bot.flokk.store.read().decisions.find((d) => d.pollId === pollId)!;
    expect(decision).toMatchObject({ method: 'consensus', outcome: 'approved', projectId: 'p-depot-digitalt-arkiv', date: '2026-12-01' });
    expect(decision.dissent).toEqual([{ personId: 'person-ingrid-provestad', reason: 'For dyrt for de minste kommunene' }]);
    expect(decision.caseNumber).toMatch(/^PS \d+\/2026$/);
    expect(bot.flokk.store.read().projects.find((x) => x.id === 'p-depot-digitalt-arkiv')!.status).toBe('approved');
    expect(pollNow(pollId).status).toBe('decided');
  });

  it('refuses votes once closed', async () => {
    const late = await press(VERB.pollVote, { pollId, stance: 'agree' }, BOARD[5]!);
    expect(late.value).toBe('Avstemningen er avsluttet. Stemmen ble ikke registrert.');
  });

  it('lists the decision in the log, opens its card, and exports minutes and results', async () => {
    const [list] = await bot.say('vedtak 2026', { where: 'channel' });
    const text = textOf(list!);
    expect(text).toContain('Skal programstyret vedta depotløsningen?');
    expect(textOf((await bot.say('vedtak 2026 organ:PS'))[0]!)).toContain('Skal programstyret vedta depotløsningen?');
    expect(textOf((await bot.say('vedtak 2026 organ:ressursgruppe'))[0]!)).toContain('Ingen vedtak passer.');
    expect(textOf((await bot.say('vedtak prosjekt barnevern'))[0]!)).not.toContain('depotløsningen');
    const decision = bot.flokk.store.read().decisions.find((d) => d.pollId === pollId)!;
    const shown = await press(VERB.decisionShow, { decisionId: decision.id }, NILS);
    expect(textOf(shown.value)).toContain('Ingrid Prøvestad: For dyrt for de minste kommunene');
    const [minutes] = await bot.say('referat 2026');
    const link = downloadLink(minutes!.activity);
    const md = await (await fetch(link)).text();
    expect(md).toContain(`## ${decision.caseNumber}: Skal programstyret vedta depotløsningen?`);
    expect(md).toContain('Ingrid Prøvestad: For dyrt for de minste kommunene');
    const csvAnswer = await press(VERB.pollExport, { pollId }, NILS);
    const csv = await (await fetch(downloadLink(csvAnswer.value))).text();
    // What was decided (4 rows), the header, then one row per vote (issue 13: Norwegian Excel).
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(9);
    expect(csv).toContain('Utfall;Godkjent');
    expect(csv).toContain('Ingrid Prøvestad');
  });
});

describe('a block, and the leader decides', () => {
  it('sends a blocked poll to the leader, whose decision alone counts and needs a statement', async () => {
    const { poll, replyToId } = await openPoll({ kind: 'consensus', question: 'Skal vi vedta felles logganalyse?', projectId: 'p-logganalyse-hendelser' });
    await press(VERB.pollVote, { pollId: poll.id, stance: 'block', reason: 'Personvernet er ikke vurdert' }, BOARD[2]!);
    for (const member of BOARD.slice(3)) await press(VERB.pollVote, { pollId: poll.id, stance: 'agree' }, member);
    connector.take();
    const closed = await press(VERB.pollClose, { pollId: poll.id }, SECRETARIAT);
    expect(textOf(closed.value)).toContain('Venter på lederens avgjørelse');
    expect(bot.flokk.store.read().decisions.some((d) => d.pollId === poll.id)).toBe(false);
    await bot.flokk.outbox.idle();
    // The fixtures' channel messages are replies in thread 1: the poll's messages stay in that thread.
    const leaderCard = connector.take().find((s) => s.method === 'POST' && s.conversationId === `${CHANNEL};messageid=1`)!;
    expect(textOf(leaderCard)).toContain('Ola Demodal: konsensus ble ikke nådd');
    expect(leaderCard.activity.entities).toContainEqual({ type: 'mention', text: '<at>Ola Demodal</at>', mentioned: { id: BOARD_LEADER.aadObjectId, name: 'Ola Demodal' } });
    expect(replyToId).toBeDefined();

    const notLeader = await press(VERB.decisionLead, { pollId: poll.id, choice: 'approve', statement: 'Jeg bestemmer', from: BOARD_LEADER }, SECRETARIAT);
    expect(notLeader.value).toBe('Bare lederen av programstyret kan ta denne avgjørelsen.');
    const noStatement = await press(VERB.decisionLead, { pollId: poll.id, choice: 'approve', statement: ' ' }, BOARD_LEADER);
    expect(noStatement.value).toBe('Skriv en begrunnelse for avgjørelsen.');
    const decided = await press(VERB.decisionLead, { pollId: poll.id, choice: 'reject', statement: 'Personvernet må vurderes først.' }, BOARD_LEADER);
    expect(textOf(decided.value)).toContain('Lederens avgjørelse');
    const decision = bot.flokk.store.read().decisions.find((d) => d.pollId === poll.id)!;
    expect(decision).toMatchObject({ method: 'leader', outcome: 'rejected', decidedBy: 'person-ola-demodal', statement: 'Personvernet må vurderes først.' });
    expect(decision.dissent).toEqual([{ personId: 'person-per-testmo', reason: 'Personvernet er ikke vurdert' }]);
    expect(bot.flokk.store.read().projects.find((x) => x.id === 'p-logganalyse-hendelser')!.status).toBe('rejected');
    const again = await press(VERB.decisionLead, { pollId: poll.id, choice: 'approve', statement: 'Likevel' }, BOARD_LEADER);
    expect(again.value).toBe('Denne saken venter ikke på lederens avgjørelse.');
  });
});

describe('silent consent', () => {
  it('is approved when nobody objects by the deadline', async () => {
    const { poll } = await openPoll({ kind: 'consent', question: 'Godkjenne referatet fra november?' });
    await press(VERB.pollVote, { pollId: poll.id, stance: 'agree' }, BOARD[1]!);
    now = hours(24 * 8);
    await bot.flokk.scheduler.tick();
    const decision = bot.flokk.store.read().decisions.find((d) => d.pollId === poll.id)!;
    expect(decision).toMatchObject({ method: 'consent', outcome: 'approved' });
  });

  it('goes to the leader when someone objects', async () => {
    const { poll } = await openPoll({ kind: 'consent', question: 'Godkjenne budsjettjusteringen?' });
    const own = await press(VERB.pollRefresh, { pollId: poll.id }, BOARD[1]!);
    expect(own.value.actions.map((a: { title: string }) => a.title)).toEqual(['Ingen innvending', 'Jeg protesterer']);
    await press(VERB.pollVote, { pollId: poll.id, stance: 'object', reason: 'Tallene stemmer ikke' }, BOARD[1]!);
    now = hours(24 * 8);
    await bot.flokk.scheduler.tick();
    expect(pollNow(poll.id).status).toBe('awaiting_leader');
  });
});

describe('a choice poll', () => {
  it('is decided by majority', async () => {
    const { poll } = await openPoll({ kind: 'choice', question: 'Hvor holder vi samlingen?', options: 'Trondheim\nSteinkjer\nRøros' });
    expect(poll.options.map((o) => o.label)).toEqual(['Trondheim', 'Steinkjer', 'Røros']);
    const votes: Array<[User, string]> = [[BOARD[0]!, 'o3'], [BOARD[1]!, 'o3'], [BOARD[2]!, 'o1'], [BOARD[3]!, 'o3']];
    for (const [member, option] of votes) await press(VERB.pollVote, { pollId: poll.id, optionIds: option }, member);
    const two = await press(VERB.pollVote, { pollId: poll.id, optionIds: 'o1,o2' }, BOARD[4]!);
    expect(two.value).toBe('Den stemmen passer ikke til denne avstemningen.');
    const closed = await press(VERB.pollClose, { pollId: poll.id }, SECRETARIAT);
    expect(textOf(closed.value)).toContain('Valgt: Røros.');
    expect(bot.flokk.store.read().decisions.find((d) => d.pollId === poll.id)).toMatchObject({ method: 'majority', outcome: 'chosen', chosen: ['Røros'] });
  });
});

describe('anonymous polls with hidden results', () => {
  it('never show a tally while open, and never reveal who voted what, in cards or exports', async () => {
    const { poll, replyToId } = await openPoll({ kind: 'consensus', question: 'Hemmelig sak?', anonymous: 'true', hideResultsUntilClosed: 'true' });
    connector.take();
    await press(VERB.pollVote, { pollId: poll.id, stance: 'disagree', reason: 'Hemmelig begrunnelse' }, BOARD[1]!);
    const mine = await press(VERB.pollVote, { pollId: poll.id, stance: 'agree' }, BOARD[2]!);
    expect(textOf(mine.value)).toContain('Din stemme: Enig');
    expect(textOf(mine.value)).toContain('Resultatet vises når avstemningen er avsluttet.');
    expect(JSON.stringify(mine.value)).not.toContain('Hemmelig begrunnelse');
    await bot.flokk.outbox.idle();
    const shared = cardUpdates(replyToId).at(-1)!;
    expect(textOf(shared)).toContain('2 av 6 har stemt');
    expect(JSON.stringify(shared.activity)).not.toContain('Hemmelig begrunnelse');
    expect(JSON.stringify(shared.activity)).not.toMatch(/"Uenig","value":"1"/);

    const votes = bot.flokk.store.read().votes.filter((v) => v.pollId === poll.id);
    for (const v of votes) expect(v.voterKey).not.toMatch(/person-/);

    await press(VERB.pollVote, { pollId: poll.id, stance: 'agree' }, BOARD[3]!);
    await press(VERB.pollVote, { pollId: poll.id, stance: 'agree' }, BOARD[4]!);
    await press(VERB.pollClose, { pollId: poll.id }, SECRETARIAT);
    const decision = bot.flokk.store.read().decisions.find((d) => d.pollId === poll.id)!;
    expect(decision.dissent).toEqual([{ reason: 'Hemmelig begrunnelse' }]);
    const csvAnswer = await press(VERB.pollExport, { pollId: poll.id }, SECRETARIAT);
    const csv = await (await fetch(downloadLink(csvAnswer.value))).text();
    for (const name of ['Ingrid', 'Per Testmo', 'person-', BOARD[1]!.aadObjectId]) expect(csv).not.toContain(name);
    const [minutes] = await bot.say('referat 2026');
    const md = await (await fetch(downloadLink(minutes!.activity))).text();
    expect(md).toContain('Anonym: Hemmelig begrunnelse');
    expect(md).not.toContain('Ingrid Prøvestad: Hemmelig');
  });

  it('refuses to export results while they are hidden', async () => {
    const { poll } = await openPoll({ kind: 'consensus', question: 'Skjult sak?', hideResultsUntilClosed: 'true' });
    const body = await press(VERB.pollExport, { pollId: poll.id }, SECRETARIAT);
    expect(body.value).toBe('Avstemningen er fortsatt åpen.');
  });
});

describe('reminders', () => {
  it('reminds only eligible voters who have not voted, once', async () => {
    const { poll } = await openPoll({ kind: 'consensus', question: 'Påminnelsessak?', reminder: '24' });
    for (const member of BOARD.slice(0, 4)) await press(VERB.pollVote, { pollId: poll.id, stance: 'agree' }, member);
    connector.take();
    now = hours(24 * 6 + 4);
    await bot.flokk.scheduler.tick();
    await bot.flokk.scheduler.tick();
    await bot.flokk.outbox.idle();
    const reminders = connector.take().filter((s) => s.method === 'POST' && String(s.activity.text).includes('Påminnelse'));
    expect(reminders).toHaveLength(1);
    const mentioned = reminders[0]!.activity.entities.filter((e: { type: string }) => e.type === 'mention').map((e: { mentioned: { id: string } }) => e.mentioned.id);
    expect(mentioned.sort()).toEqual([BOARD[4]!.aadObjectId, BOARD[5]!.aadObjectId].sort());
  });
});

describe("a voter's own view", () => {
  it('stays after changing a vote: the shared card is updated before the own view comes back, so the own view arrives last', async () => {
    const { poll, replyToId } = await openPoll({ kind: 'consensus', question: 'Endringssak?' });
    await bot.flokk.outbox.idle();
    connector.take();
    for (const [stance, label] of [['agree', 'Enig'], ['abstain', 'Avstår'], ['agree', 'Enig']] as const) {
      const own = await press(VERB.pollVote, { pollId: poll.id, stance, reason: '' }, BOARD[1]!, { replyToId });
      // No outbox.idle() here: the update of the shared message has already been sent when the invoke answers.
      const updates = cardUpdates(replyToId);
      expect(updates).toHaveLength(1);
      expect(textOf(updates[0]!)).toContain('1 av 6 har stemt');
      expect(textOf(own.value)).toContain(`Din stemme: ${label}`);
      // The own view carries no refresh (teams-ai would send it to everyone) and the ballot's buttons, not «Stem».
      expect(own.value.refresh).toBeUndefined();
      expect(own.value.actions.map((a: { title: string }) => a.title)).toEqual(['Enig', 'Avstår', 'Uenig', 'Blokkerer']);
    }
    const again = await press(VERB.pollRefresh, { pollId: poll.id }, BOARD[1]!, { replyToId });
    expect(textOf(again.value)).toContain('Din stemme: Enig');
  });
});

describe('managing a poll', () => {
  it('lets the creator extend and reopen, but not a voter', async () => {
    const { poll } = await openPoll({ kind: 'consensus', question: 'Forlengelsessak?' });
    const denied = await press(VERB.pollExtend, { pollId: poll.id, deadlineDate: '2026-12-20', deadlineTime: '12:00' }, BOARD[1]!);
    expect(denied.value).toBe('Bare den som startet avstemningen, sekretariatet eller styrelederen kan endre den.');
    await press(VERB.pollExtend, { pollId: poll.id, deadlineDate: '2026-12-20', deadlineTime: '12:00' }, SECRETARIAT);
    expect(pollNow(poll.id).deadline).toBe('2026-12-20T11:00:00.000Z');
    await press(VERB.pollClose, { pollId: poll.id }, SECRETARIAT);
    expect(pollNow(poll.id).status).toBe('awaiting_leader');
    await press(VERB.pollReopen, { pollId: poll.id, deadlineDate: '2026-12-22', deadlineTime: '09:30' }, SECRETARIAT);
    expect(pollNow(poll.id)).toMatchObject({ status: 'open', deadline: '2026-12-22T08:30:00.000Z' });
  });
});

describe('deadlines survive a restart', () => {
  it('closes a poll whose deadline passed while Flokk was down, at start', async () => {
    const { poll } = await openPoll({ kind: 'consensus', question: 'Omstartsak?', deadlineDate: '2026-12-02', deadlineTime: '10:00' });
    for (const member of BOARD.slice(0, 4)) await press(VERB.pollVote, { pollId: poll.id, stance: 'agree' }, member);
    await bot.stop();
    now = hours(48);
    bot = await startTestBot({}, { clock, connector, dir: bot.dir, keepDir: true });
    const closed = bot.flokk.store.read().polls.find((x) => x.id === poll.id)!;
    expect(closed.status).toBe('decided');
    expect(bot.flokk.store.read().decisions.find((d) => d.pollId === poll.id)).toMatchObject({ method: 'consensus', outcome: 'approved', date: '2026-12-03' });
  });
});
