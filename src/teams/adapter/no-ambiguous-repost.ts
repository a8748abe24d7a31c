import type { TurnContext } from 'botbuilder';

/**
 * The connector client retries a request that failed with a network error. For a POST that
 * creates a message, a connection reset after the request was sent is ambiguous: the message may
 * already be in the conversation, and sending it again would post it twice. This policy sits
 * inside the retry phase and turns such failures into one that is not retried; refused
 * connections (nothing was sent) and 429/503 answers are still retried as before.
 */
const POLICY = 'flokk-no-ambiguous-repost';
const AMBIGUOUS = new Set(['ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE']);

interface Pipeline {
  addPolicy(policy: { name: string; sendRequest: (request: { method: string }, next: (r: unknown) => Promise<unknown>) => Promise<unknown> }, options?: { afterPhase?: string }): void;
  removePolicy(options: { name: string }): unknown;
}

export function guardAgainstReposts(context: TurnContext): void {
  // NOTE: botbuilder exposes no option for this; the turn's ConnectorClient wraps an @azure/core-client ServiceClient.
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as { client?: { pipeline?: Pipeline } } | undefined;
  const pipeline = connector?.client?.pipeline;
  if (!pipeline) return;
  pipeline.removePolicy({ name: POLICY });
  pipeline.addPolicy(
    {
      name: POLICY,
      async sendRequest(request, next) {
        try {
          return await next(request);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (request.method === 'POST' && code && AMBIGUOUS.has(code)) {
            throw Object.assign(new Error(`sending may or may not have reached Teams (${code}); not sent again`), { code: 'FLOKK_AMBIGUOUS_SEND', cause: error });
          }
          throw error;
        }
      },
    },
    { afterPhase: 'Retry' },
  );
}
