import { CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/card';
import { DomainError } from '../domain/errors';
import { networkForTenant } from '../domain/portfolio-queries';
import type { Locale, Network, Portfolio } from '../domain/schema';
import { chooseLocale, messages, type Messages } from '../i18n';
import type { AppDeps } from './deps';

/** What every handler needs to know about the turn it is in. */
export interface Turn {
  deps: AppDeps;
  locale: Locale;
  t: Messages;
  network: Network;
  portfolio: Portfolio;
}

export function tenantOf(context: TurnContext): string | undefined {
  const a = context.activity;
  return a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

/** The locale to answer in, even before the network is known (for error messages). */
export function localeOf(context: TurnContext, deps: AppDeps): Locale {
  return chooseLocale(context.activity.locale, deps.config.defaultLocale);
}

export function beginTurn(context: TurnContext, deps: AppDeps): Turn {
  const portfolio = deps.store.read();
  const fallback = deps.config.localMode ? deps.config.defaultNetworkId : undefined;
  const network = networkForTenant(portfolio, tenantOf(context), fallback);
  if (!network) throw new DomainError('NETWORK.NOT_CONFIGURED');
  const locale = chooseLocale(context.activity.locale, network.locale ?? deps.config.defaultLocale);
  return { deps, locale, t: messages(locale), network, portfolio };
}

export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)], summary: card.fallbackText });
}
