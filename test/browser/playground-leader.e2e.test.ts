import type { Locator } from 'playwright-core';
import { VERB } from '../../src/cards/actions';
import type { Poll } from '../../src/domain/schema';
import { messages, type Messages } from '../../src/i18n';
import { demoUser, type User } from '../fixtures/activities';
import { openPollFromForm, ownPollView, pollForm, startPlaygroundSession, STEP_TIMEOUT, type PlaygroundSession } from './playground-session';

/**
 * A board leader's session through Microsoft 365 Agents Playground (see playground.e2e.test.ts):
 * Ola Demodal, who leads DigiTrøndelag's programme board, with a nynorsk Teams client (the locale
 * proxy sends nn-NO). He opens a board poll through the form card; the other board members vote in
 * their own Teams, here over HTTP to Flokk's endpoint (the playground has one user), one of them
 * blocking with a reason; he closes the poll, gets the leader's card and rejects with a reason.
 *
 * What only he sees (the form, his own poll view, the answer to his decision) is in his language;
 * what Flokk posts in the conversation for everyone (the shared poll card, the leader's card) is in
 * the network's, bokmål for DigiTrøndelag (README, "Every card, in all three languages").
 *
 * The screenshot (his own view of the blocked poll, in nynorsk) goes to a temporary folder; with
 * FLOKK_SCREENSHOTS=docs it replaces docs/playground-leader-nn.png.
 */
jest.setTimeout(120_000);

const nn = messages('nn');
const nb = messages('nb');
const BOARD_MEMBERS: User[] = [demoUser('03', 'Ingrid Prøvestad'), demoUser('04', 'Per Testmo'), demoUser('05', 'Sigrid Fiktivlia'), demoUser('06', 'Lars Oppdiktsen'), demoUser('07', 'Marit Eksempelvik')];
const BLOCKER = BOARD_MEMBERS[1]!;
const BLOCK_REASON = 'Personvernet er ikkje vurdert';
const STATEMENT = 'Personvernet må vurderast før programstyret kan vedta depotløsninga.';

let s: PlaygroundSession;

beforeAll(async () => {
  s = await startPlaygroundSession({ as: 'Ola Demodal', locale: 'nn-NO', welcome: nn.help.title });
});

afterAll(async () => {
  await s?.close();
});

/**
 * Flokk's words on a card are in `own` and not in the other language: each text `pick` names is
 * there in `own`'s wording and, where the two languages word it differently, not in `other`'s.
 */
async function expectWording(card: Locator, own: Messages, other: Messages, pick: (t: Messages) => string[]): Promise<void> {
  const text = (await card.innerText()).replace(/\s+/g, ' ');
  const flat = (x: string) => x.replace(/\s+/g, ' ');
  const [mine, theirs] = [pick(own).map(flat), pick(other).map(flat)];
  mine.forEach((words, i) => {
    expect(text).toContain(words);
    if (theirs[i] !== words) expect(text).not.toContain(theirs[i]);
  });
}

const pollOf = (question: string): Poll | undefined => s.flokk.store.read().polls.find((x) => x.question === question);

it('lets a nynorsk board leader open a board poll, see it blocked, and decide with a reason', async () => {
  const store = () => s.flokk.store.read();
  const network = store().networks.find((n) => n.id === 'digitrondelag')!;
  const shared = messages(network.locale);
  const board = store().bodies.find((b) => b.networkId === network.id && b.kind === 'programme_board')!;
  const project = store().projects.find((x) => x.id === 'p-depot-digitalt-arkiv')!;

  // The form, in his language, with the proposal under consideration prefilled.
  const form = await pollForm(s, nn, 'avstemming om depotløsning');
  await expectWording(form, nn, nb, (t) => [t.poll.formTitle, t.poll.formIntro(board.name), t.poll.eligible, t.poll.submit]);
  const question = await openPollFromForm(s, nn, form, `${new Date().getUTCFullYear() + 1}-06-15`);
  expect(question).toBe(nn.poll.approveQuestion(project.title, board.name));
  const poll = pollOf(question)!;
  expect(poll).toMatchObject({ status: 'open', kind: 'consensus', eligibleMode: 'board', bodyId: board.id, projectId: project.id, createdBy: 'person-ola-demodal' });
  expect([...poll.eligiblePersonIds].sort()).toEqual(['person-ola-demodal', ...BOARD_MEMBERS.map((m) => store().people.find((p) => p.aadObjectId === m.aadObjectId)!.id)].sort());

  // The other members vote in their own Teams; each vote updates the shared card on his page.
  await s.settled();
  for (const member of BOARD_MEMBERS) {
    const ballot = member === BLOCKER ? { stance: 'block', reason: BLOCK_REASON } : { stance: 'agree', reason: '' };
    const answer = await s.pressAs(member, poll.conversation!, poll.cardActivityId, VERB.pollVote, { pollId: poll.id, ...ballot });
    expect(answer.status).toBe(200);
  }
  expect(store().votes.filter((v) => v.pollId === poll.id)).toHaveLength(BOARD_MEMBERS.length);

  // The shared card is the network's; «Stem» on it gives him his own view, in his language.
  const pollCard = s.card(question);
  await ownPollView(s, pollCard, shared.poll.vote, nn.poll.notVoted, 'after the others voted');
  await expectWording(pollCard, nn, nb, (t) => [
    t.poll.participation(5, 6, poll.quorum),
    t.poll.reasons,
    `${t.poll.stances.block}: ${BLOCK_REASON}`,
    t.poll.notVoted,
    t.poll.stances.agree,
    t.poll.stances.disagree,
    t.poll.close,
  ]);

  await s.screenshot('playground-leader-nn.png');
  await pollCard.getByRole('button', { name: nn.poll.close, exact: true }).click();
  await s.step('see the poll waiting for the leader', () => s.waitUntil(() => pollOf(question)?.status === 'awaiting_leader'));
  expect(store().decisions.some((d) => d.pollId === poll.id)).toBe(false);

  // Consensus failed: the leader's card, posted in the conversation with him mentioned.
  const leaderCard = s.page.locator('.ac-adaptiveCard').filter({ hasText: question }).filter({ has: s.page.getByRole('textbox') }).last();
  await s.step('see the leader\'s card', async () => {
    await leaderCard.waitFor({ timeout: STEP_TIMEOUT });
    await s.settled();
  });
  await expectWording(leaderCard, shared, nn, (t) => [t.poll.leaderTitle, t.poll.leaderIntro('Ola Demodal', board.name), t.poll.statuses.awaiting_leader, t.poll.statement]);
  await expect(s.page.getByText(shared.poll.leaderNeeded('Ola Demodal', question)).count()).resolves.toBe(1);

  // Rejecting is behind a confirmation: «Avvis …» opens it, «Avvis» in it decides.
  await leaderCard.getByRole('textbox', { name: shared.poll.statement }).fill(STATEMENT);
  await leaderCard.getByRole('button', { name: `${shared.poll.reject} …`, exact: true }).click();
  const confirm = leaderCard.getByRole('button', { name: shared.poll.reject, exact: true });
  await s.step('see the confirmation', async () => {
    await leaderCard.getByText(shared.lifecycle.areYouSure).waitFor({ timeout: STEP_TIMEOUT });
    await confirm.waitFor({ timeout: STEP_TIMEOUT });
  });
  await confirm.click();
  await s.step('see the decision stored', () => s.waitUntil(() => pollOf(question)?.status === 'decided'));

  // The message becomes the decision: his answer (nynorsk) and the conversation's copy (the
  // network's language) replace it, and the playground shows whichever it draws last.
  const decided = s.card(STATEMENT);
  await s.step('see the decision card', async () => {
    await decided.waitFor({ timeout: STEP_TIMEOUT });
    await s.settled();
  });
  const shownIn = (await decided.innerText()).includes(nn.decision.methods.leader) ? nn : shared;
  await expectWording(decided, shownIn, shownIn === nn ? shared : nn, (t) => [t.decision.methods.leader, t.decision.outcomes.rejected, t.decision.decidedBy, t.decision.statement, t.decision.dissent]);
  await expect(decided.innerText()).resolves.toContain(`${BLOCKER.name}: ${BLOCK_REASON}`);

  const decision = store().decisions.find((d) => d.pollId === poll.id)!;
  expect(decision).toMatchObject({ method: 'leader', outcome: 'rejected', decidedBy: 'person-ola-demodal', statement: STATEMENT, bodyId: board.id, projectId: project.id });
  expect(decision.dissent).toEqual([{ personId: 'person-per-testmo', reason: BLOCK_REASON }]);
  expect(pollOf(question)).toMatchObject({ status: 'decided', decisionId: decision.id });
  expect(store().projects.find((x) => x.id === project.id)!.status).toBe('rejected');
});
