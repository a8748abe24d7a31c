import type { Portfolio } from '../../../src/domain/schema';
import { demoPortfolio } from '../../../src/flokk';
import type { Activity } from '../../../src/teams/activity';
import { onInstalled } from '../../../src/teams/events/installed.event';
import type { TurnServices } from '../../../src/teams/turn';
import { BOT, installed, SECRETARIAT, TENANT_ID, type Where } from '../../fixtures/activities';
import { aPortfolio } from '../../builders';
import { cardOf, headingOf } from '../reply-reading';
import { aTurn } from '../turn-builder';

const demo = demoPortfolio();
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

/** The services app.ts hands the event, over an in-memory store holding `portfolio`. */
const servicesFor = (portfolio: Portfolio, networkId = 'digitrondelag') => {
  const { services, store } = aTurn(portfolio, { networkId });
  return { services, store };
};
/** Flokk added to a conversation, as Teams says it in a conversationUpdate. */
const added = (where: Where, locale?: string): Activity => installed({ serviceUrl: SERVICE_URL, where, locale });
/** The installationUpdate Teams also sends on install (and on uninstall, with action "remove"). */
const installation = (action: string, where: Where = 'channel'): Activity => ({ ...installed({ serviceUrl: SERVICE_URL, where }), type: 'installationUpdate', action, membersAdded: undefined });

describe('onInstalled', () => {
  it('remembers a channel it was added to, for its network, and introduces itself with the help card', async () => {
    const { services, store } = servicesFor(demo);
    const reply = await onInstalled(services, added('channel'));
    expect(headingOf(cardOf(reply))).toBe('Dette kan Flokk');
    expect(reply.effects).toEqual([]);
    expect(store.read().conversations).toEqual([
      {
        networkId: 'digitrondelag',
        kind: 'channel',
        announce: false,
        ref: { conversationId: '19:general@thread.tacv2', serviceUrl: SERVICE_URL, tenantId: TENANT_ID, channelId: 'msteams', botId: BOT.id },
      },
    ]);
  });

  it('remembers group and personal chats by their own id', async () => {
    const { services, store } = servicesFor(demo);
    await onInstalled(services, added('groupChat'));
    await onInstalled(services, added('personal'));
    expect(store.read().conversations.map((c) => [c.kind, c.ref.conversationId])).toEqual([
      ['groupChat', '19:group@thread.v2'],
      ['personal', `a:personal-${SECRETARIAT.id}`],
    ]);
  });

  it('greets in the language of the client that installed it', async () => {
    const { services } = servicesFor(demo);
    expect(headingOf(cardOf(await onInstalled(services, added('channel', 'en-GB'))))).toBe('What Flokk can do');
  });

  it('remembers the conversation on installationUpdate too, but greets only once (on conversationUpdate)', async () => {
    const { services, store } = servicesFor(demo);
    const reply = await onInstalled(services, installation('add'));
    expect(reply).toEqual({ effects: [] });
    expect(store.read().conversations.map((c) => c.ref.conversationId)).toEqual(['19:general@thread.tacv2']);
    await onInstalled(services, installation('add-upgrade', 'groupChat'));
    expect(store.read().conversations).toHaveLength(2);
  });

  it('does nothing when someone else joined the conversation, or Flokk was removed', async () => {
    const { services, store } = servicesFor(demo);
    const someoneElse: Activity = { ...added('channel'), membersAdded: [{ id: '29:new-colleague' }] };
    expect(await onInstalled(services, someoneElse)).toEqual({ effects: [] });
    expect(await onInstalled(services, installation('remove'))).toEqual({ effects: [] });
    expect(await onInstalled(services, { ...added('channel'), membersAdded: undefined })).toEqual({ effects: [] });
    expect(store.read()).toBe(demo);
  });

  it('remembers a conversation once, and keeps it the announcement channel when Flokk is added again', async () => {
    const announced = { ...demo, conversations: [{ networkId: 'digitrondelag', kind: 'channel' as const, announce: true, ref: { conversationId: '19:general@thread.tacv2', serviceUrl: 'https://old.example/', channelId: 'msteams' } }] };
    const { services, store } = servicesFor(announced);
    await onInstalled(services, added('channel'));
    await onInstalled(services, added('channel'));
    expect(store.read().conversations).toEqual([expect.objectContaining({ announce: true, ref: expect.objectContaining({ serviceUrl: SERVICE_URL }) })]);
  });

  it('files the conversation under the network that lists the tenant', async () => {
    const p = { ...demo, networks: demo.networks.map((n) => (n.id === 'digi-vestland' ? { ...n, tenantIds: [TENANT_ID] } : n)) };
    const { services, store } = servicesFor(p, 'digitrondelag');
    await onInstalled(services, added('channel'));
    expect(store.read().conversations.map((c) => c.networkId)).toEqual(['digi-vestland']);
  });

  it('remembers nothing for a tenant no network lists, outside local mode, but still introduces itself', async () => {
    const { services, store } = servicesFor(aPortfolio(), 'net-test');
    const strict: TurnServices = { ...services, config: { ...services.config, localMode: false } };
    const reply = await onInstalled(strict, added('channel'));
    expect(headingOf(cardOf(reply))).toBe('Dette kan Flokk');
    expect(store.read().conversations).toEqual([]);
  });
});
