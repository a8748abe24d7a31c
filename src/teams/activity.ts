import { z } from 'zod/v4';
import { networkForTenant } from '../domain/portfolio-queries';
import type { ConversationRef, Network, Portfolio } from '../domain/schema';

/**
 * The parts of a Bot Framework activity Flokk reads, in its own terms, so that nothing outside
 * the adapter depends on the SDK's types.
 */
export interface Activity {
  type: string;
  id?: string;
  name?: string;
  channelId?: string;
  serviceUrl?: string;
  locale?: string;
  text?: string;
  value?: unknown;
  action?: string;
  replyToId?: string;
  from?: { id: string; name?: string; aadObjectId?: string };
  recipient?: { id: string; name?: string };
  conversation?: { id: string; tenantId?: string; conversationType?: string };
  membersAdded?: Array<{ id: string } | undefined>;
  channelData?: unknown;
  entities?: unknown[];
}

const isMention = (e: { type: string }) => e.type.toLowerCase() === 'mention';
/**
 * NOTE: teams-ai strips the bot's mention from every message: it reads each entity's `type`, each
 * mention's `mentioned`, and the text the mention is in.
 */
const Entity = z
  .object({ type: z.string().max(100), mentioned: z.object({ id: z.string().max(512) }).loose().optional() })
  .loose()
  .refine((e) => !isMention(e) || e.mentioned !== undefined);

/**
 * The most of an activity Flokk reads, checked before any handler sees it. teams-ai itself needs
 * `recipient.id` on every activity, and replies go to `serviceUrl`.
 */
export const InboundActivity = z
  .object({
    type: z.string().min(1).max(50),
    id: z.string().max(512).optional(),
    channelId: z.string().max(50),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2000),
    from: z.object({ id: z.string().max(512), name: z.string().max(512).optional(), aadObjectId: z.string().max(100).optional() }).loose(),
    conversation: z.object({ id: z.string().min(1).max(1024), tenantId: z.string().max(100).optional(), conversationType: z.string().max(50).optional() }).loose(),
    recipient: z.object({ id: z.string().min(1).max(512) }).loose(),
    text: z.string().max(30_000).optional(),
    entities: z.array(Entity).max(100).optional(),
    locale: z.string().max(50).optional(),
    name: z.string().max(100).optional(),
  })
  .refine((a) => a.text !== undefined || !a.entities?.some(isMention));

export function tenantOf(a: Activity): string | undefined {
  return a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export function conversationKindOf(a: Activity): ConversationKind {
  const type = a.conversation?.conversationType;
  return type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
}

/**
 * NOTE: in a channel, Teams names the thread (reply chain) an activity is in by the channel's id,
 * `;messageid=`, and the id of the message that starts the thread: `19:…@thread.tacv2;messageid=17…`.
 */
const THREAD_ROOT = /;messageid=([^;]{1,200})(?:;|$)/i;

/**
 * The thread a channel activity is in, by the message that starts it; none when the message the
 * activity is about (the message itself, or the card a button was pressed on) starts it, as a
 * channel's top-level post does.
 */
export function threadRootOf(a: Activity): string | undefined {
  if (conversationKindOf(a) !== 'channel') return undefined;
  const root = THREAD_ROOT.exec(a.conversation?.id ?? '')?.[1];
  const subject = a.type === 'invoke' ? a.replyToId : a.id;
  return root !== undefined && root !== subject ? root : undefined;
}

/**
 * Where the turn happened, to post there later. For a channel, `conversationId` is the channel
 * itself and `rootMessageId` the thread the activity is in: a poll keeps both, so that its messages
 * stay in its thread; what is remembered of the conversation (the announcement channel) keeps the
 * channel alone (see `outsideThread`).
 */
export function conversationRefOf(a: Activity): ConversationRef {
  const kind = conversationKindOf(a);
  const teamsChannelId = (a.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
  const id = a.conversation?.id ?? '';
  const conversationId = kind === 'channel' ? (teamsChannelId ?? id.split(';')[0]!) : id;
  const rootMessageId = threadRootOf(a);
  return {
    conversationId,
    serviceUrl: a.serviceUrl ?? '',
    tenantId: tenantOf(a),
    channelId: a.channelId ?? 'msteams',
    botId: a.recipient?.id,
    ...(rootMessageId ? { rootMessageId } : {}),
  };
}

/** The conversation id to send to: in a channel thread the thread, so that a post is a reply in it. */
export function connectorConversationId(ref: ConversationRef): string {
  return ref.rootMessageId ? `${ref.conversationId};messageid=${ref.rootMessageId}` : ref.conversationId;
}

/** Which network a turn belongs to; in local mode an unlisted tenant reaches the default network. */
export interface NetworkChoice {
  localMode: boolean;
  defaultNetworkId: string;
}

export function networkOf(p: Portfolio, a: Activity, choice: NetworkChoice): Network | undefined {
  return networkForTenant(p, tenantOf(a), choice.localMode ? choice.defaultNetworkId : undefined);
}
