import type { AdaptiveCard } from '../cards/card';
import type { Logger } from '../log';
import { conversationRefOf, type Activity } from './activity';
import { performOutboxEffect, type EffectServices, type OutboundMessage } from './effects';
import type { Exports } from './exports';
import type { Reply } from './reply';
import type { RosterMember } from './turn';

/** What the adapter offers for one turn: the activity, and the ways to answer inside it. */
export interface TurnIO {
  readonly activity: Activity;
  /** Sends a message in the turn's conversation. */
  send(message: OutboundMessage): Promise<void>;
  /** Replaces the message a button was pressed on, for everyone in the conversation. */
  replaceShared(card: AdaptiveCard): Promise<void>;
  /** The people in the turn's conversation, from Teams (the roster). */
  roster(): Promise<RosterMember[]>;
}

/** An invoke's answer: a card in place of the one pressed, or a sentence. */
export type InvokeAnswer = AdaptiveCard | string;

/** Performing a handler's Reply: its message or invoke answer, its download, its declared effects. */
export function createPerformer(deps: EffectServices & { exports: Exports; log: Logger }) {
  /** What the reply says; a download becomes its link first, kept for the person who asked. */
  const answerOf = (reply: Reply, activity: Activity): InvokeAnswer | undefined => {
    if (reply.download) return reply.download.say(deps.exports.put(reply.download.file, activity.from?.aadObjectId));
    return reply.card ?? reply.text;
  };

  const performEffects = async (io: TurnIO, reply: Reply): Promise<void> => {
    for (const effect of reply.effects) {
      if (effect.kind === 'replaceShared') {
        // NOTE: Teams refuses updates to messages that are too old or were deleted.
        await io.replaceShared(effect.card).catch((error: unknown) => deps.log.warn('shared card not updated', { error }));
      } else {
        performOutboxEffect(effect, deps);
      }
    }
  };

  /** A message turn: the reply is sent, then its effects are performed. */
  const sendReply = async (io: TurnIO, reply: Reply): Promise<void> => {
    const answer = answerOf(reply, io.activity);
    if (typeof answer === 'string') await io.send({ text: answer });
    else if (answer) await io.send({ card: answer });
    await performEffects(io, reply);
  };

  /** An invoke answered within its budget: the effects, then the answer. */
  const answerInvoke = async (io: TurnIO, reply: Reply): Promise<InvokeAnswer> => {
    await performEffects(io, reply);
    return answerOf(reply, io.activity) ?? '';
  };

  /**
   * An invoke that finished after its turn: the message the button was on is updated through the
   * outbox, for everyone — with the shared card the reply names, never with the presser's own view
   * (a vote's own view goes nowhere; its poll refresh brings the shared card up to date).
   */
  const performLate = (activity: Activity, reply: Reply): void => {
    const ref = conversationRefOf(activity);
    const answer = answerOf(reply, activity);
    const shared = reply.effects.find((e) => e.kind === 'replaceShared')?.card;
    const personal = reply.effects.some((e) => e.kind === 'refreshPoll');
    if (answer !== undefined && typeof answer !== 'string' && activity.replyToId) {
      if (shared) deps.outbox.update(ref, activity.replyToId, () => shared);
      else if (!personal) deps.outbox.update(ref, activity.replyToId, () => answer);
    } else if (typeof answer === 'string') void deps.outbox.post(ref, { text: answer });
    for (const effect of reply.effects) if (effect.kind !== 'replaceShared') performOutboxEffect(effect, deps);
  };

  return { sendReply, answerInvoke, performLate };
}
