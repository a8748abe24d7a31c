import { ActivityTypes, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import type { Portfolio } from '../domain/schema';
import type { Logger } from '../log';
import { tenantOf } from './turn';

/**
 * NOTE: teams-ai strips the bot's mention from every message: it reads each entity's `type`, each
 * mention's `mentioned`, and the text the mention is in.
 */
const isMention = (e: { type: string }) => e.type.toLowerCase() === 'mention';
const Entity = z
  .object({ type: z.string().max(100), mentioned: z.object({ id: z.string().max(512) }).loose().optional() })
  .loose()
  .refine((e) => !isMention(e) || e.mentioned !== undefined);

/**
 * The most of an activity Flokk reads, checked before any handler sees it. teams-ai itself needs
 * `recipient.id` on every activity, and replies go to `serviceUrl`.
 */
const InboundActivity = z.object({
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
}).refine((a) => a.text !== undefined || !a.entities?.some(isMention));

export type Refusal = 'malformed' | 'channel' | 'tenant';

export interface GateOptions {
  localMode: boolean;
  store: { read(): Portfolio };
  log: Logger;
}

/**
 * Who may talk to Flokk at all: only Microsoft Teams, and only tenants that a network allows.
 * In local development, when no network lists its tenants, any tenant reaches the default network.
 * A refused activity is logged and writes nothing; an invoke is answered 403.
 */
export function refusalOf(context: TurnContext, o: GateOptions): Refusal | undefined {
  if (!InboundActivity.safeParse(context.activity).success) return 'malformed';
  if (context.activity.channelId !== 'msteams') return 'channel';
  const networks = o.store.read().networks;
  const listed = networks.some((n) => n.tenantIds.length > 0);
  if (o.localMode && !listed) return undefined;
  const tenant = tenantOf(context);
  return tenant && networks.some((n) => n.tenantIds.includes(tenant)) ? undefined : 'tenant';
}

export async function admit(context: TurnContext, o: GateOptions): Promise<boolean> {
  const refusal = refusalOf(context, o);
  if (!refusal) return true;
  const a = context.activity;
  o.log.warn('activity refused', { refusal, type: String(a.type).slice(0, 50), channelId: String(a.channelId).slice(0, 50), tenantId: refusal === 'tenant' ? tenantOf(context) : undefined });
  if (a.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403, body: {} } });
  return false;
}
