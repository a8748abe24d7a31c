import { ActivityTypes, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { messages } from '../i18n';
import type { AppDeps } from './deps';
import { localeOf } from './turn';

/**
 * An invoke no route took: a button whose verb Flokk does not know (an old card, or a forged or
 * malformed one), a search command it does not have, an invoke name it never asks Teams for.
 * botbuilder would answer 501; a button or a search gets the "that card sent something I cannot
 * use" sentence where Teams shows it, and anything else a plain 400. Register it last.
 */
export function registerUnhandledInvokes(app: Application<TurnState>, deps: AppDeps): void {
  app.activity(
    async (context) => context.activity.type === ActivityTypes.Invoke,
    async (context) => {
      deps.log.info('refused', { code: 'INPUT.INVALID', activityType: ActivityTypes.Invoke, name: String(context.activity.name).slice(0, 100) });
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: unhandledInvokeResponse(context, deps) });
    },
  );
}

function unhandledInvokeResponse(context: TurnContext, deps: AppDeps): InvokeResponse {
  const text = messages(localeOf(context, deps)).errors['INPUT.INVALID'];
  switch (context.activity.name) {
    case 'adaptiveCard/action':
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } };
    case 'composeExtension/query':
      return { status: 200, body: { composeExtension: { type: 'message', text } } };
    default:
      return { status: 400, body: {} };
  }
}
