import type { MessagingExtensionResult, TurnContext } from 'botbuilder';
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
  app.messageExtensions.query(SEARCH_COMMAND.findProject, (context, _state, query) =>
    guardSearch(context, deps, () => findProject(beginTurn(context, deps), parseFindProjectQuery(query))),
  );
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
