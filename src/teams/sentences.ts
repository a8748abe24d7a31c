import type { AdaptiveCard } from '../cards/card';
import { renderRegistrationCard } from '../cards/registration.card';
import { isDomainError } from '../domain/errors';
import type { Permission } from '../domain/people';
import { organisationsOf } from '../domain/portfolio-queries';
import { boardWordOf } from '../domain/body-terms';
import { chooseLocale, messages } from '../i18n';
import type { Logger } from '../log';
import { networkOf, type Activity } from './activity';
import { createTurn, localeOf, type TurnServices } from './turn';

/**
 * What a user is told when a turn does not go as asked: one clear sentence in their language
 * (the log gets the code, or the whole unexpected error), or the card that asks who they represent.
 */
export function createSentences(deps: TurnServices & { log: Logger }) {
  /** The user's language, else their network's; the network's word for its programme board. */
  const t = (activity: Activity) => {
    const p = deps.store.read();
    const network = networkOf(p, activity, deps.config);
    if (!network) return messages(localeOf(activity, deps.config));
    return messages(chooseLocale(activity.locale, network.locale ?? deps.config.defaultLocale), boardWordOf(p, network.id));
  };

  /** The user's sentence for an error. */
  const describe = (activity: Activity, error: unknown): string => {
    if (isDomainError(error)) {
      deps.log.info('refused', { code: error.code, activityType: activity.type, ...error.params });
      if (error.code === 'ACCESS.DENIED') return t(activity).denied[error.params.permission as Permission] ?? t(activity).errors['ACCESS.DENIED'];
      return t(activity).errors[error.code];
    }
    deps.log.error('handler failed', { error, activityType: activity.type });
    return t(activity).errors.unexpected;
  };

  /** The sentence for anything the adapter could not route: an unknown verb, a malformed search. */
  const invalidInput = (activity: Activity): string => {
    deps.log.info('refused', { code: 'INPUT.INVALID', activityType: activity.type, name: String(activity.name).slice(0, 100) });
    return t(activity).errors['INPUT.INVALID'];
  };

  /** The last resort for an error outside every step of a turn. */
  const unexpected = (activity: Activity, error: unknown): string => {
    deps.log.error('unhandled turn error', { error, activityType: activity.type });
    return t(activity).errors.unexpected;
  };

  /** A person Flokk has not met: which member organisation do they represent? Then `resume` goes on. */
  const registrationCard = (activity: Activity, resume?: { verb: string; data: Record<string, unknown> }): AdaptiveCard => {
    const turn = createTurn(deps, activity);
    return renderRegistrationCard(organisationsOf(turn.portfolio, turn.network.id), turn.locale, resume);
  };

  const working = (activity: Activity): string => t(activity).working;

  return { describe, invalidInput, unexpected, registrationCard, working };
}
