import { announcementChannel, outsideThread, rememberConversation, setAnnouncementChannel } from '../../src/domain/conversations';
import type { Actor } from '../../src/domain/people';
import { ConversationRef, Poll, Portfolio } from '../../src/domain/schema';
import { aPortfolio, NETWORK_ID } from '../builders';

const CHANNEL = '19:general@thread.tacv2';
const channel: ConversationRef = { conversationId: CHANNEL, serviceUrl: 'https://smba.example.invalid/', tenantId: 'tenant-1', channelId: 'msteams', botId: '28:flokk' };
const inThread: ConversationRef = { ...channel, rootMessageId: '1700000000000' };
const SECRETARIAT: Actor = { personId: 'p-sec', aadObjectId: 'aad-sec', name: 'Sekretariatet', networkId: NETWORK_ID, roles: ['secretariat'] };

describe('a conversation reference and its thread', () => {
  it('is the channel itself outside the thread, with nothing else changed', () => {
    expect(outsideThread(inThread)).toEqual(channel);
    expect('rootMessageId' in outsideThread(inThread)).toBe(false);
    expect(outsideThread(inThread)).not.toBe(inThread);
    expect(inThread.rootMessageId).toBe('1700000000000');
  });

  it('is left as it is when it names no thread', () => {
    expect(outsideThread(channel)).toBe(channel);
  });

  it('is read from a stored poll both with and without a thread', () => {
    const stored = {
      id: 'poll-1',
      networkId: NETWORK_ID,
      kind: 'consensus',
      question: 'Ja?',
      eligibleMode: 'board',
      quorum: 1,
      deadline: '2026-12-08T11:00:00.000Z',
      status: 'open',
      createdBy: 'p-sec',
      createdAt: '2026-12-01T09:00:00.000Z',
    };
    expect(Poll.parse({ ...stored, conversation: channel }).conversation?.rootMessageId).toBeUndefined();
    expect(Poll.parse({ ...stored, conversation: inThread }).conversation).toEqual(inThread);
    expect(() => ConversationRef.parse({ ...channel, rootMessageId: '' })).toThrow();
  });
});

describe('remembered conversations', () => {
  const base = (): Portfolio => aPortfolio();

  it('are remembered as the channel, whichever thread Flokk was met in', () => {
    const { next, result } = rememberConversation(base(), NETWORK_ID, inThread, 'channel');
    expect(result).toBe(true);
    expect(next.conversations).toEqual([{ networkId: NETWORK_ID, ref: channel, kind: 'channel', announce: false }]);
    expect(rememberConversation(next, NETWORK_ID, { ...channel, rootMessageId: '1700000000999' }, 'channel').result).toBe(false);
  });

  it('announce in the channel itself when the secretariat chose it from a thread', () => {
    const { next } = setAnnouncementChannel(base(), SECRETARIAT, inThread, 'channel');
    expect(next.conversations).toEqual([{ networkId: NETWORK_ID, ref: channel, kind: 'channel', announce: true }]);
    expect(announcementChannel(next, NETWORK_ID)).toEqual(channel);
  });

  it('announce outside a thread even if one was kept with the channel', () => {
    const p = aPortfolio({ conversations: [{ networkId: NETWORK_ID, ref: inThread, kind: 'channel', announce: true }] });
    expect(announcementChannel(p, NETWORK_ID)).toEqual(channel);
    expect(announcementChannel(p, 'another-network')).toBeUndefined();
  });
});
