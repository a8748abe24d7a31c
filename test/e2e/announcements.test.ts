import { VERB } from '../../src/cards/actions';
import { installed } from '../fixtures/activities';
import { startTestBot, textOf, type TestBot } from './harness';

/** Proactive announcements reach the fake connector once, even when it first answers 429. */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
  await bot.post(installed({ serviceUrl: bot.connector.serviceUrl, where: 'channel' }));
  await bot.say('kunngjøringer her', { where: 'channel' });
});
afterAll(() => bot.stop());

const channelPosts = () => bot.connector.take().filter((s) => s.method === 'POST' && s.conversationId === '19:general@thread.tacv2');

it('retries an announcement answered with 429 after Retry-After, and delivers it exactly once', async () => {
  bot.connector.take();
  // The press is answered in the HTTP response; the shared card is updated with a PUT; the announcement is a POST.
  bot.connector.failNextOf('POST', { status: 429, headers: { 'retry-after': '1' } });
  const project = bot.flokk.store.read().projects.find((x) => x.id === 'p-samhandling-helseforetak')!;
  expect(project.status).toBe('proposed');
  const { status, body } = await bot.press(VERB.projectTransition, { projectId: project.id, transition: 'withdraw' });
  expect(status).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  await bot.flokk.outbox.idle();
  const posts = channelPosts();
  expect(posts).toHaveLength(1);
  expect(textOf(posts[0]!)).toContain('Trukket');
});

it('sends nothing when the network has no announcement channel', async () => {
  await bot.flokk.store.update((p) => ({ next: { ...p, conversations: p.conversations.map((c) => ({ ...c, announce: false })) }, result: undefined }));
  bot.connector.take();
  await bot.press(VERB.projectTransition, { projectId: 'p-ki-arkiv-saksbehandling', transition: 'submit' }, {});
  await bot.flokk.outbox.idle();
  expect(channelPosts()).toEqual([]);
});
