import type { Portfolio } from '../domain/schema';
import { InboundActivity, tenantOf, type Activity } from './activity';

export type Refusal = 'malformed' | 'channel' | 'tenant';

export interface GateOptions {
  localMode: boolean;
  store: { read(): Portfolio };
}

/**
 * Who may talk to Flokk at all: only Microsoft Teams, and only tenants that a network allows.
 * In local development, when no network lists its tenants, any tenant reaches the default network.
 */
export function refusalOf(activity: Activity, o: GateOptions): Refusal | undefined {
  if (!InboundActivity.safeParse(activity).success) return 'malformed';
  if (activity.channelId !== 'msteams') return 'channel';
  const networks = o.store.read().networks;
  const listed = networks.some((n) => n.tenantIds.length > 0);
  if (o.localMode && !listed) return undefined;
  const tenant = tenantOf(activity);
  return tenant && networks.some((n) => n.tenantIds.includes(tenant)) ? undefined : 'tenant';
}
