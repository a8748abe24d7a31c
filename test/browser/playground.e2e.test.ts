import { messages } from '../../src/i18n';
import { VERB } from '../../src/cards/actions';
import { demoUser } from '../fixtures/activities';
import type { Locator } from 'playwright-core';
import { openPollFromForm, ownPollView, pollForm, startPlaygroundSession, STEP_TIMEOUT, type PlaygroundSession } from './playground-session';

/**
 * Flokk through a real client: Microsoft 365 Agents Playground (the Teams stand-in behind
 * `npm run playground`) in headless Chromium, typing in its compose box and pressing buttons on
 * the Adaptive Cards it renders. The playground is the Bot Framework connector too, so Flokk's
 * replies go to it and appear on the page. Here the playground user is the demo secretariat with a
 * bokmål client; playground-leader.e2e.test.ts is the board leader with a nynorsk one.
 *
 * What this client cannot show, and where it is covered instead (test/e2e/, over HTTP):
 * - several distinct people in the browser (the playground has one current user), so other
 *   people's presses are sent to Flokk over HTTP, and votes and permissions by person are HTTP tests;
 * - the message-extension search (the playground does not read the app manifest), see
 *   message-extension.test.ts;
 * - the user's client language (the playground always sends en-US; the proxy from
 *   scripts/agents-playground.ts sends nb-NO, as a Norwegian Teams client would);
 * - Teams' own refusals and retries (429, expired cards), and full-width cards.
 *
 * Screenshots go to a temporary folder; with FLOKK_SCREENSHOTS=docs they replace
 * docs/playground-lookup.png, docs/playground-proposal.png and docs/playground-poll.png (used by
 * the README).
 */
jest.setTimeout(120_000);

/** Flokk's words in the secretariat's language, read from the catalogue as the cards use it. */
const nb = messages('nb');
let s: PlaygroundSession;

beforeAll(async () => {
  s = await startPlaygroundSession({ locale: 'nb-NO', welcome: nb.help.title });
});

afterAll(async () => {
  await s?.close();
});

it('answers who owns a project, in bokmål', async () => {
  await s.step('ask who owns «felles sak-/arkivsystem»', () => s.send('hvem eier felles sak-/arkivsystem?'));
  // Rendered markdown: the log panel shows the raw "**Trondheim**", the chat shows "Trondheim" in bold.
  const answer = s.page.getByText(/Felles sak-\/arkivsystem eies av Trondheim\. Prosjektleder er Eli Fiktivdal\. Status: I gang\./).first();
  await s.step('read the answer on the page', () => answer.waitFor({ timeout: STEP_TIMEOUT }));
  await expect(answer.locator('strong, b').allInnerTexts()).resolves.toEqual(['Felles sak-/arkivsystem', 'Trondheim']);
  await s.screenshot('playground-lookup.png');
});

it('proposes a project through the form card and shows the saved project card', async () => {
  await s.step('ask for the proposal form', () => s.send('foreslå prosjekt Testprosjekt'));
  const form = s.card(nb.proposal.submit);
  await s.step('see the proposal form', () => form.waitFor({ timeout: STEP_TIMEOUT }));
  const title = form.getByRole('textbox', { name: nb.proposal.title });
  await expect(title.inputValue()).resolves.toBe('Testprosjekt');

  const choose = async (label: string, option: string | RegExp, typed?: string) => {
    const box = form.getByRole('combobox', { name: label });
    await box.click();
    if (typed) await box.fill(typed);
    await s.page.getByRole('option', { name: option, exact: true }).click();
  };
  await s.step('fill in the form', async () => {
    await title.fill('Testprosjekt fra nettleseren');
    await choose(nb.proposal.owner, 'Ørland', 'Ørl');
    await choose(nb.project.area, 'velferdsteknologi');
    await choose(nb.project.horizon, /^H2 /);
  });
  await form.getByRole('button', { name: nb.proposal.submit }).click();

  const projectCard = s.card('Testprosjekt fra nettleseren');
  await s.step('see the project card', () => projectCard.getByText(nb.labels.status.proposed, { exact: true }).waitFor({ timeout: STEP_TIMEOUT }));
  // The press answers with the secretariat's own view (its buttons) and updates the shared message to
  // everyone's view (only «Vis mine valg», and a refresh Teams runs for the secretariat). The playground
  // shows the two in whichever order they arrive and runs no refresh, so once the page has settled a
  // person there may see everyone's view and press «Vis mine valg», as this does.
  const submit = projectCard.getByRole('button', { name: nb.lifecycle.submit, exact: true });
  const mine = projectCard.getByRole('button', { name: nb.lifecycle.showMine, exact: true });
  await s.step('see the secretariat\'s own buttons', async () => {
    await s.settled();
    if ((await mine.count()) > 0) await mine.click();
    await submit.waitFor({ timeout: STEP_TIMEOUT });
    await s.settled();
  });
  const text = await projectCard.innerText();
  expect(text).toMatch(new RegExp(`${nb.project.owner}\\s+Ørland`));
  expect(text).toMatch(new RegExp(`${nb.project.horizon}\\s+H2 \\(2–6 år\\)`));
  expect(text).toMatch(new RegExp(`${nb.project.area}\\s+velferdsteknologi`));
  await expect(submit.count()).resolves.toBe(1);
  await expect(mine.count()).resolves.toBe(0);
  await s.screenshot('playground-proposal.png');

  const saved = s.flokk.store.read().projects.filter((p) => p.title === 'Testprosjekt fra nettleseren');
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({
    status: 'proposed',
    networkId: 'digitrondelag',
    ownerOrganisationId: 'kommune-5057',
    area: 'velferdsteknologi',
    horizon: 'H2',
    createdBy: 'person-sekretariat',
  });
});

const STANCES = [nb.poll.stances.agree, nb.poll.stances.abstain, nb.poll.stances.disagree, nb.poll.stances.block];
const stanceButtons = (card: Locator) => card.getByRole('button', { name: new RegExp(`^(${STANCES.join('|')})$`) });

it('opens a poll for everyone in the conversation, votes on it and sees the own vote and the tally', async () => {
  // Open for everyone in the conversation, so the secretariat (not on the programme board) votes.
  const nextYear = new Date().getUTCFullYear() + 1;
  const form = await pollForm(s, nb, 'avstemning Skal vi ha felles julebord?');
  const question = await openPollFromForm(s, nb, form, `${nextYear}-06-15`, nb.poll.eligibleModes.conversation);
  // The question comes prefilled from the command, question mark and all.
  expect(question).toBe('Skal vi ha felles julebord?');
  const votesBefore = s.flokk.store.read().votes.length;

  // The invoke answers with the voter's own view, and Flokk updates the same message to the shared
  // card (the tally and a «Stem» button that asks for one's own view).
  const pollCard = s.card(question);
  await ownPollView(s, pollCard, nb.poll.vote, nb.poll.notVoted, 'before voting');
  await expect(stanceButtons(pollCard).allInnerTexts()).resolves.toEqual(STANCES);

  await pollCard.getByRole('button', { name: nb.poll.stances.agree, exact: true }).click();
  await s.step('see the vote stored', () => s.waitUntil(() => s.flokk.store.read().votes.length > votesBefore));
  await ownPollView(s, pollCard, nb.poll.vote, nb.poll.yourVote(nb.poll.stances.agree), 'after voting');
  await expect(pollCard.innerText()).resolves.toContain(nb.poll.participation(1, 1, 1).split(' (')[0]);
  await s.screenshot('playground-poll.png');

  const polls = s.flokk.store.read().polls.filter((x) => x.question === question);
  expect(polls).toHaveLength(1);
  expect(polls[0]).toMatchObject({ status: 'open', kind: 'consensus', eligibleMode: 'conversation', createdBy: 'person-sekretariat', deadline: `${nextYear}-06-15T10:00:00.000Z` });
  const votes = s.flokk.store.read().votes.filter((v) => v.pollId === polls[0]!.id);
  expect(votes).toHaveLength(1);
  expect(votes[0]).toMatchObject({ stance: 'agree' });
});

it('tells the secretariat, who is not on the board, why it cannot vote when it presses «Stem» on a board poll', async () => {
  const nextYear = new Date().getUTCFullYear() + 1;
  // The board is the form's default voters; the proposal under consideration prefills the question.
  const question = await openPollFromForm(s, nb, await pollForm(s, nb, 'avstemning om felles logganalyse'), `${nextYear}-06-16`);
  const poll = s.flokk.store.read().polls.find((x) => x.question === question)!;
  expect(poll).toMatchObject({ eligibleMode: 'board', projectId: 'p-logganalyse-hendelser', createdBy: 'person-sekretariat' });
  expect(poll.eligiblePersonIds).not.toContain('person-sekretariat');

  // A board member votes in their own Teams: the shared card (with «Stem») replaces whatever the
  // secretariat's page showed, as it would for anyone who has not asked for their own view.
  await s.settled();
  const member = await s.pressAs(demoUser('03', 'Ingrid Prøvestad'), poll.conversation!, poll.cardActivityId, VERB.pollVote, { pollId: poll.id, stance: 'agree', reason: '' });
  expect(member.status).toBe(200);
  const pollCard = s.card(question);
  const vote = pollCard.getByRole('button', { name: nb.poll.vote, exact: true });
  await s.step('see the shared card with «Stem»', async () => {
    await s.settled();
    await vote.waitFor({ timeout: STEP_TIMEOUT });
  });
  await vote.click();

  const bodyName = s.flokk.store.read().bodies.find((b) => b.id === poll.bodyId)!.name;
  const why = nb.poll.notEligible(bodyName);
  await s.step('see why it cannot vote', async () => {
    await pollCard.getByText(why).waitFor({ timeout: STEP_TIMEOUT });
    await s.settled();
  });
  await expect(pollCard.getByText(why).count()).resolves.toBe(1);
  await expect(stanceButtons(pollCard).count()).resolves.toBe(0);
  await expect(pollCard.getByRole('textbox').count()).resolves.toBe(0);
  // The secretariat may still manage the poll it opened.
  await expect(pollCard.getByRole('button', { name: nb.poll.close, exact: true }).count()).resolves.toBe(1);
});
