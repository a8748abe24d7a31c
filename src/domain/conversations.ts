import { DomainError } from './errors';
import type { Mutation } from './mutation';
import { assertMay, type Actor } from './people';
import type { ConversationRef, Portfolio } from './schema';

type Kind = Portfolio['conversations'][number]['kind'];

/**
 * The conversation itself, outside any thread: a channel is remembered, and announced in, as the
 * channel, whichever thread the command that named it was typed in. A poll keeps its thread.
 */
export function outsideThread(ref: ConversationRef): ConversationRef {
  if (ref.rootMessageId === undefined) return ref;
  const channel = { ...ref };
  delete channel.rootMessageId;
  return channel;
}

/** Remembers a conversation Flokk was installed in, so it can post there later (outside any thread). */
export function rememberConversation(p: Portfolio, networkId: string, inThread: ConversationRef, kind: Kind): Mutation<boolean> {
  const ref = outsideThread(inThread);
  const existing = p.conversations.find((c) => c.ref.conversationId === ref.conversationId);
  if (existing && existing.networkId === networkId && existing.ref.serviceUrl === ref.serviceUrl) return { next: p, result: false };
  const entry = { networkId, ref, kind, announce: existing?.announce ?? false };
  const others = p.conversations.filter((c) => c !== existing);
  return { next: { ...p, conversations: [...others, entry] }, result: true };
}

/** The secretariat picks one channel per network where Flokk announces what happens. */
export function setAnnouncementChannel(p: Portfolio, actor: Actor, ref: ConversationRef, kind: Kind): Mutation<void> {
  assertMay(actor, 'channel.announce');
  if (kind !== 'channel') throw new DomainError('INPUT.INVALID', { reason: 'not a channel' });
  const remembered = rememberConversation(p, actor.networkId, ref, kind).next;
  const conversations = remembered.conversations.map((c) =>
    c.networkId === actor.networkId ? { ...c, announce: c.ref.conversationId === ref.conversationId } : c,
  );
  return { next: { ...remembered, conversations }, result: undefined };
}

/** Where the network's announcements go: the channel's top level, never a thread. */
export function announcementChannel(p: Portfolio, networkId: string): ConversationRef | undefined {
  const ref = p.conversations.find((c) => c.networkId === networkId && c.announce)?.ref;
  return ref && outsideThread(ref);
}
