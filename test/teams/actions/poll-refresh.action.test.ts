import { VERB } from '../../../src/cards/actions';
import { pollRefresh } from '../../../src/teams/actions/poll-refresh.action';
import { cardOf, hoursAfter, INGRID, input, MARIT, nextTurn, NILS, openedPoll, press, refused, SECRETARIAT, STRANGER, T0, textOf, titlesOf, vote, VESTLAND } from './action-helpers';

const CONSENSUS = { kind: 'consensus', question: 'Skal programstyret vedta depotløsningen?', projectId: 'p-depot-digitalt-arkiv' };

describe('poll.refresh', () => {
  it('gives an eligible voter who has not voted the ballot, changing nothing', async () => {
    const { services, store, poll } = await openedPoll(CONSENSUS);
    const before = store.read();
    const reply = await press(nextTurn(services, INGRID, { now: T0 }), VERB.pollRefresh, { pollId: poll.id });
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Du har ikke stemt ennå.');
    expect(titlesOf(card)).toEqual(['Enig', 'Avstår', 'Uenig', 'Blokkerer']);
    expect(reply.effects).toEqual([]);
    expect(store.read()).toBe(before);
  });

  it('shows a voter their own vote, and the count so far', async () => {
    const { services, poll } = await openedPoll(CONSENSUS);
    await vote(services, INGRID, { pollId: poll.id, stance: 'agree' });
    await vote(services, MARIT, { pollId: poll.id, stance: 'disagree', reason: 'Mangler kostnadsoverslag' });
    const text = textOf(cardOf(await pollRefresh(nextTurn(services, INGRID, { now: T0 }), input(VERB.pollRefresh, { pollId: poll.id }))));
    expect(text).toContain('Din stemme: Enig');
    expect(text).toContain('2 av 6 har stemt');
    expect(text).toContain('Enig: 1');
    expect(text).toContain('Uenig: 1');
    expect(text).toContain('- Uenig: Mangler kostnadsoverslag');
  });

  it('gives whoever opened the poll the buttons to manage it, without a ballot', async () => {
    const { services, poll } = await openedPoll(CONSENSUS);
    const card = cardOf(await press(nextTurn(services, SECRETARIAT, { now: T0 }), VERB.pollRefresh, { pollId: poll.id }));
    expect(titlesOf(card)).toEqual(['Lukk nå', 'Lagre']);
    expect(textOf(card)).not.toContain('Du har ikke stemt');
  });

  it('shows someone who may not vote, or whom Flokk has not met, the poll without any button', async () => {
    const { services, poll } = await openedPoll(CONSENSUS);
    for (const viewer of [NILS, STRANGER, undefined]) {
      const card = cardOf(await press(nextTurn(services, viewer, { now: T0 }), VERB.pollRefresh, { pollId: poll.id }));
      expect(textOf(card)).toContain('0 av 6 har stemt');
      expect(titlesOf(card)).toEqual([]);
    }
  });

  it('hides the results while the poll runs, if the poll says so', async () => {
    const { services, poll } = await openedPoll({ ...CONSENSUS, hideResultsUntilClosed: 'true' });
    await vote(services, INGRID, { pollId: poll.id, stance: 'agree' });
    const text = textOf(cardOf(await press(nextTurn(services, MARIT, { now: T0 }), VERB.pollRefresh, { pollId: poll.id })));
    expect(text).toContain('Resultatet vises når avstemningen er avsluttet.');
    expect(text).toContain('1 av 6 har stemt');
    expect(text).not.toContain('Enig: 1');
  });

  it('offers no ballot once the deadline has passed', async () => {
    const { services, poll } = await openedPoll(CONSENSUS);
    const card = cardOf(await press(nextTurn(services, INGRID, { now: hoursAfter(24 * 8) }), VERB.pollRefresh, { pollId: poll.id }));
    expect(titlesOf(card)).toEqual([]);
  });

  it('does not find a poll of another network', async () => {
    const { services, poll } = await openedPoll({ kind: 'consent', question: 'Godkjenne referatet?' }, { by: { id: '29:x', name: 'Solveig', aadObjectId: '00000000-0000-4000-8000-000000000014' }, networkId: VESTLAND });
    await refused(press(nextTurn({ ...services, config: { ...services.config, defaultNetworkId: 'digitrondelag' } }, INGRID, { now: T0 }), VERB.pollRefresh, { pollId: poll.id }), 'POLL.NOT_FOUND');
  });
});
