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

/** How long an invoke's answer waits for the shared poll card's update to go out first (Teams gives an invoke about 5 s). */
const SHARED_UPDATE_WAIT_MS = 1500;

/** An invoke's answer: a card in place of the one pressed, or a sentence. */
export type InvokeAnswer = AdaptiveCard | string;

/** Performing a handler's Reply: its message or invoke answer, its download, its declared effects. */
export function createPerformer(deps: EffectServices & { exports: Exports; log: Logger }) {
  /** What the reply says; a download becomes its link first, kept for the person who asked. */
  const answerOf = (reply: Reply, activity: Activity): InvokeAnswer | undefined => {
    if (reply.download) return reply.download.say(deps.exports.put(reply.download.file, activity.from?.aadObjectId));
    return reply.card ?? reply.text;
  };

  /** Performs the effects; resolves with the outbox sends still under way (a shared poll card's update). */
  const performEffects = async (io: TurnIO, reply: Reply): Promise<Array<Promise<void>>> => {
    const sending: Array<Promise<void>> = [];
    for (const effect of reply.effects) {
      if (effect.kind === 'replaceShared') {
        // NOTE: Teams refuses updates to messages that are too old or were deleted.
        await io.replaceShared(effect.card).catch((error: unknown) => deps.log.warn('shared card not updated', { error }));
      } else {
        const sent = performOutboxEffect(effect, deps);
        if (sent && effect.kind === 'refreshPoll') sending.push(sent);
      }
    }
    return sending;
  };

  /** A message turn: the reply is sent, then its effects are performed. */
  const sendReply = async (io: TurnIO, reply: Reply): Promise<void> => {
    const answer = answerOf(reply, io.activity);
    if (typeof answer === 'string') await io.send({ text: answer });
    else if (answer) await io.send({ card: answer });
    await performEffects(io, reply);
  };

  /**
   * An invoke answered within its budget: the effects, then the answer. NOTE: an update of the
   * shared poll card replaces the message for everyone, the voter too; sent after the voter's own
   * view it put the shared card («Stem») back in front of them, and Teams does not always refresh
   * it again (not within a minute of the last refresh; not at all in the Agents Playground). So
   * the answer waits, briefly, for that update to go out: the voter's own view arrives last.
   */
  const answerInvoke = async (io: TurnIO, reply: Reply): Promise<InvokeAnswer> => {
    const sending = await performEffects(io, reply);
    if (sending.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHARED_UPDATE_WAIT_MS)));
      await Promise.race([Promise.all(sending), cap]).finally(() => clearTimeout(timer));
    }
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
    for (const effect of reply.effects) if (effect.kind !== 'replaceShared') void performOutboxEffect(effect, deps);
  };

  return { sendReply, answerInvoke, performLate };
}
