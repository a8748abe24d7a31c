import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { VERB, type Verb } from './cards/actions';
import { isDomainError } from './domain/errors';
import { messages } from './i18n';
import { onAction } from './teams/actions';
import { onMessage } from './teams/commands';
import { welcome } from './teams/welcome';
import type { AppDeps } from './teams/deps';
import { localeOf } from './teams/turn';

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

  app.conversationUpdate('membersAdded', (context) => guardMessage(context, deps, () => welcome(context, deps)));

  app.activity(ActivityTypes.Message, (context) => guardMessage(context, deps, () => onMessage(context, deps)));

  for (const verb of Object.values(VERB) as Verb[]) {
    app.adaptiveCards.actionExecute(verb, (context, _state, data) => guardAction(context, deps, () => onAction(context, deps, verb, data)));
  }

  app.error(async (context, error) => {
    deps.log.error('unhandled turn error', { error, activityType: context.activity.type });
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity(messages(localeOf(context, deps)).errors.unexpected).catch(() => undefined);
    }
  });
  return app;
}

async function guardMessage(context: TurnContext, deps: AppDeps, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    await context.sendActivity(describe(context, deps, error));
  }
}

async function guardAction(context: TurnContext, deps: AppDeps, run: () => Promise<unknown>) {
  try {
    return (await run()) as Awaited<ReturnType<typeof onAction>>;
  } catch (error) {
    return describe(context, deps, error);
  }
}

/** The user's sentence for an error; the log gets the code (or the whole unexpected error). */
function describe(context: TurnContext, deps: AppDeps, error: unknown): string {
  const t = messages(localeOf(context, deps));
  if (isDomainError(error)) {
    deps.log.info('refused', { code: error.code, activityType: context.activity.type });
    return t.errors[error.code];
  }
  deps.log.error('handler failed', { error, activityType: context.activity.type });
  return t.errors.unexpected;
}
