import { ActivityTypes, type MessagingExtensionResult, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { isDomainError } from '../../domain/errors';
import { messages } from '../../i18n';
import type { AppDeps } from '../deps';
import { beginTurn, localeOf } from '../turn';
import { findProject, parseFindProjectQuery } from './find-project.search';

/** The message extension's search commands, by the ids in manifest/manifest.json. */
export const SEARCH_COMMAND = { findProject: 'findProject' } as const;

/** Registers every message-extension search command on the app. */
export function registerSearch(app: Application<TurnState>, deps: AppDeps): void {
  // NOTE: teams-ai flattens `parameters` before our handler runs and throws (a 501 to the client)
  // unless it is an array of objects; such a query gets a clear answer here, routed first.
  app.addRoute(
    async (context) => isQuery(context, SEARCH_COMMAND.findProject) && !hasWellFormedParameters(context.activity.value),
    async (context) => {
      deps.log.info('refused', { code: 'INPUT.INVALID', activityType: context.activity.type });
      const composeExtension: MessagingExtensionResult = { type: 'message', text: messages(localeOf(context, deps)).errors['INPUT.INVALID'] };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { composeExtension } } });
    },
    true,
  );
  app.messageExtensions.query(SEARCH_COMMAND.findProject, (context, _state, query) =>
    guardSearch(context, deps, () => findProject(beginTurn(context, deps), parseFindProjectQuery(query))),
  );
}

const isQuery = (context: TurnContext, commandId: string): boolean =>
  context.activity.type === ActivityTypes.Invoke &&
  context.activity.name === 'composeExtension/query' &&
  (context.activity.value as { commandId?: unknown } | undefined)?.commandId === commandId;

function hasWellFormedParameters(value: unknown): boolean {
  const parameters = (value as { parameters?: unknown }).parameters;
  return parameters === undefined || parameters === null || (Array.isArray(parameters) && parameters.every((p) => typeof p === 'object' && p !== null));
}

/**
 * A search always answers with a result the search box can show: a refusal or an unexpected
 * error becomes a message in the user's language (app.error only answers chat messages).
 */
async function guardSearch(context: TurnContext, deps: AppDeps, run: () => MessagingExtensionResult): Promise<MessagingExtensionResult> {
  try {
    const result = run();
    deps.log.debug('search', { command: SEARCH_COMMAND.findProject, type: result.type, results: result.attachments?.length ?? 0 });
    return result;
  } catch (error) {
    const t = messages(localeOf(context, deps));
    if (isDomainError(error)) {
      deps.log.info('refused', { code: error.code, activityType: context.activity.type, ...error.params });
      return { type: 'message', text: t.errors[error.code] };
    }
    deps.log.error('search failed', { error, activityType: context.activity.type });
    return { type: 'message', text: t.errors.unexpected };
  }
}
