import { connectorConversationId, conversationRefOf, threadRootOf, type Activity } from '../../src/teams/activity';

const CHANNEL = '19:general@thread.tacv2';
const ROOT = '1700000000000';
const SERVICE_URL = 'https://smba.example.invalid/';

function inChannel(o: Partial<Activity> & { conversationId?: string } = {}): Activity {
  const { conversationId = `${CHANNEL};messageid=${ROOT}`, ...rest } = o;
  return {
    type: 'message',
    id: '1700000000500',
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: '29:someone', aadObjectId: 'aad-someone' },
    recipient: { id: '28:flokk' },
    conversation: { id: conversationId, conversationType: 'channel', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' }, channel: { id: CHANNEL } },
    ...rest,
  };
}

describe('the thread of a channel activity', () => {
  it('is the message that starts it, for a reply in the thread', () => {
    expect(threadRootOf(inChannel())).toBe(ROOT);
  });

  it('is the message that starts it, for a button pressed on a card in the thread', () => {
    expect(threadRootOf(inChannel({ type: 'invoke', id: 'invoke-1', replyToId: '1700000000700' }))).toBe(ROOT);
    expect(threadRootOf(inChannel({ type: 'invoke', id: 'invoke-1' }))).toBe(ROOT);
  });

  it('is none for a top-level post, and for a button on a card that is a top-level post', () => {
    expect(threadRootOf(inChannel({ id: ROOT }))).toBeUndefined();
    expect(threadRootOf(inChannel({ type: 'invoke', id: 'invoke-1', replyToId: ROOT }))).toBeUndefined();
  });

  it('is none where Teams names no thread, and outside channels', () => {
    expect(threadRootOf(inChannel({ conversationId: CHANNEL }))).toBeUndefined();
    expect(threadRootOf(inChannel({ conversation: { id: `19:group@thread.v2;messageid=${ROOT}`, conversationType: 'groupChat' } }))).toBeUndefined();
    expect(threadRootOf(inChannel({ conversation: { id: 'a:personal', conversationType: 'personal' } }))).toBeUndefined();
  });

  it('takes only the root message id, whatever follows it', () => {
    expect(threadRootOf(inChannel({ conversationId: `${CHANNEL};messageid=${ROOT};other=1` }))).toBe(ROOT);
    expect(threadRootOf(inChannel({ conversationId: `${CHANNEL};messageid=` }))).toBeUndefined();
    expect(threadRootOf(inChannel({ conversationId: `${CHANNEL};messageid=${'9'.repeat(201)}` }))).toBeUndefined();
  });
});

describe('the conversation reference of an activity', () => {
  it('names the channel and keeps the thread of a reply in it', () => {
    expect(conversationRefOf(inChannel())).toEqual({
      conversationId: CHANNEL,
      serviceUrl: SERVICE_URL,
      tenantId: 'tenant-1',
      channelId: 'msteams',
      botId: '28:flokk',
      rootMessageId: ROOT,
    });
  });

  it('names the channel alone for a top-level post', () => {
    const ref = conversationRefOf(inChannel({ id: ROOT }));
    expect(ref.conversationId).toBe(CHANNEL);
    expect('rootMessageId' in ref).toBe(false);
  });

  it('names the channel from channelData, and a chat by its own id', () => {
    expect(conversationRefOf(inChannel({ conversationId: `19:other@thread.tacv2;messageid=${ROOT}` })).conversationId).toBe(CHANNEL);
    const chat = conversationRefOf(inChannel({ conversation: { id: '19:group@thread.v2', conversationType: 'groupChat' }, channelData: {} }));
    expect(chat).toMatchObject({ conversationId: '19:group@thread.v2' });
    expect('rootMessageId' in chat).toBe(false);
  });
});

describe('the conversation id Flokk sends to', () => {
  const ref = { conversationId: CHANNEL, serviceUrl: SERVICE_URL, channelId: 'msteams' };

  it('is the thread for a reference that keeps one', () => {
    expect(connectorConversationId({ ...ref, rootMessageId: ROOT })).toBe(`${CHANNEL};messageid=${ROOT}`);
  });

  it('is the conversation itself otherwise, as a reference stored before threads were kept', () => {
    expect(connectorConversationId(ref)).toBe(CHANNEL);
  });

  it('sends back to the thread a reply came from', () => {
    const id = `${CHANNEL};messageid=${ROOT}`;
    expect(connectorConversationId(conversationRefOf(inChannel({ conversationId: id })))).toBe(id);
  });
});
