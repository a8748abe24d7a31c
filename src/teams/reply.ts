import type { AdaptiveCard } from '../cards/card';
import type { ExportFile } from './exports';

/**
 * What a handler wants done, declared rather than done: the adapter performs it. Handlers never
 * see the SDK's turn context, so they are tested by calling them and reading this.
 */
export type Effect =
  /** Replace the message the button was pressed on, for everyone in the conversation. */
  | { kind: 'replaceShared'; card: AdaptiveCard }
  /** Bring the poll's shared card up to date (after the turn; bursts collapse). */
  | { kind: 'refreshPoll'; pollId: string }
  /** When consensus failed: the leader's card, posted in the poll's conversation with the leader mentioned. */
  | { kind: 'leaderCard'; pollId: string }
  /** Post in the network's announcement channel, if it has one. */
  | { kind: 'announce'; networkId: string; card: AdaptiveCard; text?: string }
  /** Put something to the network's secretariat for an answer (a membership request): see effects.ts for where it goes. */
  | { kind: 'notifySecretariat'; networkId: string; card: AdaptiveCard };

/** A file handed out as a short-lived link; `say` turns the link into what the user sees. */
export interface Download {
  file: ExportFile;
  say: (url: string) => string | AdaptiveCard;
}

export interface Reply {
  text?: string;
  card?: AdaptiveCard;
  download?: Download;
  effects: readonly Effect[];
  /** Go on with this button press (after registering, what the person was doing when asked). */
  resume?: { verb: string; data: Record<string, unknown> };
}

export const say = (text: string, ...effects: Effect[]): Reply => ({ text, effects });
export const show = (card: AdaptiveCard, ...effects: Effect[]): Reply => ({ card, effects });
export const offer = (file: ExportFile, sayLink: Download['say']): Reply => ({ download: { file, say: sayLink }, effects: [] });
/** Nothing to say (e.g. an event that needs no answer). */
export const silent = (...effects: Effect[]): Reply => ({ effects });
