import type { Config } from './config';
import { DomainError } from './domain/errors';
import type { Logger } from './log';
import type { PortfolioStore } from './store/portfolio-store';
import { networkOf, type Activity } from './teams/activity';
import { RegistrationNeeded } from './teams/actor';
import { inAuditScope, objectIdsOf, type AuditScope } from './teams/audit';
import { MAX_COMMAND_LENGTH, parseCommand } from './teams/commands/parse';
import type { EffectServices } from './teams/effects';
import type { Exports } from './teams/exports';
import { refusalOf } from './teams/gate';
import { RecentInvokes } from './teams/recent-invokes';
import { say, show, type Reply } from './teams/reply';
import type { Access } from './teams/route';
import { EVENTS, INTENTS, SEARCHES, VERBS } from './teams/routes';
import type { SearchAnswer } from './teams/search/find-project.search';
import { createPerformer, type InvokeAnswer, type TurnIO } from './teams/perform';
import { createSentences } from './teams/sentences';
import { createTurn, type Turn, type TurnServices } from './teams/turn';

export type { InvokeAnswer, TurnIO };

export interface AppDeps extends Omit<TurnServices, 'store' | 'config'>, Omit<EffectServices, 'store' | 'config'> {
  store: PortfolioStore;
  log: Logger;
  exports: Exports;
  /** Invokes already answered; shared by the instances on one database. */
  recentInvokes?: RecentInvokes<InvokeAnswer>;
  /** How long an invoke may take before Teams gets an interim answer (Teams gives up after about 5 s). */
  invokeBudgetMs: number;
  config: TurnServices['config'] & EffectServices['config'] & Pick<Config, 'credentials'>;
}

export type Verb = keyof typeof VERBS;
export const isVerb = (v: unknown): v is Verb => typeof v === 'string' && Object.hasOwn(VERBS, v);

/**
 * Flokk's turns, free of any SDK: the adapter (src/teams/adapter/) hands each activity to one of
 * these, and every one goes through the same steps, in this order:
 *
 *   1. admission gate   only Teams, only admitted tenants (`admit`, before the SDK routes anything)
 *   2. duplicates       a re-delivered invoke gets the first answer and changes nothing
 *   3. audit scope      every change is recorded as this sender's, doing this, to these objects
 *   4. time budget      an invoke still busy after the budget gets an interim answer now
 *   5. errors           a refusal or failure becomes one sentence in the user's language
 *   6. the reply        what the handler returned is sent, and its effects performed
 */
export function createApp(deps: AppDeps) {
  const recent = deps.recentInvokes ?? new RecentInvokes<InvokeAnswer>();
  const sentences = createSentences(deps);
  const perform = createPerformer(deps);

  const admit = (activity: Activity): boolean => {
    const refusal = refusalOf(activity, { localMode: deps.config.localMode, store: deps.store });
    if (!refusal) return true;
    const a = activity;
    deps.log.warn('activity refused', { refusal, type: String(a.type).slice(0, 50), channelId: String(a.channelId).slice(0, 50), tenantId: refusal === 'tenant' ? a.conversation?.tenantId : undefined });
    return false;
  };

  const scoped = <T>(activity: Activity, action: string, run: (scope: AuditScope) => Promise<T>): Promise<T> => {
    const networkId = networkOf(deps.store.read(), activity, deps.config)?.id;
    const scope: AuditScope = { aadObjectId: activity.from?.aadObjectId, networkId, action, objects: {} };
    return inAuditScope(scope, () => run(scope));
  };

  /** A chat message: parsed once, against the route table. */
  const message = (io: TurnIO): Promise<void> => {
    const text = io.activity.text ?? '';
    const command = text.length > MAX_COMMAND_LENGTH ? undefined : parseCommand(text);
    return scoped(io.activity, `message.${command?.kind ?? 'tooLong'}`, async () => {
      try {
        if (!command) throw new DomainError('INPUT.TOO_LONG', { length: text.length });
        const turn = createTurn(deps, io.activity, io.roster);
        const route = INTENTS[command.kind] as (typeof INTENTS)[keyof typeof INTENTS];
        checkAccess(turn, route.access);
        const { kind: _kind, ...input } = command;
        deps.log.debug('command', { kind: command.kind });
        await perform.sendReply(io, await (route.handler as (turn: Turn, input: unknown) => Promise<Reply>)(turn, input));
      } catch (error) {
        if (error instanceof RegistrationNeeded) return io.send({ card: sentences.registrationCard(io.activity) });
        if ((error as { code?: string }).code === 'FLOKK_AMBIGUOUS_SEND') {
          // The reply may well have arrived; an apology after it would only confuse.
          deps.log.warn('reply may not have arrived', { code: 'FLOKK_AMBIGUOUS_SEND' });
          return;
        }
        await io.send({ text: sentences.describe(io.activity, error) });
      }
    });
  };

  /** A card button (Action.Execute). */
  const action = (io: TurnIO, verb: Verb, data: unknown): Promise<InvokeAnswer> =>
    recent.once({ senderId: io.activity.from?.id, activityId: io.activity.id, verb }, () =>
      scoped(io.activity, verb, (scope) => withinBudget(io, () => dispatch(io, verb, data, scope))),
    );

  const dispatch = async (io: TurnIO, verb: Verb, data: unknown, scope: AuditScope): Promise<Reply> => {
    try {
      const route = VERBS[verb];
      const payload = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
      const parsed = route.input.safeParse({ ...payload, verb });
      if (!parsed.success) throw new DomainError('INPUT.INVALID', { verb });
      // Only ids the verb's schema knows reach the audit log: card data cannot add its own.
      scope.objects = objectIdsOf(parsed.data);
      const turn = createTurn(deps, io.activity, io.roster);
      checkAccess(turn, route.access);
      const reply = await (route.handler as (turn: Turn, input: unknown) => Promise<Reply>)(turn, parsed.data);
      // After registering, go on with what the person was doing; the resumed data is parsed again, and audited as its own verb.
      const resume = reply.resume;
      if (resume && isVerb(resume.verb) && resume.verb !== 'member.register') {
        return scoped(io.activity, resume.verb, (inner) => dispatch(io, resume.verb as Verb, resume.data, inner));
      }
      return reply;
    } catch (error) {
      if (error instanceof RegistrationNeeded) {
        const resume = typeof data === 'object' && data !== null ? { verb, data: data as Record<string, unknown> } : undefined;
        return show(sentences.registrationCard(io.activity, resume));
      }
      return say(sentences.describe(io.activity, error));
    }
  };

  /**
   * Teams gives an invoke about 5 s. A handler still busy after the budget (a slow disk, say) goes
   * on in the background; the user gets an interim sentence now and the real card when it is done.
   */
  const withinBudget = async (io: TurnIO, run: () => Promise<Reply>): Promise<InvokeAnswer> => {
    const work = run();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<typeof LATE>((resolve) => (timer = setTimeout(() => resolve(LATE), deps.invokeBudgetMs)));
    const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
    if (first !== LATE) return perform.answerInvoke(io, first);
    deps.log.warn('invoke over budget; finishing in the background', { budgetMs: deps.invokeBudgetMs });
    void work.catch((error: unknown) => say(sentences.describe(io.activity, error))).then((reply) => perform.performLate(io.activity, reply));
    return sentences.working(io.activity);
  };

  /** A message-extension search. It always answers with something the search box can show. */
  const search = async (io: TurnIO, commandId: keyof typeof SEARCHES, query: unknown): Promise<SearchAnswer> => {
    try {
      const route = SEARCHES[commandId];
      const request = route.input.parse(query);
      const answer = await route.handler(createTurn(deps, io.activity, io.roster), request);
      deps.log.debug('search', { command: commandId, type: answer.type, results: answer.type === 'result' ? answer.attachments.length : 0 });
      return answer;
    } catch (error) {
      return { type: 'message', text: sentences.describe(io.activity, error) };
    }
  };

  /** Flokk was installed in a conversation. */
  const installed = (io: TurnIO): Promise<void> =>
    scoped(io.activity, 'install', async () => {
      try {
        await perform.sendReply(io, await EVENTS.installed.handler(deps, io.activity));
      } catch (error) {
        await io.send({ text: sentences.describe(io.activity, error) });
      }
    });

  const checkAccess = (turn: Turn, access: Access): void => {
    if (access.kind === 'registered') turn.actor();
    else if (access.kind === 'permission') turn.may(access.permission);
  };

  return { admit, message, action, search, installed, invalidInput: sentences.invalidInput, unexpected: sentences.unexpected };
}

export type FlokkApp = ReturnType<typeof createApp>;

const LATE = Symbol('late');

