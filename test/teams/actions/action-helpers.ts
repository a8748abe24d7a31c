import type { z } from 'zod/v4';
import type { Verb } from '../../../src/cards/actions';
import type { AdaptiveCard } from '../../../src/cards/card';
import { DomainError, type ErrorCode } from '../../../src/domain/errors';
import { Person, type Locale, type Poll, type Portfolio } from '../../../src/domain/schema';
import { demoPortfolio } from '../../../src/flokk';
import type { Activity } from '../../../src/teams/activity';
import { RegistrationNeeded } from '../../../src/teams/actor';
import type { Effect, Reply } from '../../../src/teams/reply';
import { VERBS } from '../../../src/teams/routes';
import { createTurn, type Turn, type TurnServices } from '../../../src/teams/turn';
import { demoUser, SECRETARIAT, type User } from '../../fixtures/activities';
import { aTurn, type TurnOptions } from '../turn-builder';

/**
 * What the card-button tests share: the demo portfolio, its people, pressing a button the way
 * app.ts does (the verb's schema, then its handler), and reading what came back.
 */

export { BOARD_LEADER, HANNE, NILS, SECRETARIAT, STRANGER } from '../../fixtures/activities';
export const TRONDELAG = 'digitrondelag';
export const VESTLAND = 'digi-vestland';
/** DigiTrøndelag programme board members (besides the leader, Ola Demodal). */
export const INGRID = demoUser('03', 'Ingrid Prøvestad');
export const PER = demoUser('04', 'Per Testmo');
export const SIGRID = demoUser('05', 'Sigrid Fiktivlia');
export const LARS = demoUser('06', 'Lars Oppdiktsen');
export const MARIT = demoUser('07', 'Marit Eksempelvik');
/** Resource group, Trondheim (the secretariat's organisation too). */
export const ELI = demoUser('11', 'Eli Fiktivdal');
export const VESTLAND_SECRETARIAT = demoUser('14', 'Solveig Dømesen');
/** A person Flokk knows in DigiTrøndelag, of Trondheim, with no role at all (added by `withNobody`). */
export const NOBODY: User = { id: '29:nobody', name: 'Rolf Rolleløs', aadObjectId: '00000000-0000-4000-8000-0000000000aa' };
/** Known to Flokk, but without a member organisation (added by `withNobody`). */
export const ORGLESS: User = { id: '29:orgless', name: 'Olga Organisasjonsløs', aadObjectId: '00000000-0000-4000-8000-0000000000ab' };

/** Registered in DigiTrøndelag, asking to represent Ørland: the secretariat has not answered (added by `withPending`). */
export const PENDING: User = { id: '29:pending', name: 'Petra Påmeldt', aadObjectId: '00000000-0000-4000-8000-0000000000ac' };

const DEMO = demoPortfolio();
/** A fresh copy of the demo portfolio (parsed once). */
export const demo = (): Portfolio => structuredClone(DEMO);

/** The demo portfolio with NOBODY (no roles) and ORGLESS (no organisation) as DigiTrøndelag people. */
export function withNobody(p: Portfolio = demo()): Portfolio {
  const nobody = Person.parse({ id: 'person-nobody', aadObjectId: NOBODY.aadObjectId, name: NOBODY.name, organisationId: 'kommune-5001', networkId: TRONDELAG, roles: [] });
  const orgless = Person.parse({ id: 'person-orgless', aadObjectId: ORGLESS.aadObjectId, name: ORGLESS.name, networkId: TRONDELAG, roles: ['resource_group'] });
  return { ...p, people: [...p.people, nobody, orgless] };
}

/** The portfolio with PENDING, asking to represent Ørland (kommune-5057), as `person-pending`. */
export function withPending(p: Portfolio = demo()): Portfolio {
  const pending = Person.parse({ id: 'person-pending', aadObjectId: PENDING.aadObjectId, name: PENDING.name, networkId: TRONDELAG, requestedOrganisationId: 'kommune-5057', roles: [] });
  return { ...p, people: [...p.people, pending] };
}

export const sender = (user: User | undefined): TurnOptions['from'] => (user ? { aadObjectId: user.aadObjectId, name: user.name } : undefined);

/** A turn in DigiTrøndelag (unless told otherwise) from `user`, on a fresh store. */
export function turnAs(user: User | undefined, o: Partial<TurnOptions> & { portfolio?: Portfolio } = {}) {
  const { portfolio = demo(), ...rest } = o;
  return aTurn(portfolio, { networkId: TRONDELAG, from: sender(user), ...rest });
}

const CLIENT_LOCALE: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-US' };

/** Another turn on the same store and services, from someone else, maybe later or elsewhere. */
export function nextTurn(
  services: TurnServices,
  user: User | undefined,
  o: { now?: Date; locale?: Locale; conversation?: { id?: string; conversationType?: 'personal' | 'groupChat' | 'channel' }; replyToId?: string; tenantId?: string } = {},
): Turn {
  const activity: Activity = {
    type: 'invoke',
    id: `activity-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.invalid/',
    locale: CLIENT_LOCALE[o.locale ?? 'nb'],
    from: { id: `29:${user?.aadObjectId ?? 'anonymous'}`, name: user?.name, aadObjectId: user?.aadObjectId },
    recipient: { id: '28:flokk' },
    conversation: { id: o.conversation?.id ?? 'a:personal', conversationType: o.conversation?.conversationType ?? 'personal', ...(o.tenantId ? { tenantId: o.tenantId } : {}) },
    replyToId: o.replyToId,
  };
  return createTurn(o.now ? { ...services, clock: () => o.now! } : services, activity);
}

type Routes = typeof VERBS;
export type InputOf<V extends Verb> = z.output<Routes[V]['input']>;

/** The button's data as app.ts parses it: `{ ...data, verb }` through the verb's schema. */
export function input<V extends Verb>(verb: V, data: Record<string, unknown> = {}): InputOf<V> {
  return VERBS[verb].input.parse({ ...data, verb }) as InputOf<V>;
}

/** Presses a button: parses the data with the route's schema and calls the route's handler. */
export function press(turn: Turn, verb: Verb, data: Record<string, unknown> = {}): Promise<Reply> {
  const route = VERBS[verb];
  return (route.handler as (turn: Turn, input: unknown) => Promise<Reply>)(turn, input(verb, data));
}

/** Awaits a refusal and checks its code (and parameters, if given). */
export async function refused(pending: Promise<unknown>, code: ErrorCode, params?: Record<string, string | number>): Promise<DomainError> {
  const error = await pending.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (params) expect((error as DomainError).params).toMatchObject(params);
  return error as DomainError;
}

export async function asksToRegister(pending: Promise<unknown>): Promise<void> {
  await expect(pending).rejects.toBeInstanceOf(RegistrationNeeded);
}

/** The reply's card, failing the test if there is none. */
export function cardOf(reply: Reply): AdaptiveCard {
  expect(reply.card).toBeDefined();
  return reply.card!;
}

/** What a reader sees: every TextBlock, every fact as "title: value". */
export function textOf(node: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.type === 'TextBlock') out.push(String(o.text));
    if (o.type === 'FactSet') for (const f of o.facts as Array<{ title: string; value: string }>) out.push(`${f.title}: ${f.value}`);
    for (const [k, v] of Object.entries(o)) if (k !== 'fallbackText' && k !== 'facts') walk(v);
  };
  walk(node);
  return out.join('\n');
}

export interface ExecuteAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** Every Action.Execute anywhere in the card (actions, ShowCards, selectActions), except the refresh. */
export function actionsOf(card: AdaptiveCard): ExecuteAction[] {
  const out: ExecuteAction[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.type === 'Action.Execute') out.push({ title: String(o.title), verb: String(o.verb), data: o.data as Record<string, unknown> });
    for (const [k, v] of Object.entries(o)) if (k !== 'refresh') walk(v);
  };
  walk(card);
  return out;
}

export const titlesOf = (card: AdaptiveCard) => actionsOf(card).map((a) => a.title);

/** The card's inputs by id (also those inside a ShowCard): what each shows (its value) and offers (its choices). */
export function inputsOf(card: AdaptiveCard): Record<string, { type: string; value?: string; choices?: Array<{ title: string; value: string }> }> {
  const out: Record<string, { type: string; value?: string; choices?: Array<{ title: string; value: string }> }> = {};
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') {
      out[o.id] = { type: o.type, value: o.value as string | undefined, choices: o.choices as Array<{ title: string; value: string }> | undefined };
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(card);
  return out;
}

export const kindsOf = (reply: Reply) => reply.effects.map((e) => e.kind);
export function effect<K extends Effect['kind']>(reply: Reply, kind: K): Extract<Effect, { kind: K }> {
  const found = reply.effects.find((e) => e.kind === kind);
  expect(found).toBeDefined();
  return found as Extract<Effect, { kind: K }>;
}

export const T0 = new Date('2026-12-01T09:00:00Z');
export const hoursAfter = (h: number, from: Date = T0) => new Date(from.getTime() + h * 3_600_000);
/** The DigiTrøndelag programme board on 1 December 2026: the leader and five members (Nils's term ended in 2024). */
export const BOARD_PERSON_IDS = ['person-ola-demodal', 'person-ingrid-provestad', 'person-per-testmo', 'person-sigrid-fiktivlia', 'person-lars-oppdiktsen', 'person-marit-eksempelvik'];

/**
 * Opens a poll through the poll.open handler, as the secretariat (unless told otherwise) in a
 * channel, at T0, with a deadline a week later. Returns the store to vote on and the poll.
 */
export async function openedPoll(
  fields: Record<string, unknown>,
  o: { by?: User; portfolio?: Portfolio; networkId?: string; conversationId?: string } = {},
): Promise<ReturnType<typeof turnAs> & { poll: Poll; reply: Reply }> {
  const by = o.by ?? SECRETARIAT;
  const built = turnAs(by, {
    portfolio: o.portfolio,
    networkId: o.networkId ?? TRONDELAG,
    now: T0,
    conversation: { id: o.conversationId ?? '19:general@thread.tacv2;messageid=1', conversationType: 'channel' },
    replyToId: 'poll-form-message',
  });
  const reply = await press(built.turn, 'poll.open', { deadlineDate: '2026-12-08', deadlineTime: '12:00', ...fields });
  const poll = built.store.read().polls.at(-1);
  expect(poll).toBeDefined();
  return { ...built, poll: poll!, reply };
}

/** Votes through the poll.vote handler, as `user`, in the poll's channel, at `now` (T0 unless told). */
export function vote(services: TurnServices, user: User, data: Record<string, unknown>, now: Date = T0): Promise<Reply> {
  return press(nextTurn(services, user, { now, conversation: { id: '19:general@thread.tacv2;messageid=1', conversationType: 'channel' } }), 'poll.vote', data);
}

/**
 * A shared card (for everyone in a conversation): no button that changes anything, only the one that
 * shows the viewer's own view, and a refresh with that verb so each viewer's Teams asks for it.
 */
export function expectShared(card: AdaptiveCard, verb: string, data: Record<string, unknown>): void {
  expect(actionsOf(card).map((a) => a.verb)).toEqual([verb]);
  expect(card.refresh).toMatchObject({ action: { type: 'Action.Execute', verb, data } });
  expect((card.refresh as { userIds: string[] }).userIds.length).toBeGreaterThan(0);
  expect((card.refresh as { userIds: string[] }).userIds.length).toBeLessThanOrEqual(60);
}
