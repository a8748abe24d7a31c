import restify, { type Request, type Response } from 'restify';
import { ActivityTypes } from 'botbuilder';
import { Application, TeamsAdapter, TurnState, type AdaptiveCard } from '@microsoft/teams-ai';
import type { AddressInfo } from 'node:net';

/**
 * The baseline every Flokk figure is compared with: the smallest bot on Flokk's own stack
 * (restify 12, teams-ai's TeamsAdapter over botbuilder's CloudAdapter, a teams-ai Application
 * with the same options, no store). It echoes a chat message through the connector, as Flokk
 * replies to a lookup, and answers any Action.Execute with a small card, as Flokk answers a vote.
 * Its server is configured as src/server.ts configures Flokk's.
 */
export interface EchoBot {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024;

export function smallCard(verb: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: `Mottatt: ${verb}`, wrap: true }],
  };
}

export async function startEchoBot(port: number, host = '127.0.0.1'): Promise<EchoBot> {
  const adapter = new TeamsAdapter({});
  const app = new Application<TurnState>({ adapter, botAppId: '', startTypingTimer: false, removeRecipientMention: true });
  app.activity(ActivityTypes.Message, async (context) => {
    await context.sendActivity(context.activity.text ?? '');
  });
  app.adaptiveCards.actionExecute(/.*/, async (context) => smallCard(String((context.activity.value as { action?: { verb?: string } })?.action?.verb)));

  const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((done) => {
        server.server.closeIdleConnections();
        server.close(() => done());
      }),
  };
}
