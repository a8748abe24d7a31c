import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { VERB, type Verb } from './cards/actions';
import type { AdaptiveCard } from './cards/card';
import { renderRegistrationCard } from './cards/registration.card';
import { isDomainError } from './domain/errors';
import type { Permission } from './domain/people';
import { organisationsOf } from './domain/portfolio-queries';
import { messages } from './i18n';
import { onAction } from './teams/actions';
import { RegistrationNeeded } from './teams/actor';
import { onMessage } from './teams/commands';
import { registerSearch } from './teams/search';
import type { AppDeps } from './teams/deps';
import { RecentInvokes } from './teams/recent-invokes';
import { inAuditScope, objectIdsOf } from './teams/audit';
import { parseCommand } from './teams/commands/parse';
import { networkForTenant } from './domain/portfolio-queries';
import { beginTurn, conversationRefOf, localeOf, sendCard, tenantOf } from './teams/turn';
import { registerUnhandledInvokes } from './teams/unhandled-invoke';
import { onInstalled } from './teams/welcome';

/**
 * The Teams application: every route Flokk answers, in one visible order. Handlers are thin;
 * errors they raise become one clear sentence in the user's language here, and the code goes
 * to the log.
 */
export function createApp(deps: AppDeps, adapter: TeamsAdapter): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter,
    botAppId: deps.config.credentials?.appId ?? '',
    startTypingTimer: false,
    removeRecipientMention: true,
  });

  app.conversationUpdate('membersAdded', (context) => scoped(context, deps, 'install', {}, () => guardMessage(context, deps, () => onInstalled(context, deps))));
  app.activity(ActivityTypes.InstallationUpdate, (context) =>
    scoped(context, deps, 'install', {}, () => guardMessage(context, deps, () => onInstalled(context, deps))),
  );

  app.activity(ActivityTypes.Message, (context) =>
    scoped(context, deps, `message.${parseCommand(context.activity.text ?? '').kind}`, {}, () => guardMessage(context, deps, () => onMessage(context, deps))),
  );

  const recent = new RecentInvokes<AdaptiveCard | string>();
  for (const verb of Object.values(VERB) as Verb[]) {
    app.adaptiveCards.actionExecute(verb, (context, _state, data) =>
      recent.once(context.activity.id, () => scoped(context, deps, verb, objectIdsOf(data), () => guardAction(context, deps, verb, data))),
    );
  }

  registerSearch(app, deps);
  registerUnhandledInvokes(app, deps);

  app.error(async (context, error) => {
    deps.log.error('unhandled turn error', { error, activityType: context.activity.type });
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity(messages(localeOf(context, deps)).errors.unexpected).catch(() => undefined);
    }
  });
  return app;
}

/** Every change a turn makes is audited as this person's, doing this, to these objects. */
function scoped<T>(context: TurnContext, deps: AppDeps, action: string, objects: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const fallback = deps.config.localMode ? deps.config.defaultNetworkId : undefined;
  const networkId = networkForTenant(deps.store.read(), tenantOf(context), fallback)?.id;
  return inAuditScope({ aadObjectId: context.activity.from?.aadObjectId, networkId, action, objects }, run);
}

async function guardMessage(context: TurnContext, deps: AppDeps, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof RegistrationNeeded) return sendCard(context, registrationCard(context, deps));
    if ((error as { code?: string }).code === 'FLOKK_AMBIGUOUS_SEND') {
      // The reply may well have arrived; an apology after it would only confuse.
      deps.log.warn('reply may not have arrived', { code: 'FLOKK_AMBIGUOUS_SEND' });
      return;
    }
    await context.sendActivity(describe(context, deps, error));
  }
}

async function guardAction(context: TurnContext, deps: AppDeps, verb: Verb, data: unknown): Promise<AdaptiveCard | string> {
  try {
    return await withinBudget(context, deps, () => onAction(context, deps, verb, data));
  } catch (error) {
    if (error instanceof RegistrationNeeded) {
      const resume = typeof data === 'object' && data !== null ? { verb, data: data as Record<string, unknown> } : undefined;
      return registrationCard(context, deps, resume);
    }
    return describe(context, deps, error);
  }
}

/**
 * Teams gives an invoke about 5 s. A handler still busy after the budget (a slow disk, say) goes
 * on in the background; the user gets an interim sentence now and the real card when it is done.
 */
async function withinBudget(context: TurnContext, deps: AppDeps, run: () => Promise<AdaptiveCard | string>): Promise<AdaptiveCard | string> {
  const ref = conversationRefOf(context);
  const replyToId = context.activity.replyToId;
  const work = run();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => (timer = setTimeout(() => resolve(LATE), deps.invokeBudgetMs)));
  const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
  if (first !== LATE) return first;
  deps.log.warn('invoke over budget; finishing in the background', { budgetMs: deps.invokeBudgetMs });
  const t = messages(localeOf(context, deps));
  void work
    .catch((error: unknown) => describe(context, deps, error, t))
    .then((answer) => {
      if (typeof answer !== 'string' && replyToId) deps.outbox.update(ref, replyToId, () => answer);
      else if (typeof answer === 'string') void deps.outbox.post(ref, { type: 'message', text: answer });
    });
  return t.working;
}
const LATE = Symbol('late');

function registrationCard(context: TurnContext, deps: AppDeps, resume?: { verb: string; data: Record<string, unknown> }): AdaptiveCard {
  const turn = beginTurn(context, deps);
  return renderRegistrationCard(organisationsOf(turn.portfolio, turn.network.id), turn.locale, resume);
}

/** The user's sentence for an error; the log gets the code (or the whole unexpected error). */
function describe(context: TurnContext, deps: AppDeps, error: unknown, t = messages(localeOf(context, deps))): string {
  const type = safeType(context);
  if (isDomainError(error)) {
    deps.log.info('refused', { code: error.code, activityType: type, ...error.params });
    if (error.code === 'ACCESS.DENIED') return t.denied[error.params.permission as Permission] ?? t.errors['ACCESS.DENIED'];
    return t.errors[error.code];
  }
  deps.log.error('handler failed', { error, activityType: type });
  return t.errors.unexpected;
}

/** The activity type for the log, also from a turn that has already ended. */
function safeType(context: TurnContext): string | undefined {
  try {
    return context.activity.type;
  } catch {
    return undefined;
  }
}
