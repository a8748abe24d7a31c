import { VERB } from '../../../src/cards/actions';
import { initiativeInterest } from '../../../src/teams/actions/initiative-interest.action';
import {
  actionsOf,
  asksToRegister,
  cardOf,
  effect,
  ELI,
  input,
  kindsOf,
  nextTurn,
  NILS,
  ORGLESS,
  PENDING,
  press,
  refused,
  SECRETARIAT,
  STRANGER,
  textOf,
  turnAs,
  withNobody,
  withPending,
  expectShared,
} from './action-helpers';

const NOW = new Date('2026-10-01T10:00:00Z');
const JOURNAL = { initiativeId: 'i-felles-kommunal-journal' };
const interestIn = (p: { initiatives: Array<{ id: string; interest: Array<{ organisationId?: string; personId: string; at: string }> }> }, id = JOURNAL.initiativeId) =>
  p.initiatives.find((i) => i.id === id)!.interest;

describe('initiative.interest', () => {
  it('marks the sender’s organisation as wanting in, by the sender, now', async () => {
    const { turn, store } = turnAs(NILS, { now: NOW });
    await press(turn, VERB.initiativeInterest, JOURNAL);
    expect(interestIn(store.read())).toEqual([
      ...interestIn(turn.portfolio),
      { organisationId: 'kommune-5057', personId: 'person-nils-demoberg', at: NOW.toISOString() },
    ]);
  });

  it('answers with the sender’s view and replaces the shared card with everyone’s', async () => {
    const { turn } = turnAs(NILS, { now: NOW });
    const reply = await initiativeInterest(turn, input(VERB.initiativeInterest, JOURNAL));
    const own = cardOf(reply);
    expect(textOf(own)).toContain('3 organisasjoner vil være med: Namsos, Indre Fosen, Ørland');
    expect(textOf(own)).toContain('Ørland er med.');
    expect(actionsOf(own)[0]?.title).toBe('Vi trekker oss');
    expect(kindsOf(reply)).toEqual(['replaceShared']);
    const shared = effect(reply, 'replaceShared').card;
    expect(textOf(shared)).toContain('3 organisasjoner vil være med');
    expect(textOf(shared)).not.toContain('er med.');
    // The shared card offers no button that changes anything: each viewer's Teams refreshes it into their own view.
    expectShared(shared, VERB.initiativeShow, { initiativeId: JOURNAL.initiativeId });
    expect(own.refresh).toBeUndefined();
  });

  it('takes the mark back on a second press, also by a colleague of the same organisation', async () => {
    const { turn, store, services } = turnAs(SECRETARIAT, { now: NOW });
    await press(turn, VERB.initiativeInterest, JOURNAL);
    expect(interestIn(store.read()).map((m) => m.organisationId)).toEqual(['kommune-5007', 'kommune-5054', 'kommune-5001']);
    const reply = await press(nextTurn(services, ELI, { now: NOW }), VERB.initiativeInterest, JOURNAL);
    expect(interestIn(store.read()).map((m) => m.organisationId)).toEqual(['kommune-5007', 'kommune-5054']);
    expect(textOf(cardOf(reply))).not.toContain('Trondheim er med.');
    expect(actionsOf(cardOf(reply))[0]?.title).toBe('Vi vil være med');
  });

  it('marks interest in the own name of someone without a member organisation, speaking for none', async () => {
    const { turn, store } = turnAs(ORGLESS, { portfolio: withNobody(), now: NOW });
    const reply = await press(turn, VERB.initiativeInterest, JOURNAL);
    expect(interestIn(store.read())).toEqual([...interestIn(turn.portfolio), { personId: 'person-orgless', at: NOW.toISOString() }]);
    const own = cardOf(reply);
    expect(textOf(own)).toContain('2 organisasjoner vil være med: Namsos, Indre Fosen');
    expect(textOf(own)).toContain('I eget navn: Olga Organisasjonsløs');
    expect(textOf(own)).toContain('Du er med i eget navn.');
    expect(actionsOf(own)[0]?.title).toBe('Vi trekker oss');
    expect(textOf(effect(reply, 'replaceShared').card)).not.toContain('Du er med');
  });

  describe('by someone whose organisation the secretariat has not confirmed', () => {
    it('marks interest in their own name only, not their requested organisation’s', async () => {
      const { turn, store } = turnAs(PENDING, { portfolio: withPending(), now: NOW });
      await press(turn, VERB.initiativeInterest, JOURNAL);
      const marks = interestIn(store.read());
      expect(marks).toContainEqual({ personId: 'person-pending', at: NOW.toISOString() });
      expect(marks.map((m) => m.organisationId)).not.toContain('kommune-5057');
    });

    it('takes their own mark back on a second press, leaving the organisations’ marks', async () => {
      const { turn, store, services } = turnAs(PENDING, { portfolio: withPending(), now: NOW });
      await press(turn, VERB.initiativeInterest, JOURNAL);
      const reply = await press(nextTurn(services, PENDING, { now: NOW }), VERB.initiativeInterest, JOURNAL);
      expect(interestIn(store.read())).toEqual(interestIn(turn.portfolio));
      expect(actionsOf(cardOf(reply))[0]?.title).toBe('Vi vil være med');
    });

    it('once confirmed, marks the organisation, and their own mark gives way to it', async () => {
      const { turn, store, services } = turnAs(PENDING, { portfolio: withPending(), now: NOW });
      await press(turn, VERB.initiativeInterest, JOURNAL);
      await press(nextTurn(services, SECRETARIAT), VERB.memberApprove, { personId: 'person-pending', organisationId: 'kommune-5057' });
      await press(nextTurn(services, PENDING, { now: NOW }), VERB.initiativeInterest, JOURNAL);
      const marks = interestIn(store.read());
      expect(marks.filter((m) => m.personId === 'person-pending')).toEqual([{ organisationId: 'kommune-5057', personId: 'person-pending', at: NOW.toISOString() }]);
    });
  });

  it('asks someone Flokk has not met to register first', async () => {
    const { turn, store } = turnAs(STRANGER);
    const before = store.read();
    await asksToRegister(press(turn, VERB.initiativeInterest, JOURNAL));
    expect(store.read()).toBe(before);
  });

  it('refuses an initiative of another network, changing nothing', async () => {
    const { turn, store } = turnAs(NILS);
    const before = store.read();
    await refused(press(turn, VERB.initiativeInterest, { initiativeId: 'i-vl-heimeoppfolging-bergen' }), 'INITIATIVE.NOT_FOUND');
    expect(store.read()).toBe(before);
  });
});
