import type { Portfolio } from '../../../src/domain/schema';
import { DomainError } from '../../../src/domain/errors';
import { demoPortfolio } from '../../../src/flokk';
import { RegistrationNeeded } from '../../../src/teams/actor';
import { announceHere } from '../../../src/teams/commands/announce-here.command';
import { NILS, SECRETARIAT, STRANGER } from '../../fixtures/activities';
import { aTurn } from '../turn-builder';

const demo = demoPortfolio();
const CHANNEL = { id: '19:general@thread.tacv2;messageid=1', conversationType: 'channel' as const };
const SERVICE_URL = 'https://smba.example.invalid/';
const VESTLAND_SECRETARIAT = { aadObjectId: '00000000-0000-4000-8000-000000000014', name: 'Solveig Dømesen' };

const channelEntry = (networkId: string, conversationId: string, announce: boolean): Portfolio['conversations'][number] => ({
  networkId,
  kind: 'channel',
  announce,
  ref: { conversationId, serviceUrl: SERVICE_URL, channelId: 'msteams' },
});

describe('announceHere', () => {
  it('makes the channel (not the thread) the network’s announcement channel', async () => {
    const { turn, store } = aTurn(demo, { networkId: 'digitrondelag', from: SECRETARIAT, conversation: CHANNEL });
    const reply = await announceHere(turn);
    expect(reply).toEqual({
      text: 'Denne kanalen er nå kunngjøringskanal for DigiTrøndelag. Nye initiativ, forslag og statusendringer kommer hit.',
      effects: [],
    });
    expect(store.read().conversations).toEqual([
      { networkId: 'digitrondelag', kind: 'channel', announce: true, ref: { conversationId: '19:general@thread.tacv2', serviceUrl: SERVICE_URL, tenantId: undefined, channelId: 'msteams', botId: '28:flokk' } },
    ]);
  });

  it('moves the announcements from the old channel, and leaves the other network’s alone', async () => {
    const before = { ...demo, conversations: [channelEntry('digitrondelag', '19:old@thread.tacv2', true), channelEntry('digi-vestland', '19:vestland@thread.tacv2', true)] };
    const { turn, store } = aTurn(before, { networkId: 'digitrondelag', from: SECRETARIAT, conversation: CHANNEL });
    await announceHere(turn);
    const announce = Object.fromEntries(store.read().conversations.map((c) => [c.ref.conversationId, [c.networkId, c.announce]]));
    expect(announce).toEqual({
      '19:old@thread.tacv2': ['digitrondelag', false],
      '19:vestland@thread.tacv2': ['digi-vestland', true],
      '19:general@thread.tacv2': ['digitrondelag', true],
    });
  });

  it('tells the secretariat to use a channel when typed in a chat, and changes nothing', async () => {
    for (const conversationType of ['personal', 'groupChat'] as const) {
      const { turn, store } = aTurn(demo, { networkId: 'digitrondelag', from: SECRETARIAT, conversation: { id: '19:group@thread.v2', conversationType } });
      const reply = await announceHere(turn);
      expect(reply.text).toBe('Kunngjøringskanalen må være en kanal i et team. Skriv kommandoen i kanalen du vil bruke.');
      expect(store.read()).toBe(demo);
    }
  });

  it('refuses anyone but the secretariat, and writes nothing', async () => {
    const { turn, store } = aTurn(demo, { networkId: 'digitrondelag', from: NILS, conversation: CHANNEL });
    const refusal = announceHere(turn);
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ code: 'ACCESS.DENIED', params: { permission: 'channel.announce' } });
    expect(store.read()).toBe(demo);
  });

  it('refuses the other network’s secretariat in this network', async () => {
    const { turn, store } = aTurn(demo, { networkId: 'digitrondelag', from: VESTLAND_SECRETARIAT, conversation: CHANNEL });
    await expect(announceHere(turn)).rejects.toBeInstanceOf(RegistrationNeeded);
    expect(store.read()).toBe(demo);
  });

  it('asks someone Flokk has not met to register first', async () => {
    const { turn, store } = aTurn(demo, { networkId: 'digitrondelag', from: STRANGER, conversation: CHANNEL });
    await expect(announceHere(turn)).rejects.toBeInstanceOf(RegistrationNeeded);
    expect(store.read()).toBe(demo);
  });

  it('answers the Vestland secretariat in nynorsk, for Digi Vestland', async () => {
    const { turn, store } = aTurn(demo, { networkId: 'digi-vestland', locale: 'nn', from: VESTLAND_SECRETARIAT, conversation: CHANNEL });
    expect((await announceHere(turn)).text).toBe('Denne kanalen er no kunngjeringskanal for Digi Vestland. Nye initiativ, forslag og statusendringar kjem hit.');
    expect(store.read().conversations.map((c) => [c.networkId, c.announce])).toEqual([['digi-vestland', true]]);
  });
});
