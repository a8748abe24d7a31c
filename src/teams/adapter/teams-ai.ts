import { ActivityTypes, CardFactory, TeamsInfo, type InvokeResponse, type MessagingExtensionResult, type TurnContext } from 'botbuilder';
import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { FlokkApp, TurnIO, Verb } from '../../app';
import type { Activity } from '../activity';
import { SEARCH_COMMAND, VERBS } from '../routes';
import type { SearchAnswer } from '../search/find-project.search';
import { toActivity } from './outbox';

/**
 * The only place that knows teams-ai's Application: it routes each activity to Flokk's own turn
 * (src/app.ts) and turns Flokk's answers into what Teams expects. Moving to another Teams SDK
 * rewrites this folder and nothing else.
 */
export function createTeamsApplication(flokk: FlokkApp, adapter: TeamsAdapter, botAppId: string): Application<TurnState> {
  const app = new Application<TurnState>({ adapter, botAppId, startTypingTimer: false, removeRecipientMention: true });

  app.conversationUpdate('membersAdded', (context) => flokk.installed(ioOf(context)));
  app.activity(ActivityTypes.InstallationUpdate, (context) => flokk.installed(ioOf(context)));
  app.activity(ActivityTypes.Message, (context) => flokk.message(ioOf(context)));

  for (const verb of Object.keys(VERBS) as Verb[]) {
    app.adaptiveCards.actionExecute(verb, (context, _state, data) => flokk.action(ioOf(context), verb, data));
  }

  // NOTE: teams-ai flattens `parameters` before our handler runs and throws (a 501 to the client)
  // unless it is an array of objects; such a query gets a clear answer here, routed first.
  app.addRoute(
    async (context) => isQuery(context, SEARCH_COMMAND.findProject) && !hasWellFormedParameters(context.activity.value),
    async (context) => {
      const composeExtension: MessagingExtensionResult = { type: 'message', text: flokk.invalidInput(context.activity) };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { composeExtension } } });
    },
    true,
  );
  app.messageExtensions.query(SEARCH_COMMAND.findProject, async (context, _state, query) => toExtensionResult(await flokk.search(ioOf(context), 'findProject', query)));

  // An invoke no route took: a button whose verb Flokk does not know (an old card, or a forged or
  // malformed one), a search command it does not have, an invoke name it never asks Teams for.
  // botbuilder would answer 501; a button or a search gets the "that card sent something I cannot
  // use" sentence where Teams shows it, and anything else a plain 400. Registered last.
  app.activity(
    async (context) => context.activity.type === ActivityTypes.Invoke,
    async (context) => {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: unhandledInvokeResponse(context, flokk.invalidInput(context.activity)) });
    },
  );

  app.error(async (context, error) => {
    const text = flokk.unexpected(context.activity, error);
    if (context.activity.type === ActivityTypes.Message) await context.sendActivity(text).catch(() => undefined);
  });
  return app;
}

/** The gate, before teams-ai sees the activity (it needs a well-formed one); a refused invoke gets 403. */
export async function admitted(flokk: FlokkApp, context: TurnContext): Promise<boolean> {
  if (flokk.admit(context.activity as Activity)) return true;
  if (context.activity.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403, body: {} } });
  return false;
}

/**
 * One turn's IO. The activity is kept as a plain object: a handler that finishes after the turn
 * (the time budget in app.ts) may still read it once botbuilder has revoked the context.
 */
function ioOf(context: TurnContext): TurnIO {
  const activity = context.activity as Activity;
  return {
    activity,
    send: async (message) => {
      await context.sendActivity(toActivity(message));
    },
    replaceShared: async (card) => {
      // NOTE: Teams refuses updates to messages that are too old or were deleted.
      if (!activity.replyToId) return;
      await context.updateActivity({ id: activity.replyToId, type: 'message', attachments: [CardFactory.adaptiveCard(card)], summary: card.fallbackText });
    },
    roster: () => rosterOf(context),
  };
}

/** Everyone in the conversation, page by page; a roster Teams will not give is an empty one (the sender still counts). */
async function rosterOf(context: TurnContext): Promise<Array<{ aadObjectId?: string; name?: string }>> {
  const members: Array<{ aadObjectId?: string; name?: string }> = [];
  try {
    let token: string | undefined;
    for (let page = 0; page < 50; page++) {
      const result = await TeamsInfo.getPagedMembers(context, 500, token);
      members.push(...result.members.map((m) => ({ aadObjectId: m.aadObjectId, name: m.name })));
      token = result.continuationToken;
      if (!token) break;
    }
  } catch {
    // NOTE: some hosts (the Agents Playground among them) have no roster API.
  }
  return members;
}

function toExtensionResult(answer: SearchAnswer): MessagingExtensionResult {
  return answer.type === 'message' ? answer : { type: 'result', attachmentLayout: 'list', attachments: answer.attachments };
}

const isQuery = (context: TurnContext, commandId: string): boolean =>
  context.activity.type === ActivityTypes.Invoke &&
  context.activity.name === 'composeExtension/query' &&
  (context.activity.value as { commandId?: unknown } | undefined)?.commandId === commandId;

function hasWellFormedParameters(value: unknown): boolean {
  const parameters = (value as { parameters?: unknown }).parameters;
  return parameters === undefined || parameters === null || (Array.isArray(parameters) && parameters.every((p) => typeof p === 'object' && p !== null));
}

function unhandledInvokeResponse(context: TurnContext, text: string): InvokeResponse {
  switch (context.activity.name) {
    case 'adaptiveCard/action':
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } };
    case 'composeExtension/query':
      return { status: 200, body: { composeExtension: { type: 'message', text } } };
    default:
      return { status: 400, body: {} };
  }
}
