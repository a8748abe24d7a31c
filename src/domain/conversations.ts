import { DomainError } from './errors';
import type { Mutation } from './mutation';
import { assertMay, type Actor } from './people';
import type { ConversationRef, Portfolio } from './schema';

type Kind = Portfolio['conversations'][number]['kind'];

/** Remembers a conversation Flokk was installed in, so it can post there later. */
export function rememberConversation(p: Portfolio, networkId: string, ref: ConversationRef, kind: Kind): Mutation<boolean> {
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

export function announcementChannel(p: Portfolio, networkId: string): ConversationRef | undefined {
  return p.conversations.find((c) => c.networkId === networkId && c.announce)?.ref;
}
