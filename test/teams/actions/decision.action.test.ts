import { VERB } from '../../../src/cards/actions';
import { decisionLead, decisionShow, decisionsMinutes, pollExport } from '../../../src/teams/actions/decision.action';
import type { TurnServices } from '../../../src/teams/turn';
import type { User } from '../../fixtures/activities';
import {
  asksToRegister,
  BOARD_LEADER,
  cardOf,
  effect,
  hoursAfter,
  INGRID,
  input,
  kindsOf,
  LARS,
  MARIT,
  nextTurn,
  NILS,
  openedPoll,
  PER,
  press,
  refused,
  SECRETARIAT,
  SIGRID,
  STRANGER,
  textOf,
  TRONDELAG,
  turnAs,
  vote,
  VESTLAND,
} from './action-helpers';

const LATER = hoursAfter(2);
const as = (services: TurnServices, user: User | undefined, now = LATER) => nextTurn(services, user, { now });

/** A consensus poll on «Felles logganalyse» that Per blocked, closed by the secretariat: it awaits the leader. */
async function blockedPoll(fields: Record<string, unknown> = {}) {
  const opened = await openedPoll({ kind: 'consensus', question: 'Skal vi vedta felles logganalyse?', projectId: 'p-logganalyse-hendelser', ...fields });
  const { services, poll } = opened;
  await vote(services, PER, { pollId: poll.id, stance: 'block', reason: 'Personvernet er ikke vurdert' });
  for (const member of [INGRID, SIGRID, LARS]) await vote(services, member, { pollId: poll.id, stance: 'agree' });
  await vote(services, MARIT, { pollId: poll.id, stance: 'abstain' });
  await press(as(services, SECRETARIAT), VERB.pollClose, { pollId: poll.id });
  expect(opened.store.read().polls[0]?.status).toBe('awaiting_leader');
  return opened;
}

/** A choice poll closed with a tie between Trondheim and Røros: it awaits the leader. */
async function tiedChoice() {
  // The board's quorum: a majority of its six members.
  const opened = await openedPoll({ kind: 'choice', question: 'Hvor holder vi samlingen?', options: 'Trondheim\nSteinkjer\nRøros', quorum: '4' });
  await vote(opened.services, INGRID, { pollId: opened.poll.id, optionIds: 'o1' });
  await vote(opened.services, PER, { pollId: opened.poll.id, optionIds: 'o3' });
  await vote(opened.services, SIGRID, { pollId: opened.poll.id, optionIds: 'o1' });
  await vote(opened.services, LARS, { pollId: opened.poll.id, optionIds: 'o3' });
  await press(as(opened.services, SECRETARIAT), VERB.pollClose, { pollId: opened.poll.id });
  expect(opened.store.read().polls[0]?.status).toBe('awaiting_leader');
  return opened;
}

describe('decision.lead', () => {
  it('records the leader’s decision with the statement and the poll’s dissent, and moves the project', async () => {
    const { services, store, poll } = await blockedPoll();
    await press(as(services, BOARD_LEADER), VERB.decisionLead, { pollId: poll.id, choice: 'reject', statement: ' Personvernet må vurderes først. ' });
    const decision = store.read().decisions.find((d) => d.pollId === poll.id)!;
    expect(decision).toMatchObject({
      caseNumber: 'PS 3/2026',
      date: '2026-12-01',
      question: 'Skal vi vedta felles logganalyse?',
      method: 'leader',
      outcome: 'rejected',
      statement: 'Personvernet må vurderes først.',
      dissent: [{ personId: 'person-per-testmo', reason: 'Personvernet er ikke vurdert' }],
      abstentions: 1,
      projectId: 'p-logganalyse-hendelser',
      decidedBy: 'person-ola-demodal',
    });
    expect(store.read().polls[0]).toMatchObject({ status: 'decided', decisionId: decision.id });
    expect(store.read().projects.find((x) => x.id === 'p-logganalyse-hendelser')?.status).toBe('rejected');
  });

  it('answers with the decision card, replaces the leader’s card with it and refreshes the poll', async () => {
    const { services, poll } = await blockedPoll();
    const reply = await decisionLead(as(services, BOARD_LEADER), input(VERB.decisionLead, { pollId: poll.id, choice: 'send_back', statement: 'Tilbake til ressursgruppa.' }));
    const text = textOf(cardOf(reply));
    expect(text).toContain('Vedtak PS 3/2026');
    expect(text).toContain('Vedtatt ved: Lederens avgjørelse');
    expect(text).toContain('Utfall: Sendt tilbake');
    expect(text).toContain('Avgjort av: Ola Demodal');
    expect(text).toContain('- Per Testmo: Personvernet er ikke vurdert');
    expect(kindsOf(reply).sort()).toEqual(['refreshPoll', 'replaceShared']);
    expect(effect(reply, 'refreshPoll').pollId).toBe(poll.id);
    expect(effect(reply, 'replaceShared').card).toEqual(reply.card);
  });

  it('lets the leader pick one of the tied options of a choice poll', async () => {
    const { services, store, poll } = await tiedChoice();
    const reply = await press(as(services, BOARD_LEADER), VERB.decisionLead, { pollId: poll.id, choice: 'option', optionId: 'o3', statement: 'Røros har best kapasitet.' });
    expect(store.read().decisions.find((d) => d.pollId === poll.id)).toMatchObject({ method: 'leader', outcome: 'chosen', chosen: ['Røros'] });
    expect(textOf(cardOf(reply))).toContain('Utfall: Valgt: Røros');
  });

  it.each([
    ['no option', { choice: 'option' }],
    ['an option the poll does not have', { choice: 'option', optionId: 'o9' }],
    ['approving a choice', { choice: 'approve' }],
  ])('refuses %s for a choice poll, changing nothing', async (_what, choice) => {
    const { services, store, poll } = await tiedChoice();
    const before = store.read();
    await refused(press(as(services, BOARD_LEADER), VERB.decisionLead, { pollId: poll.id, statement: 'Slik blir det.', ...choice }), 'DECISION.INVALID_CHOICE');
    expect(store.read()).toBe(before);
  });

  it('refuses a decision without a statement, changing nothing', async () => {
    const { services, store, poll } = await blockedPoll();
    const before = store.read();
    await refused(press(as(services, BOARD_LEADER), VERB.decisionLead, { pollId: poll.id, choice: 'approve', statement: '  ' }), 'DECISION.STATEMENT_REQUIRED');
    await refused(press(as(services, BOARD_LEADER), VERB.decisionLead, { pollId: poll.id, choice: 'approve' }), 'DECISION.STATEMENT_REQUIRED');
    expect(store.read()).toBe(before);
  });

  it('refuses anyone but the board leader, whatever the card data says, changing nothing', async () => {
    const { services, store, poll } = await blockedPoll();
    const before = store.read();
    for (const user of [SECRETARIAT, PER]) {
      await refused(press(as(services, user), VERB.decisionLead, { pollId: poll.id, choice: 'approve', statement: 'Jeg bestemmer', from: BOARD_LEADER.aadObjectId }), 'ACCESS.DENIED', {
        permission: 'decision.lead',
      });
    }
    await asksToRegister(press(as(services, STRANGER), VERB.decisionLead, { pollId: poll.id, choice: 'approve', statement: 'Jeg bestemmer' }));
    expect(store.read()).toBe(before);
  });

  it('refuses a second decision, and one on a poll that is not waiting for the leader', async () => {
    const { services, store, poll } = await blockedPoll();
    await press(as(services, BOARD_LEADER), VERB.decisionLead, { pollId: poll.id, choice: 'approve', statement: 'Godkjent med forbehold.' });
    const before = store.read();
    await refused(press(as(services, BOARD_LEADER), VERB.decisionLead, { pollId: poll.id, choice: 'reject', statement: 'Likevel ikke' }), 'POLL.NOT_AWAITING_LEADER');
    expect(store.read()).toBe(before);
    const open = await openedPoll({ kind: 'consent', question: 'Godkjenne referatet?' });
    await refused(press(as(open.services, BOARD_LEADER), VERB.decisionLead, { pollId: open.poll.id, choice: 'approve', statement: 'Ja' }), 'POLL.NOT_AWAITING_LEADER');
    await refused(press(as(open.services, BOARD_LEADER), VERB.decisionLead, { pollId: 'poll-nope', choice: 'approve', statement: 'Ja' }), 'POLL.NOT_FOUND');
  });

  it('refuses a choice the card cannot carry', () => {
    expect(() => input(VERB.decisionLead, { pollId: 'poll-1', choice: 'veto', statement: 'x' })).toThrow();
  });
});

describe('decision.show', () => {
  it('shows a decision of the network to anyone: question, method, outcome, dissent', async () => {
    const { turn, store } = turnAs(STRANGER);
    const before = store.read();
    const reply = await press(turn, VERB.decisionShow, { decisionId: 'd-ps-digitrondelag-2025-4' });
    const text = textOf(cardOf(reply));
    expect(text).toContain('Vedtak PS 4/2025');
    expect(text).toContain('Dato: 2025-06-12');
    expect(text).toContain('Vedtatt ved: Lederens avgjørelse');
    expect(text).toContain('Utfall: Avvist');
    expect(text).toMatch(/^- Ingrid Prøvestad: Blokkerer/m);
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(before);
  });

  it('names the project a decision concerns', async () => {
    const text = textOf(cardOf(await decisionShow(turnAs(NILS).turn, input(VERB.decisionShow, { decisionId: 'd-ps-digitrondelag-2025-7' }))));
    expect(text).toContain('Prosjekt: Felles fagsystem for barnevern');
    expect(text).toContain('Avstod: 1');
  });

  it('refuses a decision of another network, or none that exists', async () => {
    await refused(press(turnAs(undefined, { networkId: VESTLAND }).turn, VERB.decisionShow, { decisionId: 'd-ps-digitrondelag-2025-4' }), 'INPUT.INVALID');
    await refused(press(turnAs(NILS).turn, VERB.decisionShow, { decisionId: 'd-nope' }), 'INPUT.INVALID');
  });
});

describe('poll.export', () => {
  it('offers the results of a closed poll as CSV, one row per vote, with names and times', async () => {
    const { services, poll } = await blockedPoll();
    const reply = await pollExport(as(services, SECRETARIAT), input(VERB.pollExport, { pollId: poll.id }));
    expect(reply.card).toBeUndefined();
    expect(reply.effects).toEqual([]);
    const file = reply.download!.file;
    expect(file).toMatchObject({ name: `avstemning-${poll.id}.csv`, contentType: 'text/csv; charset=utf-8' });
    // For Norwegian Excel (issue 13): a byte-order mark, semicolons, labels in the reader's language, and what was decided first.
    expect(file.body.startsWith('\uFEFF')).toBe(true);
    const rows = file.body.slice(1).split('\r\n').filter(Boolean);
    expect(rows[0]).toMatch(/^Sak;/);
    expect(rows[2]).toBe('Utfall;Venter på lederens avgjørelse');
    expect(rows[4]).toBe('Stemt av;Stemme;Valg;Begrunnelse;Tidspunkt');
    expect(rows).toHaveLength(10);
    expect(rows).toContain(`Per Testmo;Blokkerer;;Personvernet er ikke vurdert;${hoursAfter(0).toISOString()}`);
    expect(rows.filter((r) => r.includes(';Enig;'))).toHaveLength(3);
    // A button, not a Markdown link in a sentence (shown raw in some clients: issue 13).
    expect(reply.download!.say('https://flokk.example/exports/t/f.csv')).toMatchObject({ actions: [{ type: 'Action.OpenUrl', url: 'https://flokk.example/exports/t/f.csv' }] });
  });

  it('leaves out who voted, and when, for an anonymous poll', async () => {
    const { services, poll } = await blockedPoll({ anonymous: 'true' });
    const body = (await press(as(services, SECRETARIAT), VERB.pollExport, { pollId: poll.id })).download!.file.body;
    const rows = body.slice(1).split('\r\n').filter(Boolean);
    expect(rows[4]).toBe('Stemme;Valg;Begrunnelse');
    expect(rows).toHaveLength(10);
    expect(body).not.toMatch(/Per Testmo|person-|2026-12-01T/);
  });

  it('keeps a reason that looks like a formula from running in a spreadsheet', async () => {
    const opened = await openedPoll({ kind: 'consensus', question: 'Skal vi vedta felles logganalyse?', projectId: 'p-logganalyse-hendelser' });
    await vote(opened.services, PER, { pollId: opened.poll.id, stance: 'disagree', reason: '=HYPERLINK("http://evil.example","klikk")' });
    await press(as(opened.services, SECRETARIAT), VERB.pollClose, { pollId: opened.poll.id });
    const body = (await press(as(opened.services, SECRETARIAT), VERB.pollExport, { pollId: opened.poll.id })).download!.file.body;
    expect(body).toContain(`"'=HYPERLINK(""http://evil.example"",""klikk"")"`);
  });

  it('refuses while the poll is open, also when its results are not hidden', async () => {
    const { services, poll } = await openedPoll({ kind: 'consent', question: 'Godkjenne referatet?' });
    await refused(press(as(services, SECRETARIAT), VERB.pollExport, { pollId: poll.id }), 'POLL.STILL_OPEN');
    await refused(press(as(services, SECRETARIAT, hoursAfter(24 * 10)), VERB.pollExport, { pollId: poll.id }), 'POLL.STILL_OPEN');
  });

  it('does not find a poll of another network', async () => {
    const { services, poll } = await blockedPoll();
    const vestland = { ...services, config: { ...services.config, defaultNetworkId: VESTLAND } };
    await refused(press(as(vestland, undefined), VERB.pollExport, { pollId: poll.id }), 'POLL.NOT_FOUND');
  });
});

describe('decisions.minutes', () => {
  it('offers a year’s minutes as Markdown, one section per decision of that year', async () => {
    const { turn, store } = turnAs(STRANGER);
    const before = store.read();
    const reply = await decisionsMinutes(turn, input(VERB.decisionsMinutes, { year: '2025' }));
    const file = reply.download!.file;
    expect(file).toMatchObject({ name: `referat-${TRONDELAG}-2025.md`, contentType: 'text/markdown; charset=utf-8' });
    expect(file.body.startsWith('# Referat fra programstyret – DigiTrøndelag 2025\n')).toBe(true);
    const sections = file.body.match(/^## .+$/gm);
    expect(sections).toEqual([
      '## PS 4/2025: Skal programstyret godkjenne mandat, budsjett og finansieringsplan for «Digital byggesaksbehandling»?',
      '## PS 7/2025: Skal programstyret godkjenne mandat, budsjett og finansieringsplan for «Felles fagsystem for barnevern»?',
    ]);
    expect(file.body).toContain('- **Vedtatt ved:** Lederens avgjørelse');
    expect(file.body).toMatch(/^- Ingrid Prøvestad: Blokkerer/m);
    expect(reply.download!.say('https://x.example/f.md')).toMatchObject({ actions: [{ type: 'Action.OpenUrl', url: 'https://x.example/f.md' }] });
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(before);
  });

  it('offers every year’s minutes without a year, and includes a decision just made', async () => {
    const { services } = await blockedPoll();
    await press(as(services, BOARD_LEADER), VERB.decisionLead, { pollId: 'poll-1', choice: 'reject', statement: 'Personvernet *må* vurderes.' });
    const file = (await press(as(services, NILS), VERB.decisionsMinutes, {})).download!.file;
    expect(file.name).toBe(`referat-${TRONDELAG}.md`);
    expect(file.body.match(/^## PS \d+\/\d{4}/gm)).toEqual(['## PS 4/2025', '## PS 7/2025', '## PS 2/2026', '## PS 3/2026']);
    // A statement's Markdown is escaped: the archive shows what was written.
    expect(file.body).toContain('Personvernet \\*må\\* vurderes.');
  });

  it('has no sections for a year without decisions, in the network’s language', async () => {
    const file = (await press(turnAs(undefined, { networkId: VESTLAND, locale: 'nn' }).turn, VERB.decisionsMinutes, { year: 2026 })).download!.file;
    expect(file.name).toBe(`referat-${VESTLAND}-2026.md`);
    expect(file.body).toMatch(/^# .+Digi Vestland 2026\n$/);
  });

  it('refuses a year outside 2000–2100', () => {
    expect(() => input(VERB.decisionsMinutes, { year: 1999 })).toThrow();
    expect(() => input(VERB.decisionsMinutes, { year: '20x5' })).toThrow();
  });
});
