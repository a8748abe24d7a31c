import { VERB } from '../../../src/cards/actions';
import { voterKeyFor } from '../../../src/domain/polls';
import { pollVote } from '../../../src/teams/actions/poll-vote.action';
import { VOTE_SECRET } from '../turn-builder';
import {
  asksToRegister,
  cardOf,
  ELI,
  hoursAfter,
  INGRID,
  input,
  inputsOf,
  LARS,
  nextTurn,
  NILS,
  openedPoll,
  PER,
  press,
  refused,
  STRANGER,
  T0,
  textOf,
  titlesOf,
  vote,
  VESTLAND,
  VESTLAND_SECRETARIAT,
} from './action-helpers';

const CONSENSUS = { kind: 'consensus', question: 'Skal programstyret vedta depotløsningen?', projectId: 'p-depot-digitalt-arkiv' };
const LATER = hoursAfter(1);

describe('poll.vote', () => {
  it('records a board member’s vote as theirs, now, and asks for the shared card to follow', async () => {
    const { services, store, poll } = await openedPoll(CONSENSUS);
    const reply = await vote(services, INGRID, { pollId: poll.id, stance: 'agree' }, LATER);
    expect(store.read().votes).toEqual([{ pollId: poll.id, voterKey: 'person-ingrid-provestad', stance: 'agree', optionIds: [], reason: undefined, at: LATER.toISOString() }]);
    expect(reply.effects).toEqual([{ kind: 'refreshPoll', pollId: poll.id }]);
    const text = textOf(cardOf(reply));
    expect(text).toContain('Din stemme: Enig');
    expect(text).toContain('1 av 6 har stemt (beslutningsdyktig ved 4)');
  });

  it('counts the same vote again once, and does not ask for a refresh', async () => {
    const { services, store, poll } = await openedPoll(CONSENSUS);
    await vote(services, INGRID, { pollId: poll.id, stance: 'agree' });
    const before = store.read();
    const again = await vote(services, INGRID, { pollId: poll.id, stance: 'agree' }, LATER);
    expect(store.read()).toBe(before);
    expect(again.effects).toEqual([]);
    expect(textOf(cardOf(again))).toContain('Din stemme: Enig');
  });

  it('replaces a voter’s vote when they change it, keeping the reason trimmed', async () => {
    const { services, store, poll } = await openedPoll(CONSENSUS);
    await vote(services, INGRID, { pollId: poll.id, stance: 'agree' });
    const reply = await pollVote(
      nextTurn(services, INGRID, { now: LATER, conversation: { id: '19:general@thread.tacv2', conversationType: 'channel' } }),
      input(VERB.pollVote, { pollId: poll.id, stance: 'disagree', reason: '  For dyrt for de minste kommunene ' }),
    );
    expect(store.read().votes).toEqual([expect.objectContaining({ voterKey: 'person-ingrid-provestad', stance: 'disagree', reason: 'For dyrt for de minste kommunene' })]);
    expect(inputsOf(cardOf(reply)).reason?.value).toBe('For dyrt for de minste kommunene');
  });

  it('refuses a disagreement without a reason, recording nothing', async () => {
    const { services, store, poll } = await openedPoll(CONSENSUS);
    const before = store.read();
    await refused(vote(services, INGRID, { pollId: poll.id, stance: 'block', reason: '   ' }), 'POLL.REASON_REQUIRED');
    expect(store.read()).toBe(before);
  });

  it('refuses someone not on the board, and asks a stranger to register, recording nothing', async () => {
    const { services, store, poll } = await openedPoll(CONSENSUS);
    const before = store.read();
    // Nils's term on the board ended in 2024.
    await refused(vote(services, NILS, { pollId: poll.id, stance: 'agree' }), 'POLL.NOT_ELIGIBLE');
    await asksToRegister(vote(services, STRANGER, { pollId: poll.id, stance: 'agree' }));
    expect(store.read()).toBe(before);
  });

  it('refuses a vote at or after the deadline, recording nothing', async () => {
    const { services, store, poll } = await openedPoll(CONSENSUS);
    const before = store.read();
    await refused(vote(services, INGRID, { pollId: poll.id, stance: 'agree' }, new Date(poll.deadline)), 'POLL.CLOSED');
    expect(store.read()).toBe(before);
  });

  it('refuses a stance the poll does not know, and no stance at all', async () => {
    const { services, store, poll: consent } = await openedPoll({ kind: 'consent', question: 'Godkjenne referatet?' });
    const before = store.read();
    await refused(vote(services, INGRID, { pollId: consent.id, stance: 'block', reason: 'nei' }), 'POLL.INVALID_VOTE');
    await refused(vote(services, INGRID, { pollId: consent.id }), 'POLL.INVALID_VOTE');
    expect(store.read()).toBe(before);
    expect(() => input(VERB.pollVote, { pollId: consent.id, stance: 'veto' })).toThrow();
  });

  it('takes the options of a choice poll from the card’s input, one unless several are allowed', async () => {
    const { services, store, poll } = await openedPoll({ kind: 'choice', question: 'Hvor holder vi samlingen?', options: 'Trondheim\nSteinkjer\nRøros' });
    const reply = await vote(services, PER, { pollId: poll.id, optionIds: ' o3 ' });
    expect(store.read().votes).toEqual([expect.objectContaining({ voterKey: 'person-per-testmo', optionIds: ['o3'] })]);
    expect(store.read().votes[0]?.stance).toBeUndefined();
    expect(textOf(cardOf(reply))).toContain('Din stemme: Røros');
    const before = store.read();
    await refused(vote(services, LARS, { pollId: poll.id, optionIds: 'o1,o2' }), 'POLL.INVALID_VOTE');
    await refused(vote(services, LARS, { pollId: poll.id, optionIds: 'o9' }), 'POLL.INVALID_VOTE');
    await refused(vote(services, LARS, { pollId: poll.id }), 'POLL.INVALID_VOTE');
    expect(store.read()).toBe(before);
  });

  it('keys an anonymous vote so that nobody can tell whose it is', async () => {
    const { services, store, poll } = await openedPoll({ ...CONSENSUS, anonymous: 'true' });
    const reply = await vote(services, INGRID, { pollId: poll.id, stance: 'agree' });
    const [stored] = store.read().votes;
    expect(stored?.voterKey).toBe(voterKeyFor(poll, 'person-ingrid-provestad', VOTE_SECRET));
    expect(stored?.voterKey).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(store.read().votes)).not.toContain('ingrid');
    // The voter still sees their own vote.
    expect(textOf(cardOf(reply))).toContain('Din stemme: Enig');
  });

  it('lets anyone of the network in the poll’s conversation vote in a conversation poll, and nobody from elsewhere', async () => {
    const group = { id: '19:group@thread.v2', conversationType: 'groupChat' as const };
    const { services, store, poll } = await openedPoll({ kind: 'consent', question: 'Godkjenne referatet?', eligibleMode: 'conversation' }, { conversationId: group.id });
    const before = store.read();
    await refused(press(nextTurn(services, ELI, { now: T0, conversation: { id: 'a:personal' } }), VERB.pollVote, { pollId: poll.id, stance: 'agree' }), 'POLL.NOT_ELIGIBLE');
    expect(store.read()).toBe(before);
    await press(nextTurn(services, ELI, { now: T0, conversation: group }), VERB.pollVote, { pollId: poll.id, stance: 'agree' });
    expect(store.read().polls[0]?.eligiblePersonIds).toEqual(['person-sekretariat', 'person-eli-fiktivdal']);
    expect(store.read().votes).toEqual([expect.objectContaining({ voterKey: 'person-eli-fiktivdal', stance: 'agree' })]);
  });

  it('does not find a poll of another network', async () => {
    const { services, store, poll } = await openedPoll({ kind: 'consent', question: 'Godkjenne referatet?' }, { by: VESTLAND_SECRETARIAT, networkId: VESTLAND });
    const before = store.read();
    // Ingrid is known only in DigiTrøndelag; the turn's network decides which polls exist.
    await refused(press(nextTurn({ ...services, config: { ...services.config, defaultNetworkId: 'digitrondelag' } }, INGRID, { now: T0 }), VERB.pollVote, { pollId: poll.id, stance: 'agree' }), 'POLL.NOT_FOUND');
    expect(store.read()).toBe(before);
  });

  it('shows the voter the ballot buttons again, to change their vote', async () => {
    const { services, poll } = await openedPoll(CONSENSUS);
    const reply = await vote(services, INGRID, { pollId: poll.id, stance: 'abstain' });
    expect(titlesOf(cardOf(reply))).toEqual(['Enig', 'Avstår', 'Uenig', 'Blokkerer']);
  });
});
